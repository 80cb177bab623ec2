// Sidecars and portable exports carry the model a job was made with; an export written before models
// existed (no `model` in its records or sidecars) still imports, as the seed's model.
import { randomUUID } from 'node:crypto';
import { promises as fsp } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SidecarSchema } from '../../../shared/sidecar';
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
