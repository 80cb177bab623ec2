// Sidecars and portable exports carry the model a job was made with; an export written before models
// existed (no `model` in its records or sidecars) still imports, as the seed's model. A first–last-
// frame job's second picture travels with it too: the sidecar describes it, an export copies it (and
// its thumbnail) and an import brings it back; bounds keep it; records without one read unchanged.
import { randomUUID } from 'node:crypto';
import { promises as fsp } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JobRecordSchema, type JobRecord } from '../../../shared/domain';
import { SidecarSchema } from '../../../shared/sidecar';
import { boundRecord } from '../../../electron/core/library/record-bounds';
import { sidecarFor } from '../../../electron/core/library/sidecar';
import { exportLibrary, importLibrary } from '../../../electron/core/library/portable';
import { LibraryStore } from '../../../electron/core/library/store';
import { makeJobRecord } from '../../support/records';

let root: string;
const open: LibraryStore[] = [];
beforeEach(async () => {
  root = await fsp.mkdtemp(path.join(tmpdir(), 'veo-models-portable-'));
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

describe('the model in sidecars and exports', () => {
  it('a sidecar names the model and prices the job at it', () => {
    const rec = makeJobRecord({ provider: 'fal', params: { model: 'fal-ai/veo3/fast/image-to-video', prompt: 'draft' } });
    const sidecar = sidecarFor(rec);
    expect(sidecar.params.model).toBe('fal-ai/veo3/fast/image-to-video');
    expect(sidecar.estimatedCostUsd).toBe(1.2);
  });

  it('an older sidecar without a model reads as the seed’s model', () => {
    const old = JSON.parse(JSON.stringify(sidecarFor(makeJobRecord()))) as { params: Record<string, unknown> };
    delete old.params.model;
    expect(SidecarSchema.parse(old).params.model).toBe('fal-ai/veo3/image-to-video');
  });

  it('exports the model, and imports an export from before models existed', async () => {
    const a = await library('a');
    const fast = await a.put(makeJobRecord({ id: randomUUID(), state: 'failed', input: { kind: 'url', url: 'https://example.com/a.png' }, params: { model: 'fal-ai/veo3.1/fast/image-to-video', seed: 3 } }));
    const dest = path.join(root, 'export');
    await exportLibrary(a, 'all', dest);
    const index = JSON.parse(await fsp.readFile(path.join(dest, 'index.json'), 'utf8')) as { jobs: { id: string; params: Record<string, unknown> }[] };
    expect(index.jobs.find((j) => j.id === fast.id)?.params.model).toBe('fal-ai/veo3.1/fast/image-to-video');

    // The same export as an older version wrote it: no model anywhere.
    for (const job of index.jobs) delete job.params.model;
    await fsp.writeFile(path.join(dest, 'index.json'), JSON.stringify(index));
    const b = await library('b');
    const result = await importLibrary(b, dest);
    expect(result.imported).toBe(1);
    expect(b.list().map((r) => r.params.model)).toEqual(['fal-ai/veo3/image-to-video']);
  });
});

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
