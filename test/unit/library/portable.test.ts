// Portable library: export a library to a folder, import it into another, and refuse hostile folders
// without leaving anything half-imported behind.
import { randomUUID } from 'node:crypto';
import { promises as fsp } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { JobRecord } from '../../../shared/domain';
import { SidecarSchema } from '../../../shared/sidecar';
import { exportLibrary, importLibrary } from '../../../electron/core/library/portable';
import { jobFolder } from '../../../electron/core/library/portable-format';
import { UNFINISHED_IMPORT_NOTE } from '../../../electron/core/library/portable-import';
import { LibraryStore } from '../../../electron/core/library/store';
import { makeJobRecord, type JobRecordOverrides } from '../../support/records';

let root: string;
const open: LibraryStore[] = [];

beforeEach(async () => {
  root = await fsp.mkdtemp(path.join(tmpdir(), 'veo-portable-'));
});
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
  await fsp.rm(root, { recursive: true, force: true });
});

async function library(name: string): Promise<LibraryStore> {
  const store = await LibraryStore.open(path.join(root, name));
  open.push(store);
  return store;
}

/** A job with real files on disk: a picture, its thumbnail and (when completed) a video. */
async function seed(store: LibraryStore, overrides: JobRecordOverrides = {}): Promise<JobRecord> {
  // Ids as the app makes them: an import re-issues any id that is not UUID-shaped.
  const base = makeJobRecord({ id: randomUUID(), ...overrides });
  const inputPath = await store.writeMediaFile(base.id, 'input.png', Buffer.from(`png of ${base.id}`));
  const thumbPath = await store.writeMediaFile(base.id, 'thumb.jpg', Buffer.from(`thumb of ${base.id}`));
  const record: JobRecord = { ...base, input: { ...base.input, path: inputPath, thumbPath } as JobRecord['input'] };
  if (base.state === 'completed') {
    // An MP4 by its first bytes (an ftyp box): import refuses anything else as a video.
    const video = Buffer.concat([Buffer.from('\0\0\0\x18ftypisom\0\0\x02\0isomiso2', 'latin1'), Buffer.from(`mp4 bytes of ${base.id} `.repeat(50))]);
    record.videoPath = await store.writeMediaFile(base.id, 'video.mp4', video);
    record.videoBytes = video.length;
  }
  return store.put(record);
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await fsp.readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/')).sort();
}

async function writeIndex(dir: string, jobs: unknown[]): Promise<void> {
  await fsp.mkdir(dir, { recursive: true });
  await fsp.writeFile(path.join(dir, 'index.json'), JSON.stringify({ format: 'veo-studio.library', version: 1, exportedAt: 'now', jobs }));
}

describe('exportLibrary', () => {
  it('writes index.json with export-relative paths, the media and a sidecar per video', async () => {
    const store = await library('a');
    const done = await seed(store);
    const failed = await seed(store, { state: 'failed' });
    const dest = path.join(root, 'export');
    const progress: number[] = [];

    const result = await exportLibrary(store, 'all', dest, (p) => progress.push(p.done));

    expect(result).toEqual({ exported: 2, dest, problems: [] });
    expect(progress).toEqual([1, 2]);
    expect(await listFiles(dest)).toEqual(
      [
        'index.json',
        `${jobFolder(done)}/input.png`,
        `${jobFolder(done)}/thumb.jpg`,
        `${jobFolder(done)}/video.json`,
        `${jobFolder(done)}/video.mp4`,
        `${jobFolder(failed)}/input.png`,
        `${jobFolder(failed)}/thumb.jpg`,
      ].sort(),
    );
    const index = JSON.parse(await fsp.readFile(path.join(dest, 'index.json'), 'utf8'));
    expect(index).toMatchObject({ format: 'veo-studio.library', version: 1 });
    const exported = index.jobs.find((j: JobRecord) => j.id === done.id);
    expect(exported.videoPath).toBe(`${jobFolder(done)}/video.mp4`);
    // Folders are named like their videos (prompt, day, short id), not by UUID.
    expect(jobFolder(done)).toMatch(/^jobs\/veo-[a-z0-9-]+-\d{4}-\d{2}-\d{2}-[0-9a-f]{8}$/);
    expect(jobFolder(done)).not.toContain(done.id);
    expect(exported.input.path).toBe(`${jobFolder(done)}/input.png`);
    const sidecar = SidecarSchema.parse(JSON.parse(await fsp.readFile(path.join(dest, jobFolder(done), 'video.json'), 'utf8')));
    expect(sidecar.prompt).toBe(done.params.prompt);
    expect(await fsp.readFile(path.join(dest, jobFolder(done), 'video.mp4'))).toEqual(await fsp.readFile(store.resolve(done.videoPath!)));
  });

  it('exports only the selection, and re-exporting into a previous export replaces it', async () => {
    const store = await library('a');
    const one = await seed(store);
    const two = await seed(store);
    const dest = path.join(root, 'export');
    await exportLibrary(store, 'all', dest);

    const result = await exportLibrary(store, [two.id, 'job-gone'], dest);

    expect(result.exported).toBe(1);
    expect(result.problems).toEqual(['Job job-gone is no longer in the library, so it was not exported.']);
    const index = JSON.parse(await fsp.readFile(path.join(dest, 'index.json'), 'utf8'));
    expect(index.jobs.map((j: JobRecord) => j.id)).toEqual([two.id]);
    expect(await fsp.readdir(path.join(dest, 'jobs'))).toEqual([jobFolder(two).slice('jobs/'.length)]);
    expect(one.id).not.toBe(two.id);
  });

  it('refuses a non-empty folder that is not an export, and a relative path', async () => {
    const store = await library('a');
    await seed(store);
    const dest = path.join(root, 'photos');
    await fsp.mkdir(dest);
    await fsp.writeFile(path.join(dest, 'holiday.jpg'), 'mine');

    await expect(exportLibrary(store, 'all', dest)).rejects.toThrow(/is not empty and is not a previous Veo Studio export/);
    await expect(exportLibrary(store, 'all', 'relative/dir')).rejects.toThrow(/full folder path/);
    await expect(exportLibrary(store, 'all', path.join(store.dir, 'inside'))).rejects.toThrow(/outside the library/);
    expect(await fsp.readdir(dest)).toEqual(['holiday.jpg']);
  });
});

describe('importLibrary', () => {
  it('round-trips: every job arrives with its files, and plays from the new library', async () => {
    const a = await library('a');
    const done = await seed(a, { favourite: true });
    const cancelled = await seed(a, { state: 'cancelled' });
    const dest = path.join(root, 'export');
    await exportLibrary(a, 'all', dest);

    const b = await library('b');
    const result = await importLibrary(b, dest);

    expect(result).toEqual({ imported: 2, skipped: 0, problems: [] });
    const got = b.get(done.id)!;
    expect(got).toMatchObject({ state: 'completed', favourite: true, requestId: done.requestId, videoBytes: done.videoBytes });
    expect(got.videoPath).toBe(`media/${done.id}/video.mp4`);
    expect(await fsp.readFile(b.resolve(got.videoPath!))).toEqual(await fsp.readFile(a.resolve(done.videoPath!)));
    expect(got.input.kind === 'file' && (await fsp.readFile(b.resolve(got.input.thumbPath!), 'utf8'))).toBe(`thumb of ${done.id}`);
    expect(b.get(cancelled.id)?.state).toBe('cancelled');
  });

  it('merging twice adds nothing: same id or same request id is skipped', async () => {
    const a = await library('a');
    const shared = await seed(a);
    await seed(a);
    const dest = path.join(root, 'export');
    await exportLibrary(a, 'all', dest);

    const b = await library('b');
    // b already knows the first job under another local id (e.g. imported from a backup earlier).
    await seed(b, { id: 'local-copy', requestId: shared.requestId });
    const first = await importLibrary(b, dest);
    const second = await importLibrary(b, dest);

    expect(first).toEqual({ imported: 1, skipped: 1, problems: [] });
    expect(second).toEqual({ imported: 0, skipped: 2, problems: [] });
    expect(b.count()).toBe(2);
    expect(b.get(shared.id)).toBeUndefined();
  });

  it('imports unfinished jobs as failed with a note, so the runner never resumes them', async () => {
    const a = await library('a');
    const running = await seed(a, { state: 'running' });
    const dest = path.join(root, 'export');
    await exportLibrary(a, 'all', dest);

    const b = await library('b');
    await importLibrary(b, dest);

    expect(b.get(running.id)).toMatchObject({ state: 'failed', error: { kind: 'unknown', message: UNFINISHED_IMPORT_NOTE } });
  });

  it('turns a hostile index into clear problems and imports nothing half-way', async () => {
    const a = await library('a');
    const good = await seed(a);
    const dest = path.join(root, 'export');
    await exportLibrary(a, 'all', dest);
    const index = JSON.parse(await fsp.readFile(path.join(dest, 'index.json'), 'utf8'));
    const template: JobRecord = index.jobs[0];
    const secret = path.join(root, 'secret.txt');
    await fsp.writeFile(secret, 'do not copy me');
    await fsp.symlink(secret, path.join(dest, jobFolder(good), 'link.mp4'));
    // Every job in an export has its own video file (two records naming one file are refused).
    await fsp.copyFile(path.join(dest, template.videoPath!), path.join(dest, jobFolder(good), 'escape.mp4'));
    const hostile = [
      { ...template, id: 'traversal', requestId: 'r1', videoPath: '../secret.txt' },
      { ...template, id: 'absolute', requestId: 'r2', videoPath: secret },
      { ...template, id: 'symlink', requestId: 'r3', videoPath: `${jobFolder(good)}/link.mp4`, videoBytes: 14 },
      { ...template, id: 'missing', requestId: 'r4', videoPath: 'jobs/missing/video.mp4' },
      { ...template, id: 'short', requestId: 'r5', videoBytes: (template.videoBytes ?? 0) + 1 },
      { ...template, id: '../escape', requestId: 'r6', videoPath: `${jobFolder(good)}/escape.mp4` },
      { ...template, id: 'bad-schema', state: 'exploded' },
      'not even an object',
      { ...template, id: 'input-traversal', requestId: 'r7', input: { ...template.input, path: '../../etc/passwd' } },
    ];
    await writeIndex(dest, [...hostile, template]);

    const b = await library('b');
    const result = await importLibrary(b, dest);

    // "../escape" is not refused but re-issued a UUID: the id never reaches a path.
    expect(result.imported).toBe(2);
    expect(result.problems).toHaveLength(hostile.length - 1);
    const text = result.problems.join('\n');
    expect(text).toMatch(/Job "traversal" was not imported: .*outside the library folder/);
    expect(text).toMatch(/Job "absolute" was not imported: .*absolute/);
    expect(text).toMatch(/Job "symlink" was not imported: .*symbolic link/);
    expect(text).toMatch(/Job "missing" was not imported: .*missing from the export/);
    expect(text).toMatch(/Job "short" was not imported: .*bytes but the index says/);
    expect(text).toMatch(/Entry 7 is not a valid job record/);
    expect(text).toMatch(/Entry 8 is not a valid job record/);
    expect(text).toMatch(/Job "input-traversal" was not imported/);
    const escaped = b.list().find((r) => r.requestId === 'r6');
    expect(escaped?.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(b.list().map((r) => r.id).sort()).toEqual([good.id, escaped?.id].sort());
    // Nothing of the refused jobs reached the library's media folder.
    expect((await fsp.readdir(path.join(b.dir, 'media'))).sort()).toEqual([good.id, escaped?.id].sort());
  });

  it('refuses folders that are not exports, with a sentence that says why', async () => {
    const b = await library('b');
    const empty = path.join(root, 'empty');
    await fsp.mkdir(empty);
    await expect(importLibrary(b, empty)).rejects.toThrow(/not a Veo Studio library export: it has no index.json/);
    await fsp.writeFile(path.join(empty, 'index.json'), '{not json');
    await expect(importLibrary(b, empty)).rejects.toThrow(/not valid JSON/);
    await fsp.writeFile(path.join(empty, 'index.json'), JSON.stringify({ format: 'something-else', version: 1, jobs: [] }));
    await expect(importLibrary(b, empty)).rejects.toThrow(/not a Veo Studio library export: format/);
    await expect(importLibrary(b, path.join(root, 'nope'))).rejects.toThrow(/does not exist/);
    await expect(importLibrary(b, 'relative')).rejects.toThrow(/full folder path/);
    expect(b.count()).toBe(0);
  });
});
