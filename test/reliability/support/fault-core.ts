// A real core (queue client, runner, library, downloader) on a fresh temp library, pointed at a shared
// simulator as the "aggregator" provider, with timings shrunk so each fault plays out in well under
// a second, and helpers to run one job and collect what the simulator saw of it.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { ERROR_KINDS, type JobError, type JobRecord } from '../../../shared/domain';
import { createCore, type Core, type CoreConfig } from '../../../electron/core';
import { prepareImageFile, type PreparedImage } from '../../../electron/core/media/preflight';
import { MemoryKeychain } from '../../../electron/core/secrets/secret-store';
import type { SimRequestLog, Simulator } from '../../../electron/core/simulator';
import { REPO, within } from './child';

export const FAULT_KEY = 'sk-fault-suite-4c2b';
export const SAMPLE_INPUT = join(REPO, 'electron/core/simulator/assets/sample-input.jpg');

/** The policy under test, small enough to observe: 5 attempts, 50 ms doubling, ±25 %. */
export const TEST_RETRY = { maxAttempts: 5, baseDelayMs: 50, maxDelayMs: 800, jitter: 0.25, maxRetryAfterMs: 1500, requestTimeoutMs: 1000 };
export const RESULT_RETRY_DELAY_MS = 40;

export interface FaultCore {
  core: Core;
  image: PreparedImage;
  close(): Promise<void>;
}

export async function openFaultCore(baseUrl: string, opts: { useStream: boolean } & Partial<CoreConfig>): Promise<FaultCore> {
  const { useStream, ...overrides } = opts;
  const dataDir = await mkdtemp(join(tmpdir(), 'veo-faults-'));
  const core = await createCore({
    dataDir,
    provider: 'aggregator',
    apiBase: baseUrl,
    keychain: new MemoryKeychain(),
    keychainService: 'Veo Studio fault suite',
    concurrency: 4,
    retry: TEST_RETRY,
    clientOptions: { streamIdleTimeoutMs: 1500 },
    follow: { useStream, queuedPollMs: 20, runningPollMs: 20, maxPollMs: 100, unreachableGiveUpMs: 3000 },
    steps: { resultRetryDelayMs: RESULT_RETRY_DELAY_MS, downloadIdleTimeoutMs: 1500 },
    ...overrides,
  });
  await core.secrets.set('aggregator', FAULT_KEY);
  const image = await prepareImageFile(SAMPLE_INPUT);
  return {
    core,
    image,
    async close() {
      await core.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export interface JobRun {
  rec: JobRecord;
  ms: number;
  /** Every request the simulator logged for this job's request id (API and CDN). */
  seen: SimRequestLog[];
  /** Submit POSTs that arrived while the job was being created (429s included). */
  posts: SimRequestLog[];
}

/** Creates one job, waits (bounded) for its end, and gathers the simulator's view of it. */
export async function runJob(fc: FaultCore, sim: Simulator, prompt: string, deadlineMs = 10_000): Promise<JobRun> {
  const from = sim.requests.length;
  const started = Date.now();
  const created = await fc.core.runner.create({
    params: { prompt, aspectRatio: '16:9', duration: '4s', resolution: '720p', generateAudio: false },
    image: fc.image,
    provider: fc.core.provider,
    apiBase: fc.core.apiBase,
  });
  const rec = await within(deadlineMs, `job "${prompt}"`, fc.core.runner.wait(created.id));
  const mine = sim.requests.slice(from);
  return {
    rec,
    ms: Date.now() - started,
    seen: rec.requestId ? mine.filter((r) => r.requestId === rec.requestId) : [],
    posts: mine.filter((r) => r.server === 'api' && r.method === 'POST'),
  };
}

export const statusCalls = (run: JobRun) => run.seen.filter((r) => r.server === 'api' && r.method === 'GET' && /\/status(\?|$)/.test(r.path));
export const resultCalls = (run: JobRun) => run.seen.filter((r) => r.server === 'api' && r.method === 'GET' && !r.path.includes('/status'));
export const cdnCalls = (run: JobRun) => run.seen.filter((r) => r.server === 'cdn' && r.method === 'GET');
export const gaps = (entries: readonly SimRequestLog[]) => entries.slice(1).map((e, i) => e.at - (entries[i] as SimRequestLog).at);

/** A failure a person can read: a known kind, a sentence, no stack trace, no raw JSON, no key. */
export function expectReadableError(error: JobError | undefined): void {
  expect(error).toBeDefined();
  const e = error as JobError;
  expect(ERROR_KINDS).toContain(e.kind);
  expect(e.message.length).toBeGreaterThan(20);
  expect(e.message).not.toMatch(/\n\s+at\s|\.ts:\d+|\[object Object\]|undefined/);
  expect(e.message.trim()).not.toMatch(/^[{[]/);
  expect(JSON.stringify(e)).not.toContain(FAULT_KEY);
}
