// sidecar:open, library:ledger (simulator: free), the sidecars the runner and "Save video as…" write, and the
// confirmAboveUsd setting — through the real router against the in-process simulator.
import { copyFile, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobRecord } from '../../../shared/domain';
import { SidecarSchema } from '../../../shared/sidecar';
import { PARAMS, SAMPLE_INPUT, startHarness, type Harness } from './harness';

let h: Harness;
let outDir: string;
let done: JobRecord;
const savedTo = (): string => join(outDir, 'take.mp4');

beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'veo-saveas-'));
  h = await startHarness({
    platform: {
      saveVideoAs: async (abs) => {
        await copyFile(abs, savedTo());
        return savedTo();
      },
      showInFolder: () => undefined,
    },
  });
  const { token } = await h.call('image:prepare', { kind: 'path', path: SAMPLE_INPUT });
  const created = await h.call('jobs:create', { params: { ...PARAMS, model: 'fal-ai/veo3.1/image-to-video', seed: 7, generateAudio: false, duration: '6s' }, imageToken: token });
  done = await h.waitForState(created.id, 'completed');
});
afterAll(async () => {
  await h?.close();
  await rm(outDir, { recursive: true, force: true });
});

const base64Of = async (path: string) => (await readFile(path)).toString('base64');

describe('sidecars written for saved videos', () => {
  it('the library copy has media/<id>/video.json describing the job', async () => {
    expect(done.state).toBe('completed');
    const file = join(h.core.library.mediaDir(done.id), 'video.json');
    const car = SidecarSchema.parse(JSON.parse(await readFile(file, 'utf8')));
    expect(car).toMatchObject({
      prompt: PARAMS.prompt,
      params: { ...PARAMS, model: 'fal-ai/veo3.1/image-to-video', seed: 7, generateAudio: false, duration: '6s' },
      requestId: done.requestId,
      provider: 'simulator',
      estimatedCostUsd: 0, // a simulator job: free, whatever it would cost elsewhere
      video: { fileName: 'video.mp4', bytes: done.videoBytes },
    });
    expect(done.input.kind === 'file' && 'sha256' in car.input && car.input.sha256 === done.input.sha256).toBe(true);
  });

  it('"Save video as…" writes take.json next to take.mp4', async () => {
    expect(await h.call('video:saveAs', { id: done.id })).toEqual({ path: savedTo() });
    const car = SidecarSchema.parse(JSON.parse(await readFile(join(outDir, 'take.json'), 'utf8')));
    expect(car.video.fileName).toBe('take.mp4');
    expect(car.requestId).toBe(done.requestId);
  });
});

describe('sidecar:open', () => {
  it('restores params and the library picture from the sidecar path, or from the video beside it', async () => {
    for (const path of [join(outDir, 'take.json'), savedTo()]) {
      const restored = await h.call('sidecar:open', { kind: 'path', path });
      expect(restored.params).toEqual(done.params);
      expect(restored.image).toMatchObject({ kind: 'file', mime: 'image/jpeg', width: 1280 });
      // The token is a real prepared picture: it can start a job.
      const again = await h.call('jobs:create', { params: restored.params, imageToken: restored.image!.token });
      await h.call('jobs:cancel', { id: again.id });
      await h.waitForState(again.id, 'cancelled');
    }
  });

  it('restores from dropped sidecar bytes', async () => {
    const restored = await h.call('sidecar:open', { kind: 'bytes', name: 'take.json', base64: await base64Of(join(outDir, 'take.json')) });
    expect(restored.params.prompt).toBe(PARAMS.prompt);
    expect(restored.image?.previewDataUri).toMatch(/^data:image\/jpeg;base64,/);
  });

  it('gives params only, with a note, when the library lacks the picture', async () => {
    const car = JSON.parse(await readFile(join(outDir, 'take.json'), 'utf8'));
    car.input.sha256 = 'b'.repeat(64);
    const restored = await h.call('sidecar:open', { kind: 'bytes', base64: Buffer.from(JSON.stringify(car)).toString('base64') });
    expect(restored.image).toBeUndefined();
    expect(restored.note).toMatch(/no longer has its input picture/);
  });

  it('prepares a URL input like a pasted link', async () => {
    const car = JSON.parse(await readFile(join(outDir, 'take.json'), 'utf8'));
    car.input = { url: 'https://example.com/still.png' };
    const restored = await h.call('sidecar:open', { kind: 'bytes', base64: Buffer.from(JSON.stringify(car)).toString('base64') });
    expect(restored.image).toMatchObject({ kind: 'url', url: 'https://example.com/still.png' });
  });

  it('refuses videos without a sidecar, dropped video bytes and junk, with reasons', async () => {
    const lonely = join(outDir, 'lonely.mp4');
    await copyFile(savedTo(), lonely);
    expect(await h.fail('sidecar:open', { kind: 'path', path: lonely })).toMatchObject({ kind: 'not_found', message: expect.stringMatching(/has no sidecar: lonely.json/) });
    const mp4Head = (await readFile(savedTo())).subarray(0, 64).toString('base64');
    expect(await h.fail('sidecar:open', { kind: 'bytes', name: 'clip.bin', base64: mp4Head })).toMatchObject({ kind: 'invalid_input', message: expect.stringMatching(/Drop the \.json sidecar/) });
    const junk = join(outDir, 'junk.json');
    await writeFile(junk, '[1,2,3]');
    expect(await h.fail('sidecar:open', { kind: 'path', path: junk })).toMatchObject({ kind: 'invalid_input', message: '“junk.json” is not a Veo Studio sidecar.' });
    expect((await h.fail('sidecar:open', { kind: 'url', url: 'https://x' })).kind).toBe('invalid_input');
  });
});

describe('library:ledger and confirmAboveUsd', () => {
  it('counts simulator jobs as free: no spend, only what they would have cost', async () => {
    const ledger = await h.call('library:ledger');
    const sent = h.core.library.list({}).filter((r) => r.requestId);
    expect(ledger).toMatchObject({ days: [], months: [], totalUsd: 0, byProvider: [] });
    expect(ledger.free.jobs).toBe(sent.length);
    expect(ledger.free.wouldCostUsd).toBeCloseTo(sent.length * 1.2, 5);
  });

  it('stores, validates and clears the guard', async () => {
    expect((await h.call('settings:update', { confirmAboveUsd: 2.5 })).confirmAboveUsd).toBe(2.5);
    expect((await h.call('settings:get')).confirmAboveUsd).toBe(2.5);
    expect((await h.fail('settings:update', { confirmAboveUsd: -1 })).kind).toBe('invalid_input');
    expect((await h.call('settings:update', { theme: 'dark' })).confirmAboveUsd).toBe(2.5);
    expect((await h.call('settings:update', { confirmAboveUsd: null })).confirmAboveUsd).toBeUndefined();
    expect(JSON.parse(await readFile(join(h.dataDir, 'settings.json'), 'utf8'))).not.toHaveProperty('confirmAboveUsd');
    await expect(stat(join(h.dataDir, 'settings.json'))).resolves.toBeTruthy();
  });

  it('clears every optional setting with null, which survives the host\'s JSON frames (undefined does not)', async () => {
    expect((await h.call('settings:update', { downloadDir: '/tmp/videos' })).downloadDir).toBe('/tmp/videos');
    const overWebSocket = JSON.parse(JSON.stringify({ downloadDir: null }));
    expect((await h.call('settings:update', overWebSocket)).downloadDir).toBeUndefined();
    expect(JSON.parse(await readFile(join(h.dataDir, 'settings.json'), 'utf8'))).not.toHaveProperty('downloadDir');
  });
});
