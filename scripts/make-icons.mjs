#!/usr/bin/env node
// Generates every platform icon from the one source, build/icon.svg (`npm run icons`):
//   build/icon.png           1024 px, Apple grid (electron-builder's fallback, docs)
//   build/icon.icns          macOS: PNG entries icp4..ic14 (16 px to 1024 px)
//   build/icon.ico           Windows: PNG-in-ICO, 16..256 px, cropped to the tile
//   build/icons/<N>x<N>.png  Linux hicolor set, cropped to the tile
// The outputs are committed; `--check` regenerates in memory and exits 1 when a committed file is
// missing or differs (run it in CI, so nobody edits the SVG and forgets to regenerate).
// Usage: node scripts/make-icons.mjs [--check]
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const buildDir = path.join(root, 'build');

// The source is drawn on Apple's grid (100 px transparent margin around the tile, room for the
// shadow). Windows and Linux show icons edge to edge, where that margin would only make the
// mark look small, so their variant crops the view box to the tile plus a hair of shadow.
const APPLE_VIEW_BOX = 'viewBox="0 0 1024 1024"';
const TILE_VIEW_BOX = 'viewBox="92 92 840 840"';

/** ICNS entry types holding PNG data, with their pixel size (16@2x is 32 px, and so on). */
const ICNS_ENTRIES = [
  ['icp4', 16], ['icp5', 32], ['ic11', 32], ['ic12', 64], ['ic07', 128],
  ['ic13', 256], ['ic08', 256], ['ic14', 512], ['ic09', 512], ['ic10', 1024],
];
const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];
const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512];

/** Rasterises the SVG at exactly `size` px: vector-rendered at that size, not downscaled. */
async function renderPng(svg, viewBoxWidth, size) {
  const density = (72 * size) / viewBoxWidth;
  return sharp(Buffer.from(svg), { density })
    .resize(size, size, { fit: 'fill' })
    .png({ compressionLevel: 9, adaptiveFiltering: false })
    .toBuffer();
}

/** ICO container: ICONDIR, one 16-byte entry per image, then the PNG payloads (Vista and later). */
function encodeIco(images) {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(images.length, 4);
  let offset = header.length + 16 * images.length;
  const entries = images.map(({ size, png }) => {
    const entry = Buffer.alloc(16);
    entry.writeUInt8(size >= 256 ? 0 : size, 0); // 0 means 256
    entry.writeUInt8(size >= 256 ? 0 : size, 1);
    entry.writeUInt8(0, 2); // no palette
    entry.writeUInt8(0, 3); // reserved
    entry.writeUInt16LE(1, 4); // colour planes
    entry.writeUInt16LE(32, 6); // bits per pixel
    entry.writeUInt32LE(png.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += png.length;
    return entry;
  });
  return Buffer.concat([header, ...entries, ...images.map((image) => image.png)]);
}

/** ICNS container: 'icns' + total length, then (type, length including the 8-byte header, data). */
function encodeIcns(images) {
  const chunks = images.map(({ type, png }) => {
    const head = Buffer.alloc(8);
    head.write(type, 0, 'ascii');
    head.writeUInt32BE(png.length + 8, 4);
    return Buffer.concat([head, png]);
  });
  const body = Buffer.concat(chunks);
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'ascii');
  head.writeUInt32BE(body.length + 8, 4);
  return Buffer.concat([head, body]);
}

async function generate() {
  const appleSvg = await readFile(path.join(buildDir, 'icon.svg'), 'utf8');
  if (!appleSvg.includes(APPLE_VIEW_BOX)) throw new Error(`build/icon.svg must declare ${APPLE_VIEW_BOX}`);
  const tileSvg = appleSvg.replace(APPLE_VIEW_BOX, TILE_VIEW_BOX);
  const apple = (size) => renderPng(appleSvg, 1024, size);
  const tile = (size) => renderPng(tileSvg, 840, size);

  const outputs = new Map();
  outputs.set('icon.png', await apple(1024));
  const icns = [];
  for (const [type, size] of ICNS_ENTRIES) icns.push({ type, png: await apple(size) });
  outputs.set('icon.icns', encodeIcns(icns));
  const ico = [];
  for (const size of ICO_SIZES) ico.push({ size, png: await tile(size) });
  outputs.set('icon.ico', encodeIco(ico));
  for (const size of LINUX_SIZES) outputs.set(`icons/${size}x${size}.png`, await tile(size));
  return outputs;
}

async function readOrNull(file) {
  try {
    return await readFile(file);
  } catch {
    return null;
  }
}

const outputs = await generate();
if (process.argv.includes('--check')) {
  const stale = [];
  for (const [name, bytes] of outputs) {
    const committed = await readOrNull(path.join(buildDir, name));
    if (!committed?.equals(bytes)) stale.push(name);
  }
  if (stale.length > 0) {
    console.error(`icons out of date (run npm run icons): ${stale.join(', ')}`);
    process.exit(1);
  }
  console.log(`icons up to date (${outputs.size} files)`);
} else {
  await mkdir(path.join(buildDir, 'icons'), { recursive: true });
  for (const [name, bytes] of outputs) await writeFile(path.join(buildDir, name), bytes);
  console.log(`wrote ${outputs.size} icon files to build/`);
}
