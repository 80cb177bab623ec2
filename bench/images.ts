// Test pictures for the preflight benchmark, made with sharp: smooth low-frequency "scenery" (a
// random colour grid upscaled with a cubic kernel) plus sensor-like noise, so encoders face what a
// camera photo gives them instead of flat colour that compresses to nothing.
import sharp from 'sharp';

function noisyScene(width: number, height: number, noiseAmplitude: number, seed: number): Promise<Buffer> {
  let x = seed >>> 0 || 1;
  const next = (): number => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return x >>> 0;
  };
  const grid = Buffer.alloc(48 * 32 * 3);
  for (let i = 0; i < grid.length; i++) grid[i] = next() & 0xff;
  return sharp(grid, { raw: { width: 48, height: 32, channels: 3 } })
    .resize(width, height, { kernel: 'cubic' })
    .raw()
    .toBuffer()
    .then((pixels) => {
      for (let i = 0; i < pixels.length; i++) {
        const v = (pixels[i] as number) + ((next() % (2 * noiseAmplitude + 1)) - noiseAmplitude);
        pixels[i] = v < 0 ? 0 : v > 255 ? 255 : v;
      }
      return pixels;
    });
}

/** A 6000×4000 (24 MP) camera-like JPEG. */
export async function writeCameraJpeg(path: string): Promise<void> {
  const pixels = await noisyScene(6000, 4000, 16, 24);
  await sharp(pixels, { raw: { width: 6000, height: 4000, channels: 3 } }).jpeg({ quality: 92 }).toFile(path);
}

/** A PNG of about 20 MB (noisy content keeps PNG from compressing it away). */
export async function writeLargePng(path: string): Promise<void> {
  const [width, height] = [4000, 3000];
  const pixels = await noisyScene(width, height, 7, 20);
  await sharp(pixels, { raw: { width, height, channels: 3 } }).png({ adaptiveFiltering: true }).toFile(path);
}
