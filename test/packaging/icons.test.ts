// The committed platform icons: generated from build/icon.svg (not stale), and well-formed
// containers with the sizes each platform asks for. Parsed here independently of the writer
// in scripts/make-icons.mjs, so a bug there cannot hide behind a matching bug in a shared reader.
import { execFile } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '..', '..');
const BUILD = path.join(ROOT, 'build');
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

async function pngSize(png: Buffer): Promise<number> {
  expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
  const { width, height } = await sharp(png).metadata();
  expect(width).toBe(height);
  return width ?? 0;
}

describe('platform icons', () => {
  it('are up to date with build/icon.svg', async () => {
    const { stdout } = await run(process.execPath, [path.join(ROOT, 'scripts', 'make-icons.mjs'), '--check'], { cwd: ROOT });
    expect(stdout).toMatch(/up to date/);
  }, 60_000);

  it('icon.png is the 1024 px master', async () => {
    expect(await pngSize(await readFile(path.join(BUILD, 'icon.png')))).toBe(1024);
  });

  it('icon.icns holds PNG entries from 16 px to 1024 px', async () => {
    const icns = await readFile(path.join(BUILD, 'icon.icns'));
    expect(icns.toString('ascii', 0, 4)).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    const sizes = new Map<string, number>();
    for (let offset = 8; offset < icns.length; ) {
      const type = icns.toString('ascii', offset, offset + 4);
      const length = icns.readUInt32BE(offset + 4);
      expect(length).toBeGreaterThan(8);
      sizes.set(type, await pngSize(icns.subarray(offset + 8, offset + length)));
      offset += length;
    }
    // ic07..ic10 are the 128/256/512/1024 slots macOS's Finder and Dock use.
    expect(Object.fromEntries(sizes)).toMatchObject({ ic07: 128, ic08: 256, ic09: 512, ic10: 1024, icp4: 16, icp5: 32 });
  });

  it('icon.ico holds 16..256 px PNG images with matching directory entries', async () => {
    const ico = await readFile(path.join(BUILD, 'icon.ico'));
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1]);
    const count = ico.readUInt16LE(4);
    const sizes: number[] = [];
    for (let i = 0; i < count; i++) {
      const entry = 6 + 16 * i;
      const declared = ico.readUInt8(entry) || 256;
      const png = ico.subarray(ico.readUInt32LE(entry + 12), ico.readUInt32LE(entry + 12) + ico.readUInt32LE(entry + 8));
      expect(await pngSize(png)).toBe(declared);
      sizes.push(declared);
    }
    expect(sizes).toEqual(expect.arrayContaining([16, 24, 32, 48, 64, 128, 256]));
  });

  it('build/icons is the Linux set, named <size>x<size>.png', async () => {
    const files = (await readdir(path.join(BUILD, 'icons'))).sort();
    expect(files.length).toBeGreaterThanOrEqual(6);
    for (const file of files) {
      const match = /^(\d+)x\1\.png$/.exec(file);
      expect(match, file).not.toBeNull();
      expect(await pngSize(await readFile(path.join(BUILD, 'icons', file)))).toBe(Number(match![1]));
    }
    expect(files).toContain('512x512.png');
  });
});
