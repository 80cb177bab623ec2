// The page's own image preparation (renderer/features/create/image-prepare.ts) in real Chromium —
// jsdom has no createImageBitmap — followed by the core's validation of what it sends. Both faces
// run this same path for a dropped or pasted picture.
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, openPreparePage, type PreparePage } from '../../../bench/prepare-page';
import { isCi } from '../../../scripts/find-chromium.mjs';
import { acceptPreparedImage } from '../../../electron/core/media/prepared';
import type { ImageSource } from '../../../shared/contract';

type PreparedSource = Extract<ImageSource, { kind: 'prepared' }>;

const hasChromium = CHROMIUM !== undefined;
// Skipping is for a developer without a browser; CI must run this (a green CI by skipping proves nothing).
if (!hasChromium && isCi()) throw new Error('No Chromium found (set VEO_CHROMIUM): CI must run the in-page image preparation tests.');
let page: PreparePage;

beforeAll(async () => {
  if (hasChromium) page = await openPreparePage();
}, 60_000);
afterAll(() => page?.close());

const accept = (original: Buffer, s: PreparedSource) =>
  acceptPreparedImage({
    original,
    payload: Buffer.from(s.payload, 'base64'),
    thumbnail: Buffer.from(s.thumbnail, 'base64'),
    width: s.width,
    height: s.height,
  });

describe.skipIf(!hasChromium)('preparing a picture in Chromium', () => {
  it('applies EXIF orientation: a portrait photo stored landscape arrives upright, and the core accepts it', async () => {
    const original = await sharp({ create: { width: 1200, height: 800, channels: 3, background: '#336699' } })
      .jpeg()
      .withMetadata({ orientation: 6 })
      .toBuffer();
    const { source } = await page.prepare(original, 'image/jpeg', 'phone.jpg');
    expect(source).toMatchObject({ kind: 'prepared', name: 'phone.jpg', width: 800, height: 1200 });
    const image = accept(original, source);
    expect(image.payload).toMatchObject({ mime: 'image/jpeg', width: 800, height: 1200 });
  }, 30_000);

  it('downscales a large picture to 1920 px and makes a 320 px JPEG thumbnail', async () => {
    const original = await sharp({ create: { width: 4000, height: 3000, channels: 3, background: '#aa3300' } }).jpeg({ quality: 95 }).toBuffer();
    const { source } = await page.prepare(original, 'image/jpeg', 'big.jpg');
    const image = accept(original, source);
    expect(image.payload).toMatchObject({ width: 1920, height: 1440 });
    expect(await sharp(image.thumbnail).metadata()).toMatchObject({ format: 'jpeg', width: 320, height: 240 });
    expect(image.warnings.map((w) => w.code)).toContain('downscaled');
  }, 30_000);

  it('sends a small PNG as it is, with a thumbnail flattened onto white', async () => {
    const original = await sharp({ create: { width: 1280, height: 720, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } }).png().toBuffer();
    const { source } = await page.prepare(original, 'image/png', 'clear.png');
    const image = accept(original, source);
    expect(image.payload.mime).toBe('image/png');
    expect(Buffer.from(source.payload, 'base64').equals(original)).toBe(true);
    const { data } = await sharp(image.thumbnail).raw().toBuffer({ resolveWithObject: true });
    expect(Math.min(data[0] ?? 0, data[1] ?? 0, data[2] ?? 0)).toBeGreaterThan(240);
  }, 30_000);

  it('sends the path instead of the bytes when it has one (Electron), and rejects what it cannot decode', async () => {
    const original = await sharp({ create: { width: 640, height: 360, channels: 3, background: '#000' } }).png().toBuffer();
    const { source } = await page.prepare(original, 'image/png', 'x.png', '/pictures/x.png');
    expect(source.path).toBe('/pictures/x.png');
    expect(source.original).toBeUndefined();
    await expect(page.prepare(Buffer.from('%PDF-1.7 definitely not a picture'), 'image/png', 'x.png')).rejects.toThrow(/could not be decoded/);
  }, 30_000);
});
