// Files people (or attackers) hand to the image preflight: empty, cut short, lying about their type,
// enormous, decompression bombs, devices, folders, odd paths — plus a few odd-but-valid pictures
// that must still be accepted. Made on the fly in a temp folder; big ones are sparse, so cheap.
import { copyFile, mkdir, open, readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import type { InputImageErrorCode } from '../../../electron/core/media/preflight';
import { FOREIGN_HEADERS, makeImage, pngHeaderClaiming } from '../../fixtures/images/generate';
import { REPO } from './child';

export const SAMPLE_JPEG = join(REPO, 'electron/core/simulator/assets/sample-input.jpg');

export interface HostileFile {
  label: string;
  /** Absolute path to hand to prepareImageFile. */
  path: string;
  /** Refused with one of these codes (and a message matching `says`), or accepted. */
  expect: { refuse: InputImageErrorCode[]; says?: RegExp } | 'accept';
}

type Maker = [label: string, name: string, make: (path: string) => Promise<unknown>, expect: HostileFile['expect']];

const refuse = (codes: InputImageErrorCode | InputImageErrorCode[], says?: RegExp): HostileFile['expect'] => ({
  refuse: Array.isArray(codes) ? codes : [codes],
  ...(says ? { says } : {}),
});

/** A file of `size` bytes that starts with `head` and is otherwise a hole: no disk, no time. */
async function sparse(path: string, head: Buffer, size: number): Promise<void> {
  const handle = await open(path, 'w');
  try {
    await handle.write(head, 0, head.length, 0);
    await handle.truncate(size);
  } finally {
    await handle.close();
  }
}

function pngChunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body) >>> 0);
  return Buffer.concat([len, body, crc]);
}

/** SOI + a baseline SOF0 claiming width×height: the shape of a JPEG bomb's first bytes. */
function jpegHeaderClaiming(width: number, height: number): Buffer {
  const sof = Buffer.from([0xff, 0xc0, 0x00, 0x11, 0x08, height >> 8, height & 255, width >> 8, width & 255, 0x03, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1]);
  return Buffer.concat([Buffer.from([0xff, 0xd8]), sof]);
}

/** RIFF/WEBP with a VP8X chunk whose canvas is width×height. */
function webpHeaderClaiming(width: number, height: number): Buffer {
  const vp8x = Buffer.alloc(10);
  vp8x.writeUIntLE(width - 1, 4, 3);
  vp8x.writeUIntLE(height - 1, 7, 3);
  const chunk = Buffer.concat([Buffer.from('VP8X', 'latin1'), Buffer.from([10, 0, 0, 0]), vp8x]);
  const riff = Buffer.alloc(8);
  riff.write('RIFF', 0, 'latin1');
  riff.writeUInt32LE(4 + chunk.length, 4);
  return Buffer.concat([riff, Buffer.from('WEBP', 'latin1'), chunk]);
}

export async function makeHostileFiles(dir: string): Promise<HostileFile[]> {
  await mkdir(dir, { recursive: true });
  const sample = await readFile(SAMPLE_JPEG);
  const png = await makeImage(64, 64, 'png');
  const makers: Maker[] = [
    ['zero bytes', 'empty.png', (p) => writeFile(p, ''), refuse('empty', /empty/)],
    ['a single byte', 'one.png', (p) => writeFile(p, Buffer.from([0x89])), refuse('unsupported_type')],
    ['PNG signature only', 'sig.png', (p) => writeFile(p, png.subarray(0, 8)), refuse(['corrupt', 'unsupported_type'])],
    ['truncated PNG', 'cut.png', (p) => writeFile(p, png.subarray(0, Math.floor(png.length / 2))), refuse('corrupt', /truncated/)],
    ['truncated JPEG', 'cut.jpg', (p) => writeFile(p, sample.subarray(0, Math.floor(sample.length / 2))), refuse('corrupt')],
    ['JPEG start marker then noise', 'noise.jpg', (p) => writeFile(p, Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.alloc(4000, 0xa5)])), refuse('corrupt')],
    ['PNG whose pixel data is garbage', 'garbage.png', (p) => writeFile(p, Buffer.concat([png.subarray(0, 33), pngChunk('IDAT', Buffer.alloc(3000, 0x5a)), pngChunk('IEND', Buffer.alloc(0))])), refuse('corrupt')],
    ['a PDF renamed .png', 'report.png', (p) => writeFile(p, FOREIGN_HEADERS.pdf), refuse('unsupported_type', /PDF/)],
    ['a Linux executable renamed .jpg', 'holiday.jpg', (p) => copyFile(process.execPath, p), refuse('unsupported_type', /program/)],
    ['a Windows executable renamed .png', 'setup.png', (p) => writeFile(p, FOREIGN_HEADERS.pe), refuse('unsupported_type', /Windows program/)],
    ['a ZIP renamed .webp', 'photos.webp', (p) => writeFile(p, FOREIGN_HEADERS.zip), refuse('unsupported_type', /ZIP/)],
    ['an SVG drawing', 'logo.svg', (p) => writeFile(p, FOREIGN_HEADERS.svg), refuse('unsupported_type', /SVG/)],
    ['an SVG renamed .png', 'logo.png', (p) => writeFile(p, FOREIGN_HEADERS.svg), refuse('unsupported_type', /SVG/)],
    ['an HTML page renamed .jpg', 'page.jpg', (p) => writeFile(p, '<!doctype html><html><script>alert(1)</script></html>'), refuse('unsupported_type')],
    ['a GIF', 'anim.gif', async (p) => writeFile(p, await makeImage(32, 32, 'gif')), refuse('unsupported_type', /GIF.*Convert/)],
    ['a BMP', 'old.png', (p) => writeFile(p, FOREIGN_HEADERS.bmp), refuse('unsupported_type', /BMP/)],
    ['a HEIC photo', 'iphone.jpg', (p) => writeFile(p, FOREIGN_HEADERS.heic), refuse('unsupported_type', /HEIC/)],
    ['an MP4 renamed .png', 'clip.png', (p) => writeFile(p, FOREIGN_HEADERS.mp4), refuse('unsupported_type', /video/)],
    ['a WAV renamed .webp', 'sound.webp', (p) => writeFile(p, Buffer.concat([Buffer.from('RIFF\x24\x00\x00\x00WAVEfmt ', 'latin1'), Buffer.alloc(40)])), refuse('unsupported_type', /RIFF/)],
    ['a 100 MB image (over the limit)', 'huge.png', (p) => sparse(p, pngHeaderClaiming(5000, 5000), 100 * 1024 * 1024 + 1), refuse('too_large', /limit/)],
    ['a 95 MB PNG of nothing (under the limit)', 'hollow.png', (p) => sparse(p, pngHeaderClaiming(5000, 5000), 95 * 1024 * 1024), refuse('corrupt')],
    ['a 30000×30000 PNG header', 'bomb.png', (p) => writeFile(p, pngHeaderClaiming(30_000, 30_000)), refuse('too_many_pixels')],
    ['a 65500×65500 JPEG header', 'bomb.jpg', (p) => writeFile(p, jpegHeaderClaiming(65_500, 65_500)), refuse('too_many_pixels')],
    ['a 16384×16384 WebP header', 'bomb.webp', (p) => writeFile(p, webpHeaderClaiming(16_384, 16_384)), refuse('too_many_pixels')],
    ['a folder named like a picture', 'folder.png', (p) => mkdir(p), refuse('not_found', /folder|not a file/)],
    ['a path that does not exist', 'missing.png', async () => undefined, refuse('not_found', /could not be found/)],
    ['a symlink to /etc/passwd', 'passwd.png', (p) => symlink('/etc/passwd', p), refuse('unsupported_type')],
    ['a PDF behind a right-to-left-override name', 'invoice\u202egnp.exe', (p) => writeFile(p, FOREIGN_HEADERS.pdf), refuse('unsupported_type', /PDF/)],
    ['a valid JPEG in a folder with spaces and unicode', 'my pictures/café ☕ 画像 (1).jpg', async (p) => copyFile(SAMPLE_JPEG, p), 'accept'],
    ['a valid 1×1 PNG', 'dot.png', async (p) => writeFile(p, await makeImage(1, 1, 'png')), 'accept'],
    ['a PNG with a ZIP glued on (polyglot)', 'polyglot.png', async (p) => writeFile(p, Buffer.concat([png, FOREIGN_HEADERS.zip])), 'accept'],
    ['a portrait JPEG stored sideways (EXIF 6)', 'phone.jpg', async (p) => writeFile(p, await makeImage(300, 200, 'jpeg', { orientation: 6 })), 'accept'],
  ];
  const files: HostileFile[] = [];
  for (const [label, name, make, expect] of makers) {
    const path = join(dir, name);
    await mkdir(join(path, '..'), { recursive: true });
    await make(path);
    files.push({ label, path, expect });
  }
  files.push({ label: 'a character device (/dev/zero)', path: '/dev/zero', expect: refuse('not_found', /not a file/) });
  files.push({ label: 'an endless device (/dev/urandom)', path: '/dev/urandom', expect: refuse('not_found', /not a file/) });
  return files;
}
