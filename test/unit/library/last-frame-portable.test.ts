// A first–last-frame job's second picture travels with it: the sidecar describes it, a portable
// export copies it (and its thumbnail) and an import brings it back; bounds keep it. Records of
// one-picture jobs have none, and read unchanged.
import { randomUUID } from 'node:crypto';
import { promises as fsp } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JobRecordSchema, type JobRecord } from '../../../shared/domain';
import { sidecarFor } from '../../../electron/core/library/sidecar';
import { exportLibrary, importLibrary } from '../../../electron/core/library/portable';
import { boundRecord } from '../../../electron/core/library/record-bounds';
import { LibraryStore } from '../../../electron/core/library/store';
import { makeJobRecord } from '../../support/records';

let root: string;
const open: LibraryStore[] = [];
beforeEach(async () => {
  root = await fsp.mkdtemp(path.join(tmpdir(), 'veo-last-frame-'));
});
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
  await fsp.rm(root, { recursive: true, force: true });
});
const library = async (name: string): Promise<LibraryStore> => {
  const store = await LibraryStore.open(path.join(root, name));
  open.push(store);
  return store;
};

const FLF = 'fal-ai/veo3.1/first-last-frame-to-video' as const;

async function transitionJob(store: LibraryStore): Promise<JobRecord> {
  const id = randomUUID();
  const write = (name: string, text: string) => store.writeMediaFile(id, name, Buffer.from(text));
  const file = (p: string, thumb: string) => ({
    kind: 'file' as const, path: p, thumbPath: thumb, mime: 'image/jpeg' as const, width: 1280, height: 720, bytes: 5, sha256: 'b'.repeat(64),
  });
  const input = file(await write('input.jpg', 'first'), await write('thumb.jpg', 'ft'));
  const lastFrame = { ...file(await write('last-frame.jpg', 'last!'), await write('last-frame-thumb.jpg', 'lt')), sha256: 'c'.repeat(64) };
  return store.put(makeJobRecord({ id, state: 'failed', params: { model: FLF }, input, lastFrame }));
}

describe('the last frame of a first–last-frame job', () => {
  it('is described in the sidecar beside the input', () => {
    const rec = makeJobRecord({ params: { model: FLF }, lastFrame: { kind: 'url', url: 'https://example.com/end.png' } });
    expect(sidecarFor(rec).lastFrame).toEqual({ url: 'https://example.com/end.png' });
    expect(sidecarFor(makeJobRecord())).not.toHaveProperty('lastFrame');
  });

  it('survives bounds, and an older record without one reads unchanged', () => {
    const rec = makeJobRecord({ lastFrame: { kind: 'url', url: 'https://example.com/end.png' } });
    expect(boundRecord(rec).lastFrame).toEqual(rec.lastFrame);
    const long = makeJobRecord({ lastFrame: { kind: 'url', url: `https://example.com/${'x'.repeat(100_000)}` } });
    expect(boundRecord(long).lastFrame).not.toEqual(long.lastFrame);
    expect(JobRecordSchema.parse(makeJobRecord()).lastFrame).toBeUndefined();
  });

  it('is exported with its thumbnail and imported back', async () => {
    const a = await library('a');
    const rec = await transitionJob(a);
    const dest = path.join(root, 'export');
    await exportLibrary(a, 'all', dest);
    const index = JSON.parse(await fsp.readFile(path.join(dest, 'index.json'), 'utf8')) as { jobs: JobRecord[] };
    const exported = index.jobs[0]?.lastFrame;
    if (exported?.kind !== 'file' || exported.thumbPath === undefined) throw new Error('the last frame was not exported');
    expect(exported.path).toMatch(/^jobs\/[^/]+\/last-frame\.jpg$/);
    expect(await fsp.readFile(path.join(dest, exported.path), 'utf8')).toBe('last!');
    expect(await fsp.readFile(path.join(dest, exported.thumbPath), 'utf8')).toBe('lt');

    const b = await library('b');
    expect((await importLibrary(b, dest)).imported).toBe(1);
    const back = b.get(rec.id);
    if (back?.lastFrame?.kind !== 'file') throw new Error('the last frame was not imported');
    expect(back.lastFrame.sha256).toBe('c'.repeat(64));
    expect(await fsp.readFile(b.resolve(back.lastFrame.path), 'utf8')).toBe('last!');
    if (back.lastFrame.thumbPath === undefined) throw new Error('no thumbnail');
    expect(await fsp.readFile(b.resolve(back.lastFrame.thumbPath), 'utf8')).toBe('lt');
    expect(await fsp.readFile(b.resolve(back.input.kind === 'file' ? back.input.path : ''), 'utf8')).toBe('first');
  });
});
