// image:prepare / image:discard through the router, against the real preflight.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PreparedImageInfo } from '../../../shared/contract';
import { IpcUserError } from '../../../electron/core/ipc/router';
import { PARAMS, SAMPLE_INPUT, startHarness, type Harness } from './harness';

let h: Harness;
let sampleBase64: string;
let sampleSize: { width: number; height: number };

beforeAll(async () => {
  h = await startHarness();
  const bytes = await readFile(SAMPLE_INPUT);
  sampleBase64 = bytes.toString('base64');
  const meta = await sharp(bytes).metadata();
  sampleSize = { width: meta.width ?? 0, height: meta.height ?? 0 };
});
afterAll(() => h?.close());

async function expectPreview(info: PreparedImageInfo): Promise<void> {
  expect(info.previewDataUri).toMatch(/^data:image\/jpeg;base64,[A-Za-z0-9+/]+=*$/);
  const preview = Buffer.from(info.previewDataUri!.split(',')[1]!, 'base64');
  const meta = await sharp(preview).metadata();
  expect(meta.format).toBe('jpeg');
  expect(Math.max(meta.width ?? 0, meta.height ?? 0)).toBeLessThanOrEqual(320);
}

describe('image:prepare', () => {
  it('a path: size, type, preview and warnings, but no bytes or path', async () => {
    const info = await h.call('image:prepare', { kind: 'path', path: SAMPLE_INPUT });
    expect(info).toMatchObject({ kind: 'file', name: 'sample-input.jpg', mime: 'image/jpeg', ...sampleSize });
    expect(info.bytes).toBe((await readFile(SAMPLE_INPUT)).length);
    expect(Array.isArray(info.warnings)).toBe(true);
    await expectPreview(info);
    expect(JSON.stringify(info)).not.toContain(SAMPLE_INPUT);
    expect(Object.keys(info).sort()).toEqual(['bytes', 'height', 'kind', 'mime', 'name', 'previewDataUri', 'token', 'warnings', 'width']);
  });

  it('bytes (plain base64 or a data: URI) give the same picture', async () => {
    const plain = await h.call('image:prepare', { kind: 'bytes', name: 'fox.jpg', base64: sampleBase64 });
    const uri = await h.call('image:prepare', { kind: 'bytes', base64: `data:image/jpeg;base64,${sampleBase64}` });
    expect(plain).toMatchObject({ kind: 'file', name: 'fox.jpg', ...sampleSize });
    expect(uri).toMatchObject({ kind: 'file', ...sampleSize });
    expect(uri.name).toBeUndefined();
    expect(plain.token).not.toBe(uri.token);
    await expectPreview(plain);
  });

  it('a small, oddly shaped picture comes with warnings', async () => {
    const tiny = await sharp({ create: { width: 300, height: 300, channels: 3, background: '#3a6' } }).png().toBuffer();
    const info = await h.call('image:prepare', { kind: 'bytes', base64: tiny.toString('base64') });
    expect(info.warnings.map((w) => w.code).sort()).toEqual(['aspect', 'small']);
  });

  it('an https link is checked, not fetched', async () => {
    const info = await h.call('image:prepare', { kind: 'url', url: 'https://example.com/pictures/fox.png' });
    expect(info).toEqual({ token: info.token, kind: 'url', url: 'https://example.com/pictures/fox.png', warnings: [] });
  });

  it('refuses bad links with a readable message', async () => {
    for (const url of ['http://example.com/a.png', 'ftp://example.com/a.png', 'not a link', 'https://user:pw@example.com/a.png']) {
      const err = await h.fail('image:prepare', { kind: 'url', url });
      expect(err.kind).toBe('invalid_input');
      expect(err.message).not.toContain('pw@');
    }
  });

  it('refuses files that are not pictures, missing files and empty bytes', async () => {
    const notImage = join(h.dataDir, 'notes.png');
    await writeFile(notImage, 'just some text, not a PNG at all');
    const errors = [
      await h.fail('image:prepare', { kind: 'path', path: notImage }),
      await h.fail('image:prepare', { kind: 'path', path: join(h.dataDir, 'missing.jpg') }),
      await h.fail('image:prepare', { kind: 'bytes', base64: Buffer.from('GIF89a not really').toString('base64') }),
      await h.fail('image:prepare', { kind: 'bytes', base64: '====' }),
      await h.fail('image:prepare', { kind: 'bytes', base64: sampleBase64.slice(0, 2000) }),
    ];
    for (const err of errors) {
      expect(err.kind).toBe('invalid_input');
      expect(err.message.length).toBeGreaterThan(10);
      expect(err.message).not.toMatch(/\n\s+at\s/);
    }
  });

  it('refuses more than 30 MB of bytes before decoding them', async () => {
    // Past the router's own cap too; call the handler directly to reach the service's check.
    const huge = 'A'.repeat(42_000_000);
    await expect(Promise.resolve().then(() => h.service.handlers['image:prepare']({ kind: 'bytes', base64: huge }))).rejects.toSatisfy(
      (e) => e instanceof IpcUserError && e.kind === 'invalid_input' && e.message.includes('30 MB'),
    );
  });
});

describe('tokens', () => {
  it('one token serves several jobs until it is discarded', async () => {
    const { token } = await h.call('image:prepare', { kind: 'path', path: SAMPLE_INPUT });
    const first = await h.call('jobs:create', { params: PARAMS, imageToken: token });
    // Other settings: the same settings and picture twice in a row is one request (the spend guard).
    const second = await h.call('jobs:create', { params: { ...PARAMS, duration: '4s' }, imageToken: token });
    expect(first.id).not.toBe(second.id);
    await h.call('image:discard', { token });
    const err = await h.fail('jobs:create', { params: PARAMS, imageToken: token });
    expect(err).toEqual({ kind: 'invalid_input', message: 'The picture is no longer available — drop it again.', code: 'app.picture.gone' });
    await Promise.all([h.core.runner.wait(first.id), h.core.runner.wait(second.id)]);
  });

  it('an unknown token is refused the same way', async () => {
    expect((await h.fail('jobs:create', { params: PARAMS, imageToken: 'never-issued' })).kind).toBe('invalid_input');
  });
});
