// Prepares a dropped or pasted picture in the page, with Chromium's own decoders: decode (EXIF
// orientation applied), downscale to 1920 px, flatten onto white, re-encode as JPEG until it fits,
// and a 320 px thumbnail. Untrusted pixels are then decoded only here, in the sandboxed renderer —
// never in a privileged process, where a native decoder (sharp's libvips clashes with Electron's GLib
// on Linux) could crash the app — and the core merely validates the bounded result (media/prepared.ts).
// The same code runs in both faces, so the Chromium tests through the browser host prove it for Electron.
import type { ImageSource } from '../../../shared/contract';
import { tr } from '../../i18n/intl';
import {
  FLATTEN_BACKGROUND,
  MAX_PAYLOAD_BYTES,
  MIN_LONG_EDGE,
  PAYLOAD_QUALITIES,
  SHRINK_STEP,
  TARGET_LONG_EDGE,
  THUMBNAIL_LONG_EDGE,
  THUMBNAIL_QUALITY,
} from '../../../shared/image-limits';

export type PreparedSource = Extract<ImageSource, { kind: 'prepared' }>;

/** Formats whose originals can go as they are when small enough (JPEGs are re-encoded: EXIF rotation). */
const SEND_AS_IS = new Set(['image/png', 'image/webp']);

export class PrepareError extends Error {}

/** True where this page can prepare pictures itself (any current Chromium; not jsdom). */
export const canPrepareInPage = (): boolean => typeof createImageBitmap === 'function' && typeof OffscreenCanvas === 'function';

/**
 * `originalPath`: in Electron, where the file is (webUtils.getPathForFile); main then reads the
 * original itself instead of receiving it base64 through IPC.
 */
export async function prepareInPage(file: Blob, name?: string, originalPath?: string): Promise<PreparedSource> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch (err) {
    throw new PrepareError(tr('create.prepare.decode', { reason: err instanceof Error ? err.message : String(err) }));
  }
  try {
    const { width, height } = bitmap;
    const asIs = SEND_AS_IS.has(file.type) && file.size <= MAX_PAYLOAD_BYTES && Math.max(width, height) <= TARGET_LONG_EDGE;
    const scaled = drawFlattened(bitmap, fitInside(width, height, TARGET_LONG_EDGE));
    const payload = asIs ? file : await encodeToFit(scaled);
    const thumbnail = await drawFlattened(scaled, fitInside(scaled.width, scaled.height, THUMBNAIL_LONG_EDGE)).convertToBlob({
      type: 'image/jpeg',
      quality: THUMBNAIL_QUALITY / 100,
    });
    const [original, payload64, thumbnail64] = await Promise.all([originalPath ? undefined : toBase64(file), toBase64(payload), toBase64(thumbnail)]);
    const from = originalPath ? { path: originalPath } : { original: original as string };
    return { kind: 'prepared', ...(name ? { name } : {}), ...from, payload: payload64, thumbnail: thumbnail64, width, height };
  } finally {
    bitmap.close();
  }
}

function fitInside(width: number, height: number, longEdge: number): { width: number; height: number } {
  const scale = Math.min(1, longEdge / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

function drawFlattened(source: CanvasImageSource, size: { width: number; height: number }): OffscreenCanvas {
  const canvas = new OffscreenCanvas(size.width, size.height);
  const g = canvas.getContext('2d');
  if (!g) throw new PrepareError(tr('create.prepare.noCanvas'));
  g.fillStyle = FLATTEN_BACKGROUND;
  g.fillRect(0, 0, size.width, size.height);
  g.imageSmoothingEnabled = true;
  g.imageSmoothingQuality = 'high';
  g.drawImage(source, 0, 0, size.width, size.height);
  return canvas;
}

/** Steps JPEG quality down, then size, until the payload fits (as the core's encode.ts does). */
async function encodeToFit(canvas: OffscreenCanvas): Promise<Blob> {
  let current = canvas;
  for (;;) {
    for (const quality of PAYLOAD_QUALITIES) {
      const blob = await current.convertToBlob({ type: 'image/jpeg', quality: quality / 100 });
      if (blob.size <= MAX_PAYLOAD_BYTES) return blob;
    }
    const next = Math.floor(Math.max(current.width, current.height) * SHRINK_STEP);
    if (next < MIN_LONG_EDGE) throw new PrepareError(tr('create.prepare.tooBig'));
    current = drawFlattened(current, fitInside(current.width, current.height, next));
  }
}

/** The blob's bytes as plain base64 (what the contract carries). */
export function toBase64(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const text = String(reader.result);
      resolve(text.slice(text.indexOf(',') + 1));
    };
    reader.onerror = () => reject(new PrepareError(tr('create.prepare.unreadable')));
    reader.readAsDataURL(blob);
  });
}
