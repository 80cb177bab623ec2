// What the page sends after preparing a picture with Chromium is hostile input like any other: the
// core checks it from headers alone (no decoder runs) and refuses anything out of bounds.
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { acceptPreparedImage, type PreparedInPage } from '../../../electron/core/media/prepared';
import { isInputImageError } from '../../../electron/core/media/preflight';

let good: PreparedInPage;
const jpeg = (width: number, height: number, quality = 80) =>
  sharp({ create: { width, height, channels: 3, background: '#5a4fe0' } }).jpeg({ quality }).toBuffer();

beforeAll(async () => {
  const original = await jpeg(4000, 3000, 95);
  good = { name: 'camera.jpg', original, payload: await jpeg(1920, 1440, 90), thumbnail: await jpeg(320, 240), width: 4000, height: 3000 };
});

const refusal = (input: PreparedInPage, opts: { maxPixels?: number } = {}): string => {
  try {
    acceptPreparedImage(input, opts);
  } catch (err) {
    expect(isInputImageError(err)).toBe(true);
    return (err as Error).message;
  }
  throw new Error('accepted');
};

describe('acceptPreparedImage', () => {
  it('accepts a picture prepared in the page, keeping the original and hashing it itself', () => {
    const image = acceptPreparedImage(good);
    expect(image).toMatchObject({ mime: 'image/jpeg', width: 4000, height: 3000, bytes: good.original.length });
    expect(image.payload).toMatchObject({ mime: 'image/jpeg', width: 1920, height: 1440 });
    expect(image.payload.dataUri).toMatch(/^data:image\/jpeg;base64,/);
    expect(image.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(image.warnings.map((w) => w.code)).toContain('downscaled');
  });

  it('accepts the size swapped by EXIF orientation (a portrait phone photo stored landscape)', () => {
    expect(acceptPreparedImage({ ...good, width: 3000, height: 4000 }).width).toBe(3000);
  });

  it('refuses a payload that is not a picture, too large, or larger than the picture', async () => {
    expect(refusal({ ...good, payload: Buffer.from('%PDF-1.7 not a picture') })).toMatch(/PDF/);
    const huge = Buffer.concat([await jpeg(1920, 1440), Buffer.alloc(9 * 1024 * 1024)]);
    expect(refusal({ ...good, payload: huge })).toMatch(/prepared/);
    expect(refusal({ ...good, payload: await jpeg(2400, 1800) })).toMatch(/prepared/);
  });

  it('refuses sizes the original header contradicts, and an oversized thumbnail', async () => {
    expect(refusal({ ...good, width: 8000, height: 6000 })).toMatch(/prepared/);
    expect(refusal({ ...good, thumbnail: await jpeg(1024, 768) })).toMatch(/prepared/);
    expect(refusal({ ...good, thumbnail: Buffer.from('GIF89a') })).toMatch(/GIF/);
  });

  it('refuses an original that is not an accepted picture or claims too many pixels', async () => {
    expect(refusal({ ...good, original: Buffer.from('%PDF-1.7') })).toMatch(/PDF/);
    expect(refusal(good, { maxPixels: 10_000_000 })).toMatch(/pixels/);
  });
});
