// A provider that refuses the cancel (here: 405, an aggregator that does not route fal's cancel).
// The job runs on and will be charged; the user must hear that plainly, and the card must not sit
// on "Cancel requested — waiting for the server…" with its button locked.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createCore, type Core } from '../../electron/core';
import { prepareImageFile } from '../../electron/core/media/preflight';
import { MemoryKeychain } from '../../electron/core/secrets/secret-store';
import { startSimulator, type Simulator } from '../../electron/core/simulator';
import { FAST_TEST_TIMING } from '../../electron/core/simulator/types';
import { REPO } from '../support/run-cli';

let sim: Simulator;
let core: Core;
let dataDir: string;

beforeAll(async () => {
  sim = await startSimulator({ timing: FAST_TEST_TIMING, pingIntervalMs: 50, cancelSupported: false });
  dataDir = await mkdtemp(join(tmpdir(), 'veo-cancel-refused-'));
  core = await createCore({
    dataDir,
    provider: 'aggregator',
    apiBase: sim.baseUrl,
    keychain: new MemoryKeychain(),
    retry: { baseDelayMs: 20, maxDelayMs: 200, maxRetryAfterMs: 200, requestTimeoutMs: 1500 },
    follow: { queuedPollMs: 20, runningPollMs: 20, maxPollMs: 100, unreachableGiveUpMs: 5000 },
    steps: { resultRetryDelayMs: 20, downloadIdleTimeoutMs: 3000 },
  });
  await core.secrets.set('aggregator', 'sk-aggregator-test-1234');
});

afterAll(async () => {
  await core?.close();
  await sim?.close();
  await rm(dataDir, { recursive: true, force: true });
});

it('a refused cancel says the job keeps running and is charged, and un-locks Cancel', async () => {
  const image = await prepareImageFile(join(REPO, 'electron/core/simulator/assets/sample-input.jpg'));
  let cancelled: Promise<unknown> | undefined;
  const stop = core.runner.events.on('job:updated', (rec) => {
    if (rec.state === 'queued' && cancelled === undefined) cancelled = core.runner.cancel(rec.id).then(() => undefined, (e: unknown) => e);
  });
  const created = await core.runner.create({
    params: { prompt: 'a lighthouse in fog [sim:long_queue]', aspectRatio: '16:9', duration: '4s', resolution: '720p', generateAudio: false },
    image,
    provider: core.provider,
    apiBase: core.apiBase,
  });
  const done = await core.runner.wait(created.id);
  stop();
  const err = (await cancelled) as Error | undefined;
  expect(err).toBeInstanceOf(Error);
  expect(err?.message).toMatch(/refused to cancel.*HTTP 405/);
  expect(err?.message).toMatch(/keeps running.*charged/);
  expect(err?.message).not.toMatch(/Something went wrong/);
  // The job was not failed by the refusal: it ran to its end, and nothing claims a cancel is pending.
  expect(done.state, JSON.stringify(done.error)).toBe('completed');
  expect(done.cancelRequested).toBe(false);
  expect(sim.requests.some((r) => r.method === 'PUT' && r.status === 405)).toBe(true);
});
