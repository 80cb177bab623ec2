import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  InputImageError,
  checkImageUrl,
  prepareImageBytes,
  prepareImageFile,
  type PreparedImage,
} from '../../../electron/core/media/preflight';
import { FOREIGN_HEADERS, makeImage, pngHeaderClaiming, SENDABLE_FORMATS } from '../../fixtures/images/generate';
import { rejectionOf } from '../../support/rejection';

/** Runs `fn`, expecting an InputImageError, and returns it for further checks. */
const rejection = (fn: () => Promise<unknown>): Promise<InputImageError> => rejectionOf(fn, InputImageError);

const decodeDataUri = (uri: string): { mime: string; bytes: Buffer } => {
  const match = /^data:(image\/[a-z]+);base64,([A-Za-z0-9+/=]+)$/.exec(uri);
  expect(match).not.toBeNull();
  return { mime: match![1]!, bytes: Buffer.from(match![2]!, 'base64') };
};

async function expectValidThumbnail(prepared: PreparedImage): Promise<void> {
  const meta = await sharp(prepared.thumbnail).metadata();
  expect(meta.format).toBe('jpeg');
  expect(Math.max(meta.width, meta.height)).toBe(Math.min(320, Math.max(prepared.width, prepared.height)));
  // Same orientation as the displayed picture.
  expect(meta.width >= meta.height).toBe(prepared.width >= prepared.height);
}

// The await inside makes this accept a promise of bytes, which keeps the cases below short.
async function prepareImageBytesOf(bytes: Promise<Buffer> | Buffer, opts?: Parameters<typeof prepareImageBytes>[1]) {
  return prepareImageBytes(await bytes, opts);
}

describe('prepareImageBytes — pictures that pass', () => {
  it.each(SENDABLE_FORMATS)('sends a 1280×720 %s as it is', async (format, mime) => {
    const original = await makeImage(1280, 720, format);
    const prepared = await prepareImageBytes(original);

    expect(prepared).toMatchObject({ mime, width: 1280, height: 720, bytes: original.length, warnings: [] });
    expect(prepared.sha256).toBe(createHash('sha256').update(original).digest('hex'));
    expect(prepared.original.equals(original)).toBe(true);
    expect(prepared.payload).toMatchObject({ mime, bytes: original.length, width: 1280, height: 720 });
    const sent = decodeDataUri(prepared.payload.dataUri);
    expect(sent.mime).toBe(mime);
    expect(sent.bytes.equals(original)).toBe(true);
    await expectValidThumbnail(prepared);
  });

  it('keeps its own copy of the bytes', async () => {
    const input = new Uint8Array(await makeImage(1280, 720, 'png'));
    const prepared = await prepareImageBytes(input);
    input.fill(0);
    expect(prepared.original.subarray(0, 4).toString('latin1')).toBe('\x89PNG');
  });

  it('warns when the short edge is under 720 px', async () => {
    const prepared = await prepareImageBytes(await makeImage(640, 360, 'jpeg'));
    expect(prepared.warnings.map((w) => w.code)).toEqual(['small']);
    expect(prepared.warnings[0]!.message).toMatch(/640×360.*720/);
    expect(prepared.payload.bytes).toBe(prepared.bytes); // still sent as is: never upscaled
  });

  it('warns about cropping for a square picture but not for 9:16', async () => {
    const square = await prepareImageBytes(await makeImage(1080, 1080, 'jpeg'));
    expect(square.warnings).toEqual([{ code: 'aspect', message: expect.stringMatching(/cropped/) }]);
    const portrait = await prepareImageBytes(await makeImage(720, 1280, 'jpeg'));
    expect(portrait.warnings).toEqual([]);
  });

  it('downscales a 6000×4000 JPEG to 1920 px and under 8 MB', async () => {
    const original = await makeImage(6000, 4000, 'jpeg', { quality: 95 });
    const prepared = await prepareImageBytes(original);

    expect(prepared).toMatchObject({ mime: 'image/jpeg', width: 6000, height: 4000, bytes: original.length });
    expect(prepared.payload).toMatchObject({ mime: 'image/jpeg', width: 1920, height: 1280 });
    expect(prepared.payload.bytes).toBeLessThanOrEqual(8 * 1024 * 1024);
    const sent = decodeDataUri(prepared.payload.dataUri);
    expect(sent.bytes.length).toBe(prepared.payload.bytes);
    const meta = await sharp(sent.bytes).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['jpeg', 1920, 1280]);
    expect(prepared.warnings.map((w) => w.code).sort()).toEqual(['aspect', 'downscaled']);
    expect(prepared.warnings.find((w) => w.code === 'downscaled')!.message).toMatch(/6000×4000.*1920×1280/);
    await expectValidThumbnail(prepared);
  }, 60_000);

  it('steps quality down until the payload fits a smaller limit', async () => {
    const original = await makeImage(1920, 1080, 'png'); // ~6 MB of noise
    const maxPayloadBytes = 1024 * 1024;
    const prepared = await prepareImageBytes(original, { maxPayloadBytes });
    expect(prepared.payload.mime).toBe('image/jpeg');
    expect(prepared.payload.bytes).toBeLessThanOrEqual(maxPayloadBytes);
    expect(prepared.payload.bytes).toBeGreaterThan(0);
    expect(prepared.warnings.map((w) => w.code)).toContain('downscaled');
  });

  it('refuses when even the smallest re-encode cannot fit the limit', async () => {
    const err = await rejection(() => prepareImageBytesOf(makeImage(1920, 1080, 'png'), { maxPayloadBytes: 4096 }));
    expect(err.code).toBe('too_large');
    expect(err.message).toMatch(/4 KB upload limit/);
  });

  it('flattens transparency when it has to re-encode as JPEG', async () => {
    const prepared = await prepareImageBytes(await makeImage(2400, 1350, 'png', { alpha: true }));
    const meta = await sharp(decodeDataUri(prepared.payload.dataUri).bytes).metadata();
    expect(meta).toMatchObject({ format: 'jpeg', channels: 3, hasAlpha: false, width: 1920, height: 1080 });
  });

  it('reports the displayed size of an EXIF-rotated photo and sends it upright', async () => {
    // Stored landscape, tagged "rotate 90° clockwise": displayed as portrait 720×1280.
    const original = await makeImage(1280, 720, 'jpeg', { orientation: 6 });
    const prepared = await prepareImageBytes(original);

    expect([prepared.width, prepared.height]).toEqual([720, 1280]);
    expect([prepared.payload.width, prepared.payload.height]).toEqual([720, 1280]);
    const sent = await sharp(decodeDataUri(prepared.payload.dataUri).bytes).metadata();
    expect([sent.width, sent.height, sent.orientation]).toEqual([720, 1280, undefined]);
    expect(prepared.original.equals(original)).toBe(true);
    expect(prepared.warnings).toEqual([]);
    await expectValidThumbnail(prepared);
  });
});

describe('prepareImageBytes — pictures that are refused', () => {
  it('zero bytes → empty', async () => {
    const err = await rejection(() => prepareImageBytes(new Uint8Array(0), { name: 'blank.png' }));
    expect(err.code).toBe('empty');
    expect(err.message).toMatch(/“blank\.png” is empty.*Pick the image again/);
  });

  it.each([
    ['PNG cut in the middle', 'png', (b: Buffer) => b.subarray(0, Math.floor(b.length * 0.6))],
    ['PNG missing only its IEND chunk', 'png', (b: Buffer) => b.subarray(0, b.length - 12)],
    ['JPEG cut in the middle', 'jpeg', (b: Buffer) => b.subarray(0, Math.floor(b.length * 0.6))],
    ['JPEG missing its last bytes', 'jpeg', (b: Buffer) => b.subarray(0, b.length - 2)],
    ['WebP cut in the middle', 'webp', (b: Buffer) => b.subarray(0, Math.floor(b.length * 0.6))],
  ] as const)('%s → corrupt', async (_label, format, cut) => {
    const whole = await makeImage(800, 600, format);
    const err = await rejection(() => prepareImageBytes(cut(whole)));
    expect(err.code).toBe('corrupt');
    expect(err.message).toBe('The image could not be read (it may be truncated). Re-export it and try again.');
  });

  it.each([
    ['pdf', /is a PDF document, not an image\. Use a PNG, JPEG or WebP\./],
    ['elf', /is a Linux program \(ELF\), not an image\. Use a PNG, JPEG or WebP\./],
    ['svg', /is an SVG drawing, which cannot be sent\. Convert it to PNG, JPEG or WebP/],
    ['text', /is not a PNG, JPEG or WebP image.*Use a PNG, JPEG or WebP\./],
  ] as const)('a %s → unsupported_type, saying what it is and what to do', async (kind, message) => {
    const err = await rejection(() => prepareImageBytes(FOREIGN_HEADERS[kind], { name: 'picture.png' }));
    expect(err.code).toBe('unsupported_type');
    expect(err.message).toMatch(message);
    expect(err.message).toMatch(/^“picture\.png” /);
  });

  it('a real GIF → unsupported_type, asking for a conversion', async () => {
    const err = await rejection(() => prepareImageBytesOf(makeImage(320, 200, 'gif')));
    expect(err.code).toBe('unsupported_type');
    expect(err.message).toBe('This file is a GIF image, which cannot be sent. Convert it to PNG, JPEG or WebP and try again.');
  });

  it('a 30000×30000 PNG header → too_many_pixels from the header, without decoding', async () => {
    const err = await rejection(() => prepareImageBytes(pngHeaderClaiming(30000, 30000)));
    // sharp would call this header "corrupt" (no image data follows); too_many_pixels proves our own
    // header check answered before any decoder ran.
    expect(err.code).toBe('too_many_pixels');
    expect(err.message).toMatch(/30000×30000 pixels \(900 MP\); at most 100 MP/);
  });

  it('maxPixels is enforced for real files too', async () => {
    const err = await rejection(() => prepareImageBytesOf(makeImage(2000, 1500, 'png'), { maxPixels: 1_000_000 }));
    expect(err.code).toBe('too_many_pixels');
    expect(err.message).toMatch(/2000×1500/);
  });

  it('maxInputBytes is enforced before decoding', async () => {
    const bytes = await makeImage(1280, 720, 'jpeg');
    const err = await rejection(() => prepareImageBytes(bytes, { maxInputBytes: bytes.length - 1 }));
    expect(err.code).toBe('too_large');
    expect(err.message).toMatch(/Export a smaller copy/);
    await expect(prepareImageBytes(bytes, { maxInputBytes: bytes.length })).resolves.toBeDefined();
  });

  it('rejects nonsense options loudly', async () => {
    await expect(prepareImageBytes(await makeImage(64, 64, 'png'), { maxPixels: 0 })).rejects.toThrow(RangeError);
  });
});

describe('prepareImageFile', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'veo-preflight-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads a file and prepares it like bytes', async () => {
    const bytes = await makeImage(1280, 720, 'webp');
    const path = join(dir, 'still.webp');
    await writeFile(path, bytes);
    const prepared = await prepareImageFile(path);
    expect(prepared).toMatchObject({ mime: 'image/webp', width: 1280, height: 720, bytes: bytes.length });
    expect(prepared.original.equals(bytes)).toBe(true);
  });

  it('ignores the extension: a PDF named .png is refused by content, naming the file', async () => {
    const path = join(dir, 'holiday.png');
    await writeFile(path, FOREIGN_HEADERS.pdf);
    const err = await rejection(() => prepareImageFile(path));
    expect(err.code).toBe('unsupported_type');
    expect(err.message).toBe('“holiday.png” is a PDF document, not an image. Use a PNG, JPEG or WebP.');
  });

  it('an empty file → empty; a file over maxInputBytes → too_large', async () => {
    const empty = join(dir, 'empty.jpg');
    await writeFile(empty, Buffer.alloc(0));
    expect((await rejection(() => prepareImageFile(empty))).code).toBe('empty');
    const big = join(dir, 'big.jpg');
    await writeFile(big, await makeImage(800, 600, 'jpeg'));
    expect((await rejection(() => prepareImageFile(big, { maxInputBytes: 1000 }))).code).toBe('too_large');
  });

  it('a missing file or a folder → not_found with a next step', async () => {
    const missing = await rejection(() => prepareImageFile(join(dir, 'gone.png')));
    expect(missing.code).toBe('not_found');
    expect(missing.message).toMatch(/“gone\.png” could not be found.*pick it again/);
    const folder = join(dir, 'folder.png');
    await mkdir(folder);
    const notFile = await rejection(() => prepareImageFile(folder));
    expect(notFile.code).toBe('not_found');
    expect(notFile.message).toMatch(/folder|not a file/);
  });
});

describe('checkImageUrl', () => {
  it('accepts https links and normalises them', () => {
    expect(checkImageUrl('  https://cdn.example.com/a b.png?x=1 ')).toEqual({ url: 'https://cdn.example.com/a%20b.png?x=1' });
  });

  it.each([
    ['http://cdn.example.com/a.png', /Only https:\/\//],
    ['javascript:alert(1)', /“javascript:” cannot be used/],
    ['file:///etc/passwd', /“file:” cannot be used/],
    ['data:image/png;base64,iVBORw0KGgo=', /Drop the image file instead/],
    ['https://user:hunter22@cdn.example.com/a.png', /user name or password/],
    ['https://token@cdn.example.com/a.png', /user name or password/],
    ['not a link', /not a web address/],
    ['', /empty/],
  ])('rejects %s', (url, message) => {
    let caught: unknown;
    try {
      checkImageUrl(url);
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(InputImageError);
    expect((caught as InputImageError).code).toBe('bad_url');
    expect((caught as InputImageError).message).toMatch(message);
    expect((caught as InputImageError).message).not.toContain('hunter22');
  });

  it('allows plain http only to loopback, and only when asked', () => {
    expect(checkImageUrl('http://127.0.0.1:5123/a.png', { allowInsecureLocal: true })).toEqual({ url: 'http://127.0.0.1:5123/a.png' });
    expect(checkImageUrl('http://localhost/a.png', { allowInsecureLocal: true }).url).toBe('http://localhost/a.png');
    expect(() => checkImageUrl('http://127.0.0.1:5123/a.png')).toThrow(/Only https/);
    expect(() => checkImageUrl('http://example.com/a.png', { allowInsecureLocal: true })).toThrow(/Only https/);
  });
});
