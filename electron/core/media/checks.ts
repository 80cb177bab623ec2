// The checks that run before any decoder sees a byte: size, real type, and the pixel count the
// header claims. Each throws an InputImageError whose message says what to do.
import { tooManyPixelsMessage } from './encode';
import { looksTruncated, readHeaderSize } from './header';
import { say } from '../../../shared/i18n/messages';
import { CORRUPT_MESSAGE, InputImageError, USE_SUPPORTED, formatBytes, subject, subjectParams } from './input-error';
import { SNIFF_BYTES, describeForeignFile, sniffImageType, type ImageMime } from './sniff';

export function checkInputSize(size: number, maxInputBytes: number, name?: string): void {
  if (size === 0) throw new InputImageError('empty', say('app.image.empty', subjectParams(name)));
  if (size > maxInputBytes) {
    throw new InputImageError('too_large', say('app.image.tooLarge', { ...subjectParams(name), size: formatBytes(size), limit: formatBytes(maxInputBytes) }));
  }
}

/** PNG, JPEG or WebP by magic bytes; otherwise says what the file is, when we can tell. */
export function requireAcceptedType(bytes: Uint8Array, name?: string): ImageMime {
  const head = bytes.subarray(0, SNIFF_BYTES);
  const mime = sniffImageType(head);
  if (mime) return mime;
  const foreign = describeForeignFile(head);
  let message: string | ReturnType<typeof say>;
  if (!foreign) {
    message = say('app.image.notAnImage', subjectParams(name));
  } else if (foreign.isImage) {
    message = `${subject(name)} is ${foreign.label}, which cannot be sent. Convert it to PNG, JPEG or WebP and try again.`;
  } else {
    message = `${subject(name)} is ${foreign.label}, not an image. ${USE_SUPPORTED}`;
  }
  throw new InputImageError('unsupported_type', message);
}

/** Refuses decompression bombs from the header alone, and files visibly cut short. */
export function checkHeader(bytes: Uint8Array, mime: ImageMime, maxPixels: number): void {
  const stored = readHeaderSize(bytes, mime);
  if (stored && stored.width * stored.height > maxPixels) {
    throw new InputImageError('too_many_pixels', tooManyPixelsMessage(maxPixels, stored));
  }
  if (looksTruncated(bytes, mime)) throw new InputImageError('corrupt', CORRUPT_MESSAGE());
}
