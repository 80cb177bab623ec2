// The checks that run before any decoder sees a byte: size, real type, and the pixel count the
// header claims. Each throws an InputImageError whose message says what to do.
import { tooManyPixelsMessage } from './encode';
import { looksTruncated, readHeaderSize } from './header';
import { CORRUPT_MESSAGE, InputImageError, USE_SUPPORTED, formatBytes, subject } from './input-error';
import { SNIFF_BYTES, describeForeignFile, sniffImageType, type ImageMime } from './sniff';

export function checkInputSize(size: number, maxInputBytes: number, name?: string): void {
  if (size === 0) throw new InputImageError('empty', `${subject(name)} is empty (0 bytes). Pick the image again or re-export it.`);
  if (size > maxInputBytes) {
    throw new InputImageError(
      'too_large',
      `${subject(name)} is ${formatBytes(size)}; the limit is ${formatBytes(maxInputBytes)}. ` +
        'Export a smaller copy (1920 pixels on the long side is plenty) and try again.',
    );
  }
}

/** PNG, JPEG or WebP by magic bytes; otherwise says what the file is, when we can tell. */
export function requireAcceptedType(bytes: Uint8Array, name?: string): ImageMime {
  const head = bytes.subarray(0, SNIFF_BYTES);
  const mime = sniffImageType(head);
  if (mime) return mime;
  const foreign = describeForeignFile(head);
  let message: string;
  if (!foreign) {
    message = `${subject(name)} is not a PNG, JPEG or WebP image (its contents match none of them, whatever its name says). ${USE_SUPPORTED}`;
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
  if (looksTruncated(bytes, mime)) throw new InputImageError('corrupt', CORRUPT_MESSAGE);
}
