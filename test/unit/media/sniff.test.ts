import { describe, expect, it } from 'vitest';
import { looksTruncated, readHeaderSize } from '../../../electron/core/media/header';
import { describeForeignFile, sniffImageType } from '../../../electron/core/media/sniff';
import { FOREIGN_HEADERS, makeImage, pngHeaderClaiming, SENDABLE_FORMATS } from '../../fixtures/images/generate';

describe('sniffImageType', () => {
  it.each(SENDABLE_FORMATS)('recognises a real %s from its bytes', async (format, mime) => {
    const bytes = await makeImage(64, 48, format);
    expect(sniffImageType(bytes)).toBe(mime);
    expect(describeForeignFile(bytes)).toBeUndefined();
  });

  it('recognises a lossless WebP too', async () => {
    expect(sniffImageType(await makeImage(64, 48, 'webp', { lossless: true }))).toBe('image/webp');
  });

  it('judges by content only: a PDF stays a PDF whatever it is called', () => {
    expect(sniffImageType(FOREIGN_HEADERS.pdf)).toBeUndefined();
  });

  it('does not take a RIFF file that is not WebP, or a near-miss PNG signature', () => {
    const avi = Buffer.concat([Buffer.from('RIFF\x00\x00\x00\x00AVI LIST', 'latin1'), Buffer.alloc(20)]);
    expect(sniffImageType(avi)).toBeUndefined();
    const almostPng = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x00]);
    expect(sniffImageType(almostPng)).toBeUndefined();
  });

  it('returns undefined for empty and tiny inputs', () => {
    expect(sniffImageType(new Uint8Array(0))).toBeUndefined();
    expect(sniffImageType(new Uint8Array([0xff, 0xd8]))).toBeUndefined();
  });
});

describe('describeForeignFile', () => {
  it.each([
    ['pdf', /PDF/, false],
    ['elf', /ELF/, false],
    ['pe', /Windows program/, false],
    ['zip', /ZIP/, false],
    ['svg', /SVG/, true],
    ['bmp', /BMP/, true],
    ['heic', /HEIC/, true],
    ['mp4', /video/, false],
  ] as const)('names %s', (kind, label, isImage) => {
    const found = describeForeignFile(FOREIGN_HEADERS[kind]);
    expect(found?.label).toMatch(label);
    expect(found?.isImage).toBe(isImage);
  });

  it.each([
    ['gif', /GIF/],
    ['tiff', /TIFF/],
  ] as const)('names a real %s made by sharp', async (format, label) => {
    const found = describeForeignFile(await makeImage(16, 16, format));
    expect(found).toEqual({ label: expect.stringMatching(label), isImage: true });
  });

  it('names an SVG that starts directly with <svg', () => {
    expect(describeForeignFile(Buffer.from('<svg viewBox="0 0 10 10"></svg>'))?.label).toMatch(/SVG/);
  });

  it('cannot name plain text', () => {
    expect(describeForeignFile(FOREIGN_HEADERS.text)).toBeUndefined();
    expect(describeForeignFile(Buffer.from('<html><body>not a drawing</body></html>'))).toBeUndefined();
  });
});

describe('readHeaderSize', () => {
  it.each([
    ['png', 'image/png', {}],
    ['jpeg', 'image/jpeg', {}],
    ['jpeg', 'image/jpeg', { orientation: 6 }], // EXIF segment before the frame header
    ['webp', 'image/webp', {}], // lossy: VP8
    ['webp', 'image/webp', { lossless: true }], // VP8L
    ['webp', 'image/webp', { alpha: true }], // VP8X
  ] as const)('reads the stored size of a %s (%s, %j) without decoding', async (format, mime, opts) => {
    const bytes = await makeImage(1234, 567, format, opts);
    expect(readHeaderSize(bytes, mime)).toEqual({ width: 1234, height: 567 });
  });

  it('reads a bomb header that has nothing after it', () => {
    expect(readHeaderSize(pngHeaderClaiming(30000, 30000), 'image/png')).toEqual({ width: 30000, height: 30000 });
  });

  it('gives up (undefined) on headers it cannot read', () => {
    expect(readHeaderSize(Buffer.from([0x89, 0x50, 0x4e, 0x47]), 'image/png')).toBeUndefined();
    expect(readHeaderSize(Buffer.from([0xff, 0xd8, 0xff, 0xd9]), 'image/jpeg')).toBeUndefined();
    expect(readHeaderSize(Buffer.from('RIFF\x10\x00\x00\x00WEBPVP8 ', 'latin1'), 'image/webp')).toBeUndefined();
  });
});

describe('looksTruncated', () => {
  it('accepts complete PNG and WebP files', async () => {
    expect(looksTruncated(await makeImage(300, 200, 'png'), 'image/png')).toBe(false);
    expect(looksTruncated(await makeImage(300, 200, 'webp'), 'image/webp')).toBe(false);
  });

  it('flags a PNG missing its IEND chunk and a WebP shorter than its RIFF size', async () => {
    const png = await makeImage(300, 200, 'png');
    expect(looksTruncated(png.subarray(0, png.length - 12), 'image/png')).toBe(true);
    const webp = await makeImage(300, 200, 'webp');
    expect(looksTruncated(webp.subarray(0, webp.length - 1), 'image/webp')).toBe(true);
  });
});
