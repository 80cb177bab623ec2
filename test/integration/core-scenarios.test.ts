// The whole core (createCore: queue client, runner, library, downloader, preflight) against the
// real simulator, once per scenario. The provider is "aggregator" pointed at the simulator, so the
// real Bearer path, URL re-basing and the key's confinement to the API origin are all exercised.
import { readFile, rm } from 'node:fs/promises';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobProgress, JobRecord } from '../../shared/domain';
import { createCore, type Core } from '../../electron/core';
import { prepareImageFile, type PreparedImage } from '../../electron/core/media/preflight';
import { MemoryKeychain } from '../../electron/core/secrets/secret-store';
import { startSimulator, type Simulator } from '../../electron/core/simulator';
import { FAST_TEST_TIMING } from '../../electron/core/simulator/types';
import { REPO } from '../support/run-cli';
import { libraryText } from '../support/library-rows';

const KEY = 'sk-scenario-test-9f3a';
const SAMPLE = join(REPO, 'electron/core/simulator/assets/sample.mp4');

let sim: Simulator;
let core: Core;
let dataDir: string;
let image: PreparedImage;
const fetched: Array<{ url: string; authorization: string | null }> = [];
const progress: JobProgress[] = [];

const recordingFetch: typeof fetch = (input, init) => {
  const url = input instanceof Request ? input.url : String(input);
  const headers = new Headers(init?.headers ?? (input instanceof Request ? input.headers : undefined));
  fetched.push({ url, authorization: headers.get('authorization') });
  return fetch(input, init);
};

beforeAll(async () => {
  sim = await startSimulator({ timing: FAST_TEST_TIMING, pingIntervalMs: 50, downloadBytesPerSecond: 200_000 });
  dataDir = await mkdtemp(join(tmpdir(), 'veo-scenarios-'));
  const keychain = new MemoryKeychain();
  core = await createCore({
    dataDir,
    provider: 'aggregator',
    apiBase: sim.baseUrl,
    keychain,
    fetch: recordingFetch,
    concurrency: 4,
    retry: { baseDelayMs: 20, maxDelayMs: 200, maxRetryAfterMs: 1500, requestTimeoutMs: 1500 },
    clientOptions: { streamIdleTimeoutMs: 2000 },
    follow: { queuedPollMs: 20, runningPollMs: 20, maxPollMs: 100, unreachableGiveUpMs: 5000 },
    steps: { resultRetryDelayMs: 20, downloadIdleTimeoutMs: 3000 },
  });
  await core.secrets.set('aggregator', KEY);
  core.runner.events.on('job:progress', (p) => progress.push(p));
  image = await prepareImageFile(join(REPO, 'electron/core/simulator/assets/sample-input.jpg'));
});

afterAll(async () => {
  await core?.close();
  await sim?.close();
  await rm(dataDir, { recursive: true, force: true });
});

/** Starts a job with this prompt; `short` asks for the cheapest settings (4 s, no audio). */
function start(prompt: string, short = false): Promise<JobRecord> {
  const params = short
    ? ({ prompt, aspectRatio: 'auto', duration: '4s', resolution: '720p', generateAudio: false } as const)
    : ({ prompt, aspectRatio: '16:9', duration: '8s', resolution: '720p', generateAudio: true } as const);
  return core.runner.create({ params, image, provider: core.provider, apiBase: core.apiBase });
}

async function generate(scenario: string, prompt = `a quiet harbour at dawn [sim:${scenario}]`): Promise<JobRecord> {
  return core.runner.wait((await start(prompt)).id);
}

async function expectSampleVideo(rec: JobRecord): Promise<void> {
  expect(rec.state, JSON.stringify(rec.error)).toBe('completed');
  expect(await readFile(core.library.resolve(rec.videoPath ?? ''))).toEqual(await readFile(SAMPLE));
}

describe('every simulator scenario ends completed or with a classified, readable error', () => {
  it.each(['happy', 'long_queue', 'rate_limit', 'server_errors', 'connection_reset', 'invalid_json', 'stall', 'slow_download', 'truncated_download', 'no_stream'])(
    '%s → completed with the exact video',
    async (scenario) => {
      const rec = await generate(scenario);
      await expectSampleVideo(rec);
      expect(rec.requestId).toBeDefined();
      expect(sim.jobs().filter((j) => j.requestId === rec.requestId)).toHaveLength(1);
    },
  );

  it('truncated_download is fetched again and saved whole', async () => {
    const rec = await generate('truncated_download', 'half a video [sim:truncated_download]');
    await expectSampleVideo(rec);
    // Whether the retry is a Range resume (206) depends on how many of the cut response's bytes the
    // HTTP stack delivered before the reset; test/unit/media/download.test.ts pins the resume itself.
    const cdn = sim.requests.filter((r) => r.server === 'cdn' && r.requestId === rec.requestId).map((r) => r.status);
    expect(cdn.length).toBeGreaterThanOrEqual(2);
    expect(cdn[0]).toBe(200);
    expect([200, 206]).toContain(cdn.at(-1));
  });

  it('stall and connection_reset are survived by retrying the status call', async () => {
    for (const scenario of ['stall', 'connection_reset']) {
      const rec = await generate(scenario, `bumpy road [sim:${scenario}]`);
      expect(rec.state).toBe('completed');
      const statusCalls = sim.requests.filter((r) => r.server === 'api' && r.method === 'GET' && r.requestId === rec.requestId);
      expect(statusCalls.some((r) => r.status === 0 || r.status === 200 || r.status === 202)).toBe(true);
      expect(statusCalls.length).toBeGreaterThan(1);
    }
  });

  it('long_queue reports the queue position counting down', async () => {
    const rec = await generate('long_queue', 'count me down [sim:long_queue]');
    const positions = progress.filter((p) => p.id === rec.id && p.queuePosition !== undefined).map((p) => p.queuePosition ?? -1);
    expect(positions.length).toBeGreaterThan(2);
    expect([...positions].sort((a, b) => b - a)).toEqual(positions);
    expect(positions[0]).toBeGreaterThan(positions.at(-1) ?? 0);
  });

  it('rate_limit retries after Retry-After and is submitted exactly once', async () => {
    const rec = await generate('rate_limit', 'patience [sim:rate_limit]');
    expect(rec.state).toBe('completed');
    expect(progress.some((p) => p.id === rec.id && /rate limited/i.test(p.retryNote ?? ''))).toBe(true);
    expect(sim.jobs().filter((j) => j.requestId === rec.requestId)).toHaveLength(1);
  });

  it('content_policy → failed with the safety filter explained', async () => {
    const rec = await generate('content_policy');
    expect(rec.state).toBe('failed');
    expect(rec.error).toMatchObject({ kind: 'content_policy', requestId: rec.requestId });
    expect(rec.error?.message).toMatch(/safety|policy/i);
    expect(rec.videoPath).toBeUndefined();
  });

  it.each(['image_too_small', 'validation_string'])('%s → failed validation with the reason', async (scenario) => {
    const rec = await generate(scenario);
    expect(rec.state).toBe('failed');
    expect(rec.error?.kind).toBe('validation');
    expect(rec.error?.message.length).toBeGreaterThan(10);
    // Both are about the picture: the card offers "Replace picture" (creator round, finding 12).
    expect(rec.error?.field).toBe('image_url');
    // The sample picture is 16:9: the reason must not ask for a 16:9 or 9:16 one.
    expect(rec.error?.message).not.toMatch(/16:9 or 9:16/);
  });

  it('server_error_final → failed as transient and marked not charged', async () => {
    const rec = await generate('server_error_final');
    expect(rec.state).toBe('failed');
    expect(rec.error).toMatchObject({ kind: 'transient', notCharged: true });
  });

  it('expired_url → failed expired, no video left behind', async () => {
    const rec = await generate('expired_url');
    expect(rec.error?.kind).toBe('expired');
    // Made, so charged; a Retry pays again (issue 12 item 4).
    expect(rec.error?.message).toMatch(/made — and charged — .*Retry makes a new video and is charged again/);
    expect(rec.videoPath).toBeUndefined();
  });

  it('submit_reset → outcome unknown, POSTed exactly once', async () => {
    const before = sim.submitCount();
    const rec = await generate('submit_reset');
    expect(rec.state).toBe('failed');
    expect(rec.error?.kind).toBe('outcome_unknown');
    expect(sim.submitCount()).toBe(before + 1);
    const posts = sim.requests.filter((r) => r.method === 'POST' && r.scenario === 'submit_reset');
    expect(posts).toHaveLength(1);
  });

  it('cancel while queued → cancelled, and the server saw the cancel', async () => {
    const created = await start('never mind [sim:long_queue]', true);
    await expect.poll(() => core.library.get(created.id)?.state).toBe('queued');
    await core.runner.cancel(created.id);
    const rec = await core.runner.wait(created.id);
    expect(rec.state).toBe('cancelled');
    expect(sim.job(rec.requestId ?? '')?.cancelRequested).toBe(true);
  });

  it('cancel_race → the job finished anyway and is recorded as completed', async () => {
    const created = await start('too late [sim:cancel_race]', true);
    await expect.poll(() => core.library.get(created.id)?.requestId).toBeDefined();
    await core.runner.cancel(created.id).catch(() => undefined);
    const rec = await core.runner.wait(created.id);
    await expectSampleVideo(rec);
    expect(rec.cancelRequested).toBe(true);
  });
});

describe('the API key', () => {
  it('went with every API request and with nothing else', () => {
    const apiOrigin = new URL(sim.baseUrl).origin;
    expect(fetched.length).toBeGreaterThan(20);
    for (const f of fetched) {
      if (new URL(f.url).origin === apiOrigin) expect(f.authorization).toBe(`Bearer ${KEY}`);
      else expect(f.authorization, f.url).toBeNull();
    }
    const cdn = sim.requests.filter((r) => r.server === 'cdn');
    expect(cdn.length).toBeGreaterThan(5);
    expect(cdn.every((r) => r.authorization === undefined)).toBe(true);
    // The submit receipts point at queue.fal.run: nothing may ever be sent there.
    expect(fetched.some((f) => f.url.includes('queue.fal.run'))).toBe(false);
  });

  it('is in no library file', async () => {
    const journal = await libraryText(core.library.dir);
    expect(journal.length).toBeGreaterThan(1000);
    expect(journal).not.toContain(KEY);
    expect(journal).not.toContain(KEY.slice(0, -4));
  });
});
