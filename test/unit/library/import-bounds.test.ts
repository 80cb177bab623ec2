// Red-team F2/F3: a crafted export folder froze the app (a 255 MB index.json of `{}` parsed in one
// go) or wrote gigabytes per job (a sparse "video.mp4", any number of records pointing at it). The
// index is capped before parsing, its job count before any per-job work; each video is capped like a
// download, must be an MP4, and the whole import must fit on the disk.
import { randomUUID } from 'node:crypto';
import { promises as fsp } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importLibrary } from '../../../electron/core/library/portable';
import { MAX_IMPORT_INDEX_BYTES, MAX_IMPORT_JOBS } from '../../../electron/core/library/portable-limits';
import { LibraryStore } from '../../../electron/core/library/store';
import { makeJobRecord } from '../../support/records';

const GiB = 1024 ** 3;
const MP4_HEAD = Buffer.from([0, 0, 0, 0x18, ...Buffer.from('ftypisom'), 0, 0, 2, 0, ...Buffer.from('isomiso2')]);

let root: string;
let store: LibraryStore;
beforeEach(async () => {
  root = await fsp.mkdtemp(path.join(tmpdir(), 'veo-import-bounds-'));
  store = await LibraryStore.open(path.join(root, 'lib'));
});
afterEach(async () => {
  await store.close();
  await fsp.rm(root, { recursive: true, force: true });
});

const header = { format: 'veo-studio.library', version: 1, exportedAt: 'now' };

async function exportDir(): Promise<string> {
  const dir = path.join(root, `export-${randomUUID()}`);
  await fsp.mkdir(dir);
  return dir;
}

/** A completed job whose video is `jobs/<id>/video.mp4` of `bytes` (sparse: nothing is written). */
async function videoJob(dir: string, bytes: number, head: Buffer = MP4_HEAD) {
  const id = randomUUID();
  const rel = `jobs/${id}/video.mp4`;
  await fsp.mkdir(path.join(dir, 'jobs', id), { recursive: true });
  const handle = await fsp.open(path.join(dir, rel), 'w');
  await handle.write(head, 0, Math.min(head.length, bytes), 0);
  await handle.truncate(bytes);
  await handle.close();
  return makeJobRecord({ id, requestId: `r-${id}`, state: 'completed', input: { kind: 'url', url: 'https://example.com/p.png' }, videoPath: rel, videoBytes: bytes });
}

const mediaFiles = async () => (await fsp.readdir(path.join(root, 'lib', 'media')).catch(() => [])).length;

describe('import bounds', () => {
  it('refuses an index.json over the cap before reading it', async () => {
    const dir = await exportDir();
    const handle = await fsp.open(path.join(dir, 'index.json'), 'w');
    await handle.write(JSON.stringify({ ...header, jobs: [] }));
    await handle.truncate(MAX_IMPORT_INDEX_BYTES + 1); // sparse
    await handle.close();
    await expect(importLibrary(store, dir)).rejects.toThrow(/index\.json is larger than 16 MB/);
  });

  it('refuses an index listing more jobs than the cap before any per-job work', async () => {
    const dir = await exportDir();
    await fsp.writeFile(path.join(dir, 'index.json'), `{"format":"veo-studio.library","version":1,"exportedAt":"now","jobs":[${Array(MAX_IMPORT_JOBS + 1).fill('{}').join(',')}]}`);
    const progress: unknown[] = [];
    await expect(importLibrary(store, dir, (p) => progress.push(p))).rejects.toThrow(/more than [\d,]+ jobs/);
    expect(progress).toHaveLength(0);
  });

  it('a video over 2 GiB (a sparse 3 GiB file) is not copied', async () => {
    const dir = await exportDir();
    const job = await videoJob(dir, 3 * GiB);
    await fsp.writeFile(path.join(dir, 'index.json'), JSON.stringify({ ...header, jobs: [job] }));
    const result = await importLibrary(store, dir);
    expect(result.imported).toBe(0);
    expect(result.problems[0]).toMatch(/larger than 2 GiB/);
    expect(await mediaFiles()).toBe(0);
  });

  it('a "video" that is not an MP4 is not copied', async () => {
    const dir = await exportDir();
    const job = await videoJob(dir, 4096, Buffer.from('<html>not a video</html>'));
    await fsp.writeFile(path.join(dir, 'index.json'), JSON.stringify({ ...header, jobs: [job] }));
    const result = await importLibrary(store, dir);
    expect(result.imported).toBe(0);
    expect(result.problems[0]).toMatch(/not an MP4/);
  });

  it('many records naming one video file copy it once: the others are refused, so a tiny export cannot fill the disk', async () => {
    const dir = await exportDir();
    const first = await videoJob(dir, 64 * 1024);
    // Three more records without videoBytes, all pointing at the first job's (sparse) file.
    const copies = [0, 1, 2].map(() => {
      const id = randomUUID();
      return makeJobRecord({ id, requestId: `r-${id}`, state: 'completed', input: { kind: 'url', url: 'https://example.com/p.png' }, videoPath: first.videoPath });
    });
    await fsp.writeFile(path.join(dir, 'index.json'), JSON.stringify({ ...header, jobs: [first, ...copies] }));
    const result = await importLibrary(store, dir);
    expect(result.imported).toBe(1);
    expect(result.problems).toHaveLength(3);
    for (const p of result.problems) expect(p).toMatch(/same file as another job/);
    expect(await mediaFiles()).toBe(1);
  });

  it('an import larger than the free disk space is refused before anything is copied', async () => {
    const dir = await exportDir();
    // Many records pointing at one big file: each would be copied in full.
    const first = await videoJob(dir, 1.5 * GiB);
    const fs = await fsp.statfs(root);
    const count = Math.ceil((fs.bavail * fs.bsize) / (1.5 * GiB)) + 2;
    const copies = Array.from({ length: count }, (_, i) => ({ ...first, id: randomUUID(), requestId: `copy-${i}` }));
    await fsp.writeFile(path.join(dir, 'index.json'), JSON.stringify({ ...header, jobs: [first, ...copies] }));
    await expect(importLibrary(store, dir)).rejects.toThrow(/needs about .* free/);
    expect(await mediaFiles()).toBe(0);
  });
});
