// Library media for <video>/<img>: confinement of untrusted URL paths (resolveMediaPath) and byte
// ranges (serveFile) — the code behind the host's /media and Electron's veo-media://.
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveMediaPath, serveFile } from '../../../electron/core/media/serve-file';

let root: string;
let library: string;
let video: string;
const BYTES = Buffer.from(Array.from({ length: 1000 }, (_, i) => i % 251));

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'veo-serve-'));
  library = join(root, 'library');
  await mkdir(join(library, 'media', 'job-1'), { recursive: true });
  video = join(library, 'media', 'job-1', 'video.mp4');
  await writeFile(video, BYTES);
  await writeFile(join(library, 'media', 'job-1', 'thumb.jpg'), 'jpg');
  await writeFile(join(library, 'library.jsonl'), '{"op":"put"}\n');
  await writeFile(join(root, 'secret.mp4'), 'outside the library');
  await writeFile(join(library, 'media', 'job-1', 'notes.txt'), 'not media');
  await mkdir(join(library, 'media', 'job-1', 'dir.mp4'));
  await symlink(join(root, 'secret.mp4'), join(library, 'media', 'job-1', 'escape.mp4'));
  await symlink(join(root), join(library, 'media', 'linked-dir'));
  await symlink(video, join(library, 'media', 'job-1', 'alias.mp4'));
});
afterAll(() => rm(root, { recursive: true, force: true }));

async function readAll(body: Readable | undefined): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of body ?? []) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

describe('resolveMediaPath', () => {
  it('resolves media files inside the library, percent-decoding once', async () => {
    expect(await resolveMediaPath(library, 'media/job-1/video.mp4')).toEqual({ ok: true, path: video });
    expect(await resolveMediaPath(library, 'media/job%2D1/video%2Emp4')).toEqual({ ok: true, path: video });
    // A symlink that stays inside the library is fine (and resolves to its real target).
    expect(await resolveMediaPath(library, 'media/job-1/alias.mp4')).toEqual({ ok: true, path: video });
  });

  it.each([
    ['../secret.mp4'],
    ['media/../../secret.mp4'],
    ['media/job-1/../../../secret.mp4'],
    ['%2e%2e/secret.mp4'],
    ['media/%2e%2e/%2e%2e/secret.mp4'],
    ['media/..%2f..%2fsecret.mp4'],
    ['..%2fsecret.mp4'],
    ['%2Fetc%2Fpasswd'],
    ['/etc/passwd'],
    ['/tmp/x.mp4'],
    ['C:%5CWindows%5Cwin.ini'],
    ['media/job-1/video.mp4%00.jpg'],
    ['media/job-1/video.mp4\0'],
    ['media\\job-1\\video.mp4'],
    ['media%5Cjob-1%5Cvideo.mp4'],
    ['media/./job-1/video.mp4'],
    ['library.jsonl'],
    ['media/job-1/notes.txt'],
    ['media/%E0%A4%A'],
    [''],
  ])('refuses %j', async (rel) => {
    const r = await resolveMediaPath(library, rel);
    expect(r.ok).toBe(false);
    if (!r.ok) expect([400, 403, 404]).toContain(r.status);
  });

  it('refuses a symlink whose target leaves the library', async () => {
    expect(await resolveMediaPath(library, 'media/job-1/escape.mp4')).toMatchObject({ ok: false, status: 403 });
    expect(await resolveMediaPath(library, 'media/linked-dir/secret.mp4')).toMatchObject({ ok: false, status: 403 });
  });

  it('a double-encoded traversal is a literal (missing) file name, not a way out', async () => {
    expect(await resolveMediaPath(library, 'media/%252e%252e/%252e%252e/secret.mp4')).toMatchObject({ ok: false, status: 404 });
    expect(await resolveMediaPath(library, 'media/job-1/missing.mp4')).toMatchObject({ ok: false, status: 404 });
  });
});

/** The ETag serveFile gives `path` (its stream closed unread). */
async function etagOf(path: string): Promise<string> {
  const served = await serveFile(path, {});
  served.body?.destroy();
  return served.headers.ETag!;
}

describe('serveFile', () => {
  it('serves the whole file with its type and Accept-Ranges', async () => {
    const r = await serveFile(video, {});
    expect(r.status).toBe(200);
    expect(r.headers).toMatchObject({ 'Content-Type': 'video/mp4', 'Accept-Ranges': 'bytes', 'Content-Length': '1000' });
    expect(await readAll(r.body)).toEqual(BYTES);
  });

  it.each([
    ['bytes=0-99', 0, 99],
    ['bytes=100-199', 100, 199],
    ['bytes=990-', 990, 999],
    ['bytes=-10', 990, 999],
    ['bytes=995-5000', 995, 999],
    ['bytes=-5000', 0, 999],
    ['bytes=999-999', 999, 999],
  ])('%s → 206 with exactly those bytes', async (range, start, end) => {
    const r = await serveFile(video, { range });
    expect(r.status).toBe(206);
    expect(r.headers['Content-Range']).toBe(`bytes ${start}-${end}/1000`);
    expect(r.headers['Content-Length']).toBe(String(end - start + 1));
    expect(await readAll(r.body)).toEqual(BYTES.subarray(start, end + 1));
  });

  it.each(['bytes=1000-', 'bytes=5000-6000', 'bytes=-0'])('%s → 416 with the size', async (range) => {
    const r = await serveFile(video, { range });
    expect(r.status).toBe(416);
    expect(r.headers['Content-Range']).toBe('bytes */1000');
    expect(r.body).toBeUndefined();
  });

  it.each(['bytes=0-1,5-6', 'items=0-5', 'bytes=abc', 'bytes=9-3'])('ignores a malformed or multi-range header %s (whole file)', async (range) => {
    const r = await serveFile(video, { range });
    expect(r.status).toBe(200);
    expect((await readAll(r.body)).length).toBe(1000);
  });

  it('answers 404 for a missing file or a directory, and types images by extension', async () => {
    expect((await serveFile(join(library, 'media', 'job-1', 'nope.mp4'), {})).status).toBe(404);
    expect((await serveFile(join(library, 'media', 'job-1', 'dir.mp4'), {})).status).toBe(404);
    const thumb = await serveFile(join(library, 'media', 'job-1', 'thumb.jpg'), {});
    expect(thumb.headers['Content-Type']).toBe('image/jpeg');
    thumb.body?.destroy();
  });

  it('tags every answer with an ETag; a request that already holds it gets 304 and no bytes', async () => {
    const first = await serveFile(video, {});
    first.body?.destroy();
    const etag = first.headers.ETag!;
    expect(etag).toMatch(/^"[0-9a-z-]+"$/);
    expect(first.headers['Cache-Control']).toBe('no-cache');
    for (const header of [etag, `W/${etag}`, `"other", ${etag}`, '*']) {
      const again = await serveFile(video, { range: 'bytes=0-9', ifNoneMatch: header });
      expect(again.status, header).toBe(304);
      expect(again.body).toBeUndefined();
      expect(again.headers.ETag).toBe(etag);
    }
    const stale = await serveFile(video, { ifNoneMatch: '"not-this-file"' });
    expect(stale.status).toBe(200);
    expect((await readAll(stale.body)).length).toBe(1000);
  });

  it('If-Range: the range only for a partial copy of this very file, else all of it', async () => {
    const etag = await etagOf(video);
    const same = await serveFile(video, { range: 'bytes=0-10', ifRange: etag });
    expect(same.status).toBe(206);
    expect((await readAll(same.body)).length).toBe(11);
    for (const ifRange of ['"stale-1"', `W/${etag}`, 'Wed, 21 Oct 2015 07:28:00 GMT']) {
      const whole = await serveFile(video, { range: 'bytes=0-10', ifRange });
      expect(whole.status, ifRange).toBe(200);
      expect((await readAll(whole.body)).length).toBe(1000);
    }
  });

  it('a file replaced under the same name gets a new ETag, so a browser never keeps the old one', async () => {
    const path = join(library, 'media', 'job-1', 'poster.jpg');
    await writeFile(path, 'first poster');
    const before = await etagOf(path);
    await rm(path);
    await writeFile(path, 'second poster, longer');
    const after = await serveFile(path, { ifNoneMatch: before });
    expect(after.status).toBe(200);
    expect(after.headers.ETag).not.toBe(before);
    expect((await readAll(after.body)).toString()).toBe('second poster, longer');
  });

  it('does not follow a symlink handed to it directly', async () => {
    expect((await serveFile(join(library, 'media', 'job-1', 'escape.mp4'), {})).status).toBe(404);
  });
});
