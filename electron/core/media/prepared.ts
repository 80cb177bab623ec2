// Accepts a picture the page prepared itself (Chromium decoded, downscaled and re-encoded it in the
// sandboxed renderer), so the privileged process never decodes untrusted pixels. Nothing here
// decodes either: every check reads headers only — magic bytes, sizes, the pixel counts the headers
// claim — and the result is bounded exactly like one made by preflight.ts.
import { createHash } from 'node:crypto';
import { checkHeader, checkInputSize, requireAcceptedType } from './checks';
import { readHeaderSize } from './header';
import { THUMBNAIL_LONG_EDGE } from '../../../shared/image-limits';
import { say } from '../../../shared/i18n/messages';
import { CORRUPT_MESSAGE, InputImageError } from './input-error';
import { PREFLIGHT_DEFAULTS, type PreflightOptions, type PreparedImage } from './preflight';
import { aspectWarning, downscaledWarning, smallWarning } from './warnings';

export interface PreparedInPage {
  name?: string;
  original: Uint8Array;
  payload: Uint8Array;
  thumbnail: Uint8Array;
  /** As displayed, per the page. Checked against the original's header (equal, or swapped by EXIF). */
  width: number;
  height: number;
}

const MAX_THUMBNAIL_BYTES = 512 * 1024;
const REFUSED = say('app.image.notPrepared');

export function acceptPreparedImage(input: PreparedInPage, opts: PreflightOptions = {}): PreparedImage {
  const limits = { ...PREFLIGHT_DEFAULTS, ...opts };
  const original = Buffer.from(input.original);
  checkInputSize(original.length, limits.maxInputBytes, input.name);
  const mime = requireAcceptedType(original, input.name);
  checkHeader(original, mime, limits.maxPixels);
  const stored = readHeaderSize(original, mime);
  if (!stored) throw new InputImageError('corrupt', CORRUPT_MESSAGE());
  const { width, height } = input;
  const upright = (width === stored.width && height === stored.height) || (width === stored.height && height === stored.width);
  if (!upright) throw new InputImageError('corrupt', REFUSED);

  const payload = Buffer.from(input.payload);
  const payloadMime = requireAcceptedType(payload);
  const sent = readHeaderSize(payload, payloadMime);
  if (!sent || payload.length > limits.maxPayloadBytes || sent.width > width || sent.height > height) {
    throw new InputImageError('corrupt', REFUSED);
  }
  const asIs = payload.equals(original);
  if (!asIs && Math.max(sent.width, sent.height) > limits.targetLongEdge) throw new InputImageError('corrupt', REFUSED);

  const thumbnail = Buffer.from(input.thumbnail);
  const thumb = requireAcceptedType(thumbnail) === 'image/jpeg' ? readHeaderSize(thumbnail, 'image/jpeg') : undefined;
  if (!thumb || thumbnail.length > MAX_THUMBNAIL_BYTES || Math.max(thumb.width, thumb.height) > THUMBNAIL_LONG_EDGE) {
    throw new InputImageError('corrupt', REFUSED);
  }

  const warnings = [smallWarning(width, height), aspectWarning(width, height)].filter((w) => w !== undefined);
  if (!asIs && (sent.width !== width || sent.height !== height || original.length > limits.maxPayloadBytes)) {
    warnings.push(downscaledWarning({ width, height, bytes: original.length }, { ...sent, bytes: payload.length }));
  }
  return {
    mime,
    width,
    height,
    bytes: original.length,
    sha256: createHash('sha256').update(original).digest('hex'),
    original,
    payload: { mime: payloadMime, bytes: payload.length, width: sent.width, height: sent.height, dataUri: `data:${payloadMime};base64,${payload.toString('base64')}` },
    thumbnail,
    warnings,
  };
}
