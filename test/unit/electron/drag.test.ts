// Drag-out and Save as… name a video after its job: two videos dropped into one folder never collide.
import { mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { videoFileName } from '../../../shared/video-file-name';
import type { LibraryStore } from '../../../electron/core/library/store';

vi.mock('electron', () => ({
  nativeImage: {
    createFromPath: () => ({ isEmpty: () => true }),
    createFromBitmap: () => ({ isEmpty: () => false }),
  },
}));
const { createDragItemResolver } = await import('../../../electron/main/drag');

const job = (id: string, prompt: string) => ({ id, createdAt: '2026-11-27T13:05:00.000Z', params: { prompt } });

describe('videoFileName', () => {
  it('is prompt slug + date + short id, and differs between two jobs with the same prompt', () => {
    const a = videoFileName(job('1a2b3c4d-0000', 'A fox runs through fresh snow!'));
    const b = videoFileName(job('9f8e7d6c-0000', 'A fox runs through fresh snow!'));
    expect(a).toBe('veo-a-fox-runs-through-fresh-snow-2026-11-27-1a2b3c4d.mp4');
    expect(b).not.toBe(a);
  });

  it('stays portable for any prompt: no separators, accents folded, bounded', () => {
    const name = videoFileName(job('abc', `Crème brûlée / ${'x'.repeat(300)} \\ :*?`));
    expect(name).toMatch(/^veo-creme-brulee-x+-2026-11-27-abc\.mp4$/);
    expect(name.length).toBeLessThan(80);
    expect(videoFileName({ id: 'abc', createdAt: 'garbage', params: { prompt: '日本語' } })).toBe('veo-abc.mp4');
  });
});

describe('drag-out', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'veo-drag-'));
    await mkdir(path.join(dir, 'library', 'a'), { recursive: true });
    await mkdir(path.join(dir, 'library', 'b'), { recursive: true });
    await writeFile(path.join(dir, 'library', 'a', 'video.mp4'), 'first');
    await writeFile(path.join(dir, 'library', 'b', 'video.mp4'), 'second');
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('offers each video under its own readable name, never "video.mp4"', async () => {
    const records = new Map(
      ['a', 'b'].map((id) => [id, { ...job(`${id}1234567`, 'A fox'), state: 'completed', videoPath: `${id}/video.mp4`, input: { kind: 'url' } }]),
    );
    const library = {
      get: (id: string) => records.get(id[0] ?? ''),
      resolve: (rel: string) => path.join(dir, 'library', rel),
    } as unknown as LibraryStore;
    const resolve = createDragItemResolver(library, path.join(dir, 'drag-out'));
    const first = resolve('a');
    const second = resolve('b');
    expect(path.basename(first?.file ?? '')).toBe('veo-a-fox-2026-11-27-a1234567.mp4');
    expect(path.basename(second?.file ?? '')).toBe('veo-a-fox-2026-11-27-b1234567.mp4');
    expect(await readFile(first?.file ?? '', 'utf8')).toBe('first');
    expect(await readFile(second?.file ?? '', 'utf8')).toBe('second');
    expect(resolve('missing')).toBeUndefined();
  });
});
