// Image preflight: turns a file the user dropped into what the job needs — the original (kept in the
// library), a payload small enough to send as image_url, a thumbnail, and warnings the Create screen
// shows before any money is spent. Image processing only: nothing here writes to disk.
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import type { Metadata } from 'sharp';
import { checkHeader, checkInputSize, requireAcceptedType } from './checks';
import { encodePayload, makeThumbnail, readMetadata, toInputImageError, type DecodeLimits } from './encode';
import { readImageFile } from './image-file';
import { CORRUPT_MESSAGE, InputImageError } from './input-error';
import type { ImageMime } from './sniff';
import { MAX_PAYLOAD_BYTES, TARGET_LONG_EDGE } from '../../../shared/image-limits';
import { aspectWarning, downscaledWarning, smallWarning, type PreflightWarning } from './warnings';

export { InputImageError, isInputImageError, type InputImageErrorCode } from './input-error';
export { checkImageUrl, type ImageUrlOptions } from './image-url';
export { sniffImageType, type ImageMime } from './sniff';
export type { PreflightWarning } from './warnings';

export interface PreflightOptions {
  /** Largest payload sent as image_url, before base64 (fal states 8 MB for the Veo models). */
  maxPayloadBytes?: number;
  /** Files bigger than this are refused before anything is decoded. */
  maxInputBytes?: number;
  /** Pixel count above which a file is refused from its header alone (decompression bombs). */
  maxPixels?: number;
  /** Long edge the payload is downscaled to; 1920 is all a 1080p video needs. */
  targetLongEdge?: number;
}

export interface PreparedImage {
  /** Of the original. */
  mime: ImageMime;
  /** As displayed, i.e. after EXIF orientation. */
  width: number;
  height: number;
  bytes: number;
  /** Hex SHA-256 of the original bytes. */
  sha256: string;
  original: Buffer;
  /** What gets sent as image_url. */
  payload: { mime: ImageMime; bytes: number; width: number; height: number; dataUri: string };
  /** JPEG, at most 320 px on the long side. */
  thumbnail: Buffer;
  warnings: PreflightWarning[];
}

export const PREFLIGHT_DEFAULTS: Required<PreflightOptions> = {
  maxPayloadBytes: MAX_PAYLOAD_BYTES,
  maxInputBytes: 100 * 1024 * 1024,
  maxPixels: 100_000_000,
  targetLongEdge: TARGET_LONG_EDGE,
};

type Limits = Required<PreflightOptions>;

const SHARP_FORMAT: Record<ImageMime, string> = { 'image/png': 'png', 'image/jpeg': 'jpeg', 'image/webp': 'webp' };

function resolveLimits(opts: PreflightOptions): Limits {
  const limits = { ...PREFLIGHT_DEFAULTS };
  for (const key of Object.keys(limits) as (keyof Limits)[]) {
    const value = opts[key];
    if (value === undefined) continue;
    if (!Number.isFinite(value) || value <= 0) throw new RangeError(`Preflight option ${key} must be a positive number.`);
    limits[key] = Math.floor(value);
  }
  return limits;
}

export async function prepareImageBytes(
  bytes: Uint8Array,
  opts: PreflightOptions & { name?: string } = {},
): Promise<PreparedImage> {
  // Copy: the caller keeps its array, and `original` must not change under the library's feet.
  return prepareOwned(Buffer.from(bytes), resolveLimits(opts), opts.name);
}

export async function prepareImageFile(path: string, opts: PreflightOptions = {}): Promise<PreparedImage> {
  const limits = resolveLimits(opts);
  const name = basename(path);
  return prepareOwned(await readImageFile(path, limits.maxInputBytes, name), limits, name);
}

async function prepareOwned(original: Buffer, limits: Limits, name?: string): Promise<PreparedImage> {
  checkInputSize(original.length, limits.maxInputBytes, name);
  const mime = requireAcceptedType(original, name);
  checkHeader(original, mime, limits.maxPixels);
  const decode: DecodeLimits = { maxPixels: limits.maxPixels };
  try {
    const meta = await readMetadata(original, decode);
    if (meta.format !== SHARP_FORMAT[mime] || !meta.width || !meta.height) {
      throw new InputImageError('corrupt', CORRUPT_MESSAGE());
    }
    // As displayed: a portrait phone photo is often stored landscape with an EXIF rotation tag.
    const width = meta.autoOrient?.width ?? meta.width;
    const height = meta.autoOrient?.height ?? meta.height;
    const warnings = [smallWarning(width, height), aspectWarning(width, height)].filter((w) => w !== undefined);

    let payload: PreparedImage['payload'];
    let thumbnail: Buffer;
    if (canSendAsIs(original, meta, { width, height }, limits)) {
      // The thumbnail decodes every pixel, which is also what proves the file is not truncated.
      thumbnail = await makeThumbnail(original, decode);
      payload = { mime, bytes: original.length, width, height, dataUri: toDataUri(mime, original) };
    } else {
      const encoded = await encodePayload(original, { ...decode, ...limits });
      thumbnail = encoded.thumbnail;
      const { data, width: sentWidth, height: sentHeight } = encoded.payload;
      payload = { mime: 'image/jpeg', bytes: data.length, width: sentWidth, height: sentHeight, dataUri: toDataUri('image/jpeg', data) };
      // Re-encoding only to apply an EXIF rotation loses nothing worth a warning.
      if (sentWidth !== width || sentHeight !== height || original.length > limits.maxPayloadBytes) {
        warnings.push(downscaledWarning({ width, height, bytes: original.length }, payload));
      }
    }
    return { mime, width, height, bytes: original.length, sha256: sha256Hex(original), original, payload, thumbnail, warnings };
  } catch (err) {
    throw toInputImageError(err, decode);
  }
}

function canSendAsIs(original: Buffer, meta: Metadata, shown: { width: number; height: number }, limits: Limits): boolean {
  return (
    original.length <= limits.maxPayloadBytes &&
    Math.max(shown.width, shown.height) <= limits.targetLongEdge &&
    // Servers are not bound to honour EXIF rotation (orientations 2..8 are not upright)...
    (meta.orientation ?? 1) <= 1 &&
    // ...and only the first frame of an animated WebP would count anyway.
    (meta.pages ?? 1) === 1
  );
}

const toDataUri = (mime: ImageMime, bytes: Buffer): string => `data:${mime};base64,${bytes.toString('base64')}`;
const sha256Hex = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');
