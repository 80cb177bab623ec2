// Posters: a frame of the job's own video, sent by the page, stored by the core. The bytes are hostile
// (they come from the renderer), so everything that is not a small, whole JPEG is refused without a
// file written or the record touched; a replaced poster is deleted only if the core itself named it.
import { randomUUID } from 'node:crypto';
import { existsSync, promises as fsp } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it, vi } from 'vitest';
import { exportLibrary, importLibrary } from '../../../electron/core/library/portable';
import { posterProblem, storePoster } from '../../../electron/core/library/poster';
import type { LibraryStore } from '../../../electron/core/library/store';
import type { JobRecord } from '../../../shared/domain';
import { SetPosterSchema, POSTER_MAX_BYTES } from '../../../shared/poster';
import { makeJobRecord, type JobRecordOverrides } from '../../support/records';
import { useTempLibrary } from '../../support/temp-library';

const fx = useTempLibrary('veo-poster-');

const jpeg = (width: number, height: number): Promise<Buffer> =>
  sharp({ create: { width, height, channels: 3, background: { r: 200, g: 40, b: 90 } } }).jpeg({ quality: 80 }).toBuffer();

async function seed(store: LibraryStore, overrides: JobRecordOverrides = {}): Promise<JobRecord> {
  const base = makeJobRecord({ id: randomUUID(), ...overrides });
  const videoPath = base.state === 'completed' ? await store.writeMediaFile(base.id, 'video.mp4', Buffer.from('\0\0\0\x18ftypisom')) : undefined;
  return store.put({ ...base, ...(videoPath ? { videoPath } : {}) });
}

describe('storePoster', () => {
  it('writes the JPEG next to the video and names it in the record and its summary, durably', async () => {
    const store = await fx.openStore();
    const job = await seed(store);
    const bytes = await jpeg(320, 180);

    const saved = await storePoster(store, job.id, 0.8333, bytes);

    expect(saved.posterPath).toBe(`media/${job.id}/poster-0.833.jpg`);
    expect(await fsp.readFile(store.resolve(saved.posterPath!))).toEqual(bytes);
    expect(store.summaries().find((s) => s.id === job.id)?.posterPath).toBe(saved.posterPath);
    await store.close();
    const reopened = await fx.openStore();
    expect(reopened.get(job.id)?.posterPath).toBe(saved.posterPath);
    expect(reopened.summaries()[0]?.posterPath).toBe(saved.posterPath);
  });

  it('refuses what is not a small, whole JPEG, and leaves the record and the folder as they were', async () => {
    const store = await fx.openStore();
    const job = await seed(store);
    const whole = await jpeg(320, 180);
    const refused: Array<[string, Uint8Array]> = [
      ['empty', new Uint8Array()],
      ['PNG', await sharp(whole).png().toBuffer()],
      ['too many pixels', await jpeg(1280, 720)],
      ['cut short', whole.subarray(0, whole.length - 40)],
      ['too many bytes', Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.alloc(POSTER_MAX_BYTES)])],
      ['not an image', Buffer.from('<html>hello</html>')],
    ];
    for (const [what, bytes] of refused) {
      await expect(storePoster(store, job.id, 1, bytes), what).rejects.toThrow(/This poster was refused/);
    }
    expect(store.get(job.id)?.posterPath).toBeUndefined();
    expect(await fsp.readdir(store.mediaDir(job.id))).toEqual(['video.mp4']);
  });

  it('refuses a job without a finished video', async () => {
    const store = await fx.openStore();
    const failed = await seed(store, { state: 'failed' });
    await expect(storePoster(store, failed.id, 0, await jpeg(320, 180))).rejects.toThrow(/Only a finished video/);
    await expect(storePoster(store, 'no-such-job', 0, await jpeg(320, 180))).rejects.toThrow(/no longer in the library/);
  });

  it('takes the file (and a folder it made) back when the job went away meanwhile, so Undo can restore it', async () => {
    const store = await fx.openStore();
    const job = await store.put(makeJobRecord({ id: randomUUID(), videoPath: 'media/elsewhere/video.mp4' }));
    vi.spyOn(store, 'update').mockRejectedValueOnce(new Error(`There is no job ${job.id} in the library.`));
    await expect(storePoster(store, job.id, 1, await jpeg(320, 180))).rejects.toThrow(/no job/);
    expect(existsSync(store.mediaDir(job.id))).toBe(false);
  });

  it('deletes the poster it replaces, but never a file an old record merely names', async () => {
    const store = await fx.openStore();
    const job = await seed(store);
    const first = await storePoster(store, job.id, 0.5, await jpeg(320, 180));
    const second = await storePoster(store, job.id, 1.25, await jpeg(180, 320));
    expect(existsSync(store.resolve(first.posterPath!))).toBe(false);
    expect(existsSync(store.resolve(second.posterPath!))).toBe(true);

    // A hand-edited (or older) record that points its poster at the video must not lose the video.
    await store.update(job.id, { posterPath: job.videoPath! });
    await storePoster(store, job.id, 2, await jpeg(320, 180));
    expect(existsSync(store.resolve(job.videoPath!))).toBe(true);
  });
});

describe('posterProblem and the channel schema', () => {
  it('accepts a whole 320 px JPEG and says what is wrong with anything else', async () => {
    expect(posterProblem(await jpeg(320, 180))).toBeUndefined();
    expect(posterProblem(await jpeg(321, 100))).toMatch(/at most 320 pixels/);
  });

  it('bounds the base64 and the time before anything is decoded', () => {
    const ok = { id: 'job', seconds: 1, jpeg: 'AAAA' };
    expect(SetPosterSchema.safeParse(ok).success).toBe(true);
    expect(SetPosterSchema.safeParse({ ...ok, jpeg: 'A'.repeat(POSTER_MAX_BYTES * 2) }).success).toBe(false);
    expect(SetPosterSchema.safeParse({ ...ok, seconds: Number.NaN }).success).toBe(false);
    expect(SetPosterSchema.safeParse({ ...ok, seconds: -1 }).success).toBe(false);
    expect(SetPosterSchema.safeParse({ ...ok, seconds: 1e12 }).success).toBe(false);
  });
});

describe('a portable library', () => {
  it('carries no poster path out or in: the importing library makes its own', async () => {
    fx.dir = path.join(fx.root, 'library');
    const store = await fx.openStore();
    const job = await seed(store, { input: { kind: 'url', url: 'https://example.com/a.jpg' } });
    await storePoster(store, job.id, 0.5, await jpeg(320, 180));
    const dest = path.join(fx.root, 'export');
    await exportLibrary(store, 'all', dest);
    const index = JSON.parse(await fsp.readFile(path.join(dest, 'index.json'), 'utf8')) as { jobs: JobRecord[] };
    expect(index.jobs[0]).not.toHaveProperty('posterPath');

    // A hostile export naming a poster (here: another library file) gets no poster here.
    index.jobs[0]!.posterPath = 'library.jsonl';
    await fsp.writeFile(path.join(dest, 'index.json'), JSON.stringify(index));
    await store.delete(job.id);
    await store.purgeTrash();
    const result = await importLibrary(store, dest);
    expect(result.imported).toBe(1);
    expect(store.list()[0]?.posterPath).toBeUndefined();
  });
});
