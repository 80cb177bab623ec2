// Reads an image's stored dimensions straight from its header, without any decoder. This is the
// first line against decompression bombs: a 2 KB file can claim 30000×30000 pixels, and we want to
// refuse it before libvips allocates anything — even when the rest of the file is missing, which
// makes sharp's own header reader give up with a vaguer "corrupt header".
import type { ImageMime } from './sniff';

export interface HeaderSize {
  width: number;
  height: number;
}

const be16 = (b: Uint8Array, i: number): number => ((b[i] ?? 0) << 8) | (b[i + 1] ?? 0);
const be32 = (b: Uint8Array, i: number): number => (be16(b, i) * 0x10000 + be16(b, i + 2)) >>> 0;
const le16 = (b: Uint8Array, i: number): number => (b[i] ?? 0) | ((b[i + 1] ?? 0) << 8);
const le24 = (b: Uint8Array, i: number): number => le16(b, i) | ((b[i + 2] ?? 0) << 16);
const le32 = (b: Uint8Array, i: number): number => (le24(b, i) + (b[i + 3] ?? 0) * 0x1000000) >>> 0;
const fourcc = (b: Uint8Array, i: number): string => String.fromCharCode(...b.subarray(i, i + 4));

/** PNG: the IHDR chunk must come first, right after the 8-byte signature. */
function pngSize(b: Uint8Array): HeaderSize | undefined {
  if (b.length < 24 || fourcc(b, 12) !== 'IHDR') return undefined;
  return { width: be32(b, 16), height: be32(b, 20) };
}

const isStandaloneJpegMarker = (m: number): boolean => (m >= 0xd0 && m <= 0xd7) || m === 0x01;
// SOF0..SOF15 carry the frame size; C4 (DHT), C8 (JPG) and CC (DAC) share the range but are not frames.
const isJpegFrameMarker = (m: number): boolean => m >= 0xc0 && m <= 0xcf && m !== 0xc4 && m !== 0xc8 && m !== 0xcc;

/** JPEG: walk the marker segments (EXIF, ICC, …) until the first start-of-frame. */
function jpegSize(b: Uint8Array): HeaderSize | undefined {
  let i = 2;
  while (i + 4 <= b.length) {
    if (b[i] !== 0xff) return undefined;
    let marker = b[i + 1] ?? 0;
    while (marker === 0xff && i + 2 < b.length) marker = b[++i + 1] ?? 0; // fill bytes
    i += 2;
    if (isStandaloneJpegMarker(marker)) continue;
    if (marker === 0xd9 || marker === 0xda) return undefined; // end of image / scan data before any frame
    const length = be16(b, i);
    if (length < 2) return undefined;
    if (isJpegFrameMarker(marker)) {
      if (i + 7 > b.length) return undefined;
      return { width: be16(b, i + 5), height: be16(b, i + 3) };
    }
    i += length;
  }
  return undefined;
}

/** Offset of the first start-of-scan (the compressed pixels), walking the segments before it. */
function jpegFirstScan(b: Uint8Array): number | undefined {
  let i = 2;
  while (i + 4 <= b.length) {
    if (b[i] !== 0xff) return undefined;
    let marker = b[i + 1] ?? 0;
    while (marker === 0xff && i + 2 < b.length) marker = b[++i + 1] ?? 0;
    i += 2;
    if (isStandaloneJpegMarker(marker)) continue;
    if (marker === 0xda) return i;
    if (marker === 0xd9) return undefined;
    const length = be16(b, i);
    if (length < 2) return undefined;
    i += length;
  }
  return undefined;
}

/**
 * A JPEG is whole when an end-of-image marker follows its first scan. Searching from the end (not
 * just the last bytes) accepts phone "motion photos" that append a video after the JPEG; requiring
 * it after the scan ignores the EXIF thumbnail's own marker. In entropy-coded data 0xFF is always
 * followed by 0x00 or a restart marker, so FF D9 cannot appear there by accident.
 */
function jpegLooksTruncated(b: Uint8Array): boolean {
  const scan = jpegFirstScan(b);
  if (scan === undefined) return true;
  for (let i = b.length - 2; i > scan; i--) {
    if (b[i] === 0xff && b[i + 1] === 0xd9) return false;
  }
  return true;
}

/** WebP: the first chunk is VP8 (lossy), VP8L (lossless) or VP8X (extended, carries the canvas size). */
function webpSize(b: Uint8Array): HeaderSize | undefined {
  if (b.length < 30) return undefined;
  switch (fourcc(b, 12)) {
    case 'VP8X':
      return { width: le24(b, 24) + 1, height: le24(b, 27) + 1 };
    case 'VP8L': {
      if (b[20] !== 0x2f) return undefined;
      const b1 = b[22] ?? 0;
      const b2 = b[23] ?? 0;
      const b3 = b[24] ?? 0;
      return {
        width: 1 + (((b1 & 0x3f) << 8) | (b[21] ?? 0)),
        height: 1 + (((b3 & 0x0f) << 10) | (b2 << 2) | ((b1 & 0xc0) >> 6)),
      };
    }
    case 'VP8 ':
      if (b[23] !== 0x9d || b[24] !== 0x01 || b[25] !== 0x2a) return undefined;
      return { width: le16(b, 26) & 0x3fff, height: le16(b, 28) & 0x3fff };
    default:
      return undefined;
  }
}

/**
 * The stored (not EXIF-rotated) size, or undefined when the header cannot be read this cheaply — in
 * which case sharp's header reader, run with `limitInputPixels`, is the second line of defence.
 */
export function readHeaderSize(bytes: Uint8Array, mime: ImageMime): HeaderSize | undefined {
  const size = mime === 'image/png' ? pngSize(bytes) : mime === 'image/jpeg' ? jpegSize(bytes) : webpSize(bytes);
  return size && size.width > 0 && size.height > 0 ? size : undefined;
}

const IEND = [0x49, 0x45, 0x4e, 0x44];

/**
 * Truncation that the decoders forgive: libpng decodes a PNG whose IEND chunk is missing, libjpeg
 * only *warns* on a missing end-of-image marker (and sharp's failOn:'error' lets warnings through),
 * and a WebP may be shorter than its RIFF header says. We send originals as they are, so a file like
 * that would reach the server broken; treat it as truncated.
 */
export function looksTruncated(bytes: Uint8Array, mime: ImageMime): boolean {
  if (mime === 'image/webp') return bytes.length < le32(bytes, 4) + 8;
  if (mime === 'image/jpeg') return jpegLooksTruncated(bytes);
  // Some tools append junk after IEND, so look for it near the end rather than exactly at it.
  const tail = bytes.subarray(Math.max(0, bytes.length - 4096));
  for (let i = tail.length - IEND.length; i >= 0; i--) {
    if (IEND.every((v, k) => tail[i + k] === v)) return false;
  }
  return true;
}
