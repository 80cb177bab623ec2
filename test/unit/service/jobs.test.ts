// jobs:* through the router against the in-process simulator: events flow to completion, live numbers
// survive a reconnect (jobs:active), re-runs are new jobs, and nothing is sent without a needed key.
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobProgress, JobRecord } from '../../../shared/domain';
import { PARAMS, REPO, SAMPLE_INPUT, startHarness, type Harness } from './harness';
import { FAST_TEST_TIMING } from '../../../electron/core/simulator/types';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

const prepare = async (): Promise<string> => (await h.call('image:prepare', { kind: 'path', path: SAMPLE_INPUT })).token;

describe('jobs:create', () => {
  it('runs a job to completed and forwards every kind of event', async () => {
    const created = await h.call('jobs:create', { params: PARAMS, imageToken: await prepare() });
    expect(created).toMatchObject({ state: 'submitting', provider: 'simulator', params: PARAMS });
    expect(created.input).toMatchObject({ kind: 'file', mime: 'image/jpeg' });

    const done = await h.waitForState(created.id, 'completed');
    expect(done.state, JSON.stringify(done.error)).toBe('completed');
    const mine = h.events.filter((e) => (e.payload as { id: string }).id === created.id);
    const states = mine.filter((e) => e.channel === 'job:updated').map((e) => (e.payload as JobRecord).state);
    expect(states[0]).toBe('submitting');
    expect(states).toContain('queued');
    expect(states).toContain('running');
    expect(states.at(-1)).toBe('completed');
    expect(mine.some((e) => e.channel === 'job:progress')).toBe(true);
    expect(mine.filter((e) => e.channel === 'library:changed').every((e) => (e.payload as { type: string }).type === 'put')).toBe(true);
    expect(mine.some((e) => e.channel === 'library:changed')).toBe(true);

    const video = await readFile(h.core.library.resolve(done.videoPath!));
    expect(video).toEqual(await readFile(join(REPO, 'electron/core/simulator/assets/sample.mp4')));
    expect((await h.call('jobs:active')).find((p) => p.id === created.id)).toBeUndefined();
  });

  it('jobs:active reports a running job (with its latest numbers) until it ends', async () => {
    const created = await h.call('jobs:create', { params: { ...PARAMS, prompt: 'slow queue [sim:long_queue]' }, imageToken: await prepare() });
    const active = await h.call('jobs:active');
    expect(active.map((p) => p.id)).toContain(created.id);
    await h.waitForEvent((e) => e.channel === 'job:progress' && (e.payload as JobProgress).id === created.id && (e.payload as JobProgress).queuePosition !== undefined);
    const withNumbers = (await h.call('jobs:active')).find((p) => p.id === created.id);
    expect(withNumbers?.state).toMatch(/queued|running/);
    expect(withNumbers?.elapsedMs).toBeGreaterThanOrEqual(0);
    expect((await h.waitForState(created.id, 'completed')).state).toBe('completed');
    expect((await h.call('jobs:active')).find((p) => p.id === created.id)).toBeUndefined();
  });

  it('jobs:cancel stops a queued job; unknown ids are not_found', async () => {
    // A queue that takes 16 s, so a loaded machine cannot let the job finish before the cancel lands.
    const slow = await startHarness({ core: { simulator: { timing: { ...FAST_TEST_TIMING, queueStepMs: 2000 }, requestLogLimit: 1000 } } });
    try {
      const token = (await slow.call('image:prepare', { kind: 'path', path: SAMPLE_INPUT })).token;
      const created = await slow.call('jobs:create', { params: { ...PARAMS, prompt: 'cancel me [sim:long_queue]' }, imageToken: token });
      await slow.waitForState(created.id, 'queued');
      await slow.call('jobs:cancel', { id: created.id });
      expect((await slow.waitForState(created.id, 'cancelled')).state).toBe('cancelled');
    } finally {
      await slow.close();
    }
    expect(await h.fail('jobs:cancel', { id: 'no-such-job' })).toMatchObject({ kind: 'not_found' });
    expect(await h.fail('jobs:recheck', { id: 'no-such-job' })).toMatchObject({ kind: 'not_found' });
    expect(await h.fail('jobs:rerun', { id: 'no-such-job' })).toMatchObject({ kind: 'not_found' });
  });

  it('jobs:recheck of a completed job returns it unchanged', async () => {
    const created = await h.call('jobs:create', { params: PARAMS, imageToken: await prepare() });
    const done = await h.waitForState(created.id, 'completed');
    expect(await h.call('jobs:recheck', { id: created.id })).toMatchObject({ id: done.id, state: 'completed' });
  });
});

describe('jobs:rerun', () => {
  it('starts a new job with the same settings and the stored input picture', async () => {
    const params = { ...PARAMS, model: 'fal-ai/veo3.1/image-to-video', prompt: 'rerun me', seed: 42, negativePrompt: 'blur' };
    const original = await h.call('jobs:create', { params, imageToken: await prepare() });
    await h.waitForState(original.id, 'completed');
    const rerun = await h.call('jobs:rerun', { id: original.id });
    expect(rerun.id).not.toBe(original.id);
    expect(rerun.params).toEqual(original.params);
    expect(rerun.input.kind).toBe('file');
    if (rerun.input.kind === 'file' && original.input.kind === 'file') {
      expect(rerun.input.sha256).toBe(original.input.sha256);
      expect(rerun.input.path).not.toBe(original.input.path);
    }
    expect((await h.waitForState(rerun.id, 'completed')).state).toBe('completed');
  });

  it('fails readably when the stored picture is gone', async () => {
    const original = await h.call('jobs:create', { params: PARAMS, imageToken: await prepare() });
    const done = await h.waitForState(original.id, 'completed');
    if (done.input.kind === 'file') await rm(h.core.library.resolve(done.input.path));
    const err = await h.fail('jobs:rerun', { id: original.id });
    expect(err.kind).toBe('failed');
    expect(err.message).toContain('input picture');
  });
});

describe('a provider that needs a key', () => {
  it('refuses to create a job before a key is set (and sends nothing)', async () => {
    const fal = await startHarness({ core: { provider: 'fal', apiBase: 'http://127.0.0.1:9' } });
    try {
      const { token } = await fal.call('image:prepare', { kind: 'path', path: SAMPLE_INPUT });
      const err = await fal.fail('jobs:create', { params: PARAMS, imageToken: token });
      expect(err.kind).toBe('failed');
      expect(err.message).toMatch(/No API key.*Settings/);
      expect(fal.core.library.count()).toBe(0);
    } finally {
      await fal.close();
    }
  });
});
