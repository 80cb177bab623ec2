// The sharp pipelines preflight needs: header metadata, the library thumbnail and the downscaled
// upload payload. Every pipeline is built with the same guarded input options, so no code path can
// forget the pixel limit or the strictness that makes truncated files fail instead of decoding grey.
import type SharpModule from 'sharp';
import type { Metadata, Sharp, SharpOptions } from 'sharp';
import {
  FLATTEN_BACKGROUND,
  MIN_LONG_EDGE,
  PAYLOAD_QUALITIES,
  SHRINK_STEP,
  THUMBNAIL_LONG_EDGE,
  THUMBNAIL_QUALITY,
} from '../../../shared/image-limits';
import { say } from '../../../shared/i18n/messages';
import type { Said } from '../util/said';
import { CORRUPT_MESSAGE, InputImageError, formatBytes, formatMegapixels } from './input-error';

export { THUMBNAIL_LONG_EDGE } from '../../../shared/image-limits';

/**
 * sharp is loaded on first use, not at start-up: in the desktop app it is the WebAssembly build
 * (scripts/sharp-wasm-plugin.mjs), whose module compile would otherwise delay every launch, though
 * most pictures are prepared in the page and never reach it.
 */
let loading: Promise<typeof SharpModule> | undefined;
const loadSharp = (): Promise<typeof SharpModule> => (loading ??= import('sharp').then((m) => m.default));

export interface DecodeLimits {
  maxPixels: number;
}

function inputOptions(limits: DecodeLimits): SharpOptions {
  return {
    limitInputPixels: limits.maxPixels,
    // 'error' rejects truncated and corrupt pixel data (sharp's docs: higher levels imply lower ones)
    // but still accepts files that only trip libjpeg *warnings* (common in phone photos).
    failOn: 'error',
  };
}

/** Turns a sharp failure into the error users see; the raw libvips text is kept as the cause. */
export function toInputImageError(err: unknown, limits: DecodeLimits): InputImageError {
  if (err instanceof InputImageError) return err;
  const text = err instanceof Error ? err.message : String(err);
  if (/pixel limit/i.test(text)) {
    return new InputImageError('too_many_pixels', tooManyPixelsMessage(limits.maxPixels), { cause: err });
  }
  return new InputImageError('corrupt', CORRUPT_MESSAGE(), { cause: err });
}

export async function readMetadata(bytes: Buffer, limits: DecodeLimits): Promise<Metadata> {
  const sharp = await loadSharp();
  return sharp(bytes, inputOptions(limits)).metadata();
}

/** Decodes the whole image (which is also what proves it is not truncated) into a small JPEG. */
export async function makeThumbnail(bytes: Buffer, limits: DecodeLimits): Promise<Buffer> {
  const sharp = await loadSharp();
  return sharp(bytes, { ...inputOptions(limits), autoOrient: true })
    .resize(THUMBNAIL_LONG_EDGE, THUMBNAIL_LONG_EDGE, { fit: 'inside', withoutEnlargement: true })
    .flatten({ background: FLATTEN_BACKGROUND })
    .jpeg({ quality: THUMBNAIL_QUALITY })
    .toBuffer();
}

export interface EncodedPayload {
  data: Buffer;
  width: number;
  height: number;
}

interface RawImage {
  data: Buffer;
  info: { width: number; height: number; channels: 1 | 2 | 3 | 4 };
}

const fromRaw = (sharp: typeof SharpModule, raw: RawImage): Sharp =>
  sharp(raw.data, { raw: { width: raw.info.width, height: raw.info.height, channels: raw.info.channels } });

/**
 * Upright, metadata-free, at most `longEdge` on the long side (never enlarged), alpha flattened.
 * Decoded to raw pixels once so the quality steps below do not decode a 24 MP original again each time.
 */
async function decodeUpright(bytes: Buffer, limits: DecodeLimits, longEdge: number): Promise<RawImage> {
  const sharp = await loadSharp();
  const { data, info } = await sharp(bytes, { ...inputOptions(limits), autoOrient: true })
    .resize(longEdge, longEdge, { fit: 'inside', withoutEnlargement: true })
    .flatten({ background: FLATTEN_BACKGROUND })
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data, info: { width: info.width, height: info.height, channels: info.channels } };
}

/** Steps JPEG quality down, then size, until the payload fits; throws `too_large` if it never does. */
export async function encodePayload(
  bytes: Buffer,
  limits: DecodeLimits & { targetLongEdge: number; maxPayloadBytes: number },
): Promise<{ payload: EncodedPayload; thumbnail: Buffer }> {
  const sharp = await loadSharp();
  let raw = await decodeUpright(bytes, limits, limits.targetLongEdge);
  const thumbnail = await fromRaw(sharp, raw)
    .resize(THUMBNAIL_LONG_EDGE, THUMBNAIL_LONG_EDGE, { fit: 'inside', withoutEnlargement: true })
    .jpeg({ quality: THUMBNAIL_QUALITY })
    .toBuffer();
  for (;;) {
    for (const quality of PAYLOAD_QUALITIES) {
      const data = await fromRaw(sharp, raw).jpeg({ quality }).toBuffer();
      if (data.length <= limits.maxPayloadBytes) {
        return { payload: { data, width: raw.info.width, height: raw.info.height }, thumbnail };
      }
    }
    const longEdge = Math.max(raw.info.width, raw.info.height);
    const next = Math.floor(longEdge * SHRINK_STEP);
    if (next < MIN_LONG_EDGE) break;
    const { data, info } = await fromRaw(sharp, raw)
      .resize(next, next, { fit: 'inside' })
      .raw()
      .toBuffer({ resolveWithObject: true });
    raw = { data, info: { width: info.width, height: info.height, channels: info.channels } };
  }
  throw new InputImageError(
    'too_large',
    say('app.image.doesNotFit', { limit: formatBytes(limits.maxPayloadBytes) }),
  );
}

export function tooManyPixelsMessage(maxPixels: number, size?: { width: number; height: number }): Said {
  const max = formatMegapixels(maxPixels);
  return size
    ? say('app.image.tooManyPixelsSized', { width: size.width, height: size.height, megapixels: formatMegapixels(size.width * size.height), max })
    : say('app.image.tooManyPixels', { max });
}
