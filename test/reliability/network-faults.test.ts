// Network faults, property by property: for every simulator fault scenario, followed both by the SSE
// stream and by polling, the job ends completed or with a classified, readable error; it ends within
// a deadline (no wait is unbounded); and the requests the simulator logged show the retry policy at
// work — how many attempts, spaced by the backoff, Retry-After honoured, submits never repeated once
// they may have reached the server. (test/integration/core-scenarios.test.ts covers the plain
// outcomes; this suite checks the timing and counting behind them.)
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../electron/core/simulator';
import { FAST_TEST_TIMING } from '../../electron/core/simulator/types';
import { toModelInput } from '../../electron/core/jobs/model-input';
import { isApiError } from '../../electron/core/api/errors';
import {
  cdnCalls,
  expectReadableError,
  gaps,
  openFaultCore,
  resultCalls,
  RESULT_RETRY_DELAY_MS,
  runJob,
  statusCalls,
  TEST_RETRY,
  type JobRun,
} from './support/fault-core';
import { within } from './support/child';

let sim: Simulator;

beforeAll(async () => {
  sim = await startSimulator({ timing: FAST_TEST_TIMING, pingIntervalMs: 50, downloadBytesPerSecond: 400_000 });
});
afterAll(async () => {
  await sim?.close();
});

/** Backoff before retry n (1-based) is base·2^(n-1) ± 25 %; scheduling on a busy CI box adds a little. */
function expectBackoff(observed: number[], from = 1): void {
  observed.forEach((gap, i) => {
    const nominal = TEST_RETRY.baseDelayMs * 2 ** (from + i - 1);
    expect(gap, `gap before retry ${from + i + 1}`).toBeGreaterThanOrEqual(nominal * (1 - TEST_RETRY.jitter) - 2);
    expect(gap, `gap before retry ${from + i + 1}`).toBeLessThanOrEqual(nominal * (1 + TEST_RETRY.jitter) + 300);
  });
}

async function scenario(useStream: boolean, name: string, check: (run: JobRun) => void): Promise<void> {
  const fc = await openFaultCore(sim.baseUrl, { useStream });
  try {
    const run = await runJob(fc, sim, `a harbour at dawn [sim:${name}]`);
    if (run.rec.state !== 'completed') expectReadableError(run.rec.error);
    check(run);
  } finally {
    await fc.close();
  }
}

describe.each([
  ['streaming', true],
  ['polling', false],
])('every fault scenario, followed by %s', (_mode, useStream) => {
  it('rate_limit: the submit is retried after each Retry-After, and only the accepted one creates a job', async () => {
    await scenario(useStream, 'rate_limit', (run) => {
      expect(run.rec.state).toBe('completed');
      const posts = run.posts.filter((p) => p.scenario === 'rate_limit');
      expect(posts.map((p) => p.status)).toEqual([429, 429, 200]);
      for (const gap of gaps(posts)) expect(gap).toBeGreaterThanOrEqual(995); // Retry-After: 1
      if (!useStream) {
        const [limited, next] = statusCalls(run);
        expect(limited?.status).toBe(429);
        expect((next?.at ?? 0) - (limited?.at ?? 0)).toBeGreaterThanOrEqual(995);
      }
    });
  });

  it('server_errors: a 500/502/503/504 burst is retried with exponential backoff; the result 503 once', async () => {
    await scenario(useStream, 'server_errors', (run) => {
      expect(run.rec.state).toBe('completed');
      if (!useStream) {
        const calls = statusCalls(run);
        expect(calls.slice(0, 5).map((c) => c.status)).toEqual([500, 502, 503, 504, expect.any(Number)]);
        expect([200, 202]).toContain(calls[4]?.status);
        expectBackoff(gaps(calls.slice(0, 5)));
      }
      const results = resultCalls(run);
      expect(results.map((r) => r.status)).toEqual([503, 200]);
      expectBackoff(gaps(results));
    });
  });

  it('server_error_final: the result 500 is retried exactly maxAttempts times, then failed as not charged', async () => {
    await scenario(useStream, 'server_error_final', (run) => {
      expect(run.rec.state).toBe('failed');
      expect(run.rec.error).toMatchObject({ kind: 'transient', notCharged: true, httpStatus: 500 });
      const results = resultCalls(run);
      expect(results).toHaveLength(TEST_RETRY.maxAttempts);
      expectBackoff(gaps(results));
    });
  });

  it('connection_reset: two dropped connections are retried, then the job completes', async () => {
    await scenario(useStream, 'connection_reset', (run) => {
      expect(run.rec.state).toBe('completed');
      if (!useStream) {
        const calls = statusCalls(run);
        expect(calls.slice(0, 2).map((c) => c.status)).toEqual([0, 0]);
        expectBackoff(gaps(calls.slice(0, 3)));
      }
    });
  });

  it('submit_reset: the POST is sent once and never repeated; the job says the outcome is unknown', async () => {
    await scenario(useStream, 'submit_reset', (run) => {
      expect(run.rec.state).toBe('failed');
      expect(run.rec.error?.kind).toBe('outcome_unknown');
      expect(run.rec.error?.message).toMatch(/may or may not/);
      expect(run.posts.filter((p) => p.scenario === 'submit_reset')).toHaveLength(1);
    });
  });

  it('invalid_json: a cut-off status body is retried like a transient failure', async () => {
    await scenario(useStream, 'invalid_json', (run) => {
      expect(run.rec.state).toBe('completed');
      if (!useStream) {
        const calls = statusCalls(run);
        expect(calls.length).toBeGreaterThanOrEqual(2);
        expectBackoff(gaps(calls.slice(0, 2)));
      }
    });
  });

  it('stall: a status answer that never comes is cut off by the request timeout and retried', async () => {
    await scenario(useStream, 'stall', (run) => {
      expect(run.rec.state).toBe('completed');
      if (!useStream) {
        const [stalled, next] = statusCalls(run);
        const waited = (next?.at ?? 0) - (stalled?.at ?? 0);
        // The stalled answer never comes: that a retry happened at all proves the timeout cut it off.
        // Only the lower bound is about our code; an upper one would measure the machine's load.
        expect(waited).toBeGreaterThanOrEqual(TEST_RETRY.requestTimeoutMs);
      }
    });
  });

  it('truncated_download: the cut-off video is fetched once more (by Range when bytes were kept) and saved whole', async () => {
    await scenario(useStream, 'truncated_download', (run) => {
      expect(run.rec.state).toBe('completed');
      expect(run.rec.videoBytes).toBe(run.rec.result?.fileSize);
      // 206 when the kept .part was resumed (the node:http downloader keeps every byte that
      // arrived); 200 only when the connection broke before the first byte, so it starts over.
      const [first, second, ...more] = cdnCalls(run).map((c) => c.status);
      expect(first).toBe(200);
      expect([200, 206]).toContain(second);
      expect(more).toEqual([]);
    });
  });

  it('slow_download: a slow but steady download completes', async () => {
    await scenario(useStream, 'slow_download', (run) => {
      expect(run.rec.state).toBe('completed');
      expect(cdnCalls(run)).toHaveLength(1);
    });
  });

  it('expired_url: an expired video URL is not retried and is reported as expired', async () => {
    await scenario(useStream, 'expired_url', (run) => {
      expect(run.rec.state).toBe('failed');
      expect(run.rec.error?.kind).toBe('expired');
      expect(cdnCalls(run).map((c) => c.status)).toEqual([403]);
    });
  });

  it('no_stream: a provider without the SSE stream is polled instead', async () => {
    await scenario(useStream, 'no_stream', (run) => {
      expect(run.rec.state).toBe('completed');
      const streams = run.seen.filter((r) => r.path.includes('/status/stream'));
      expect(streams.map((s) => s.status)).toEqual(useStream ? [404] : []);
      expect(statusCalls(run).length).toBeGreaterThan(0);
    });
  });

  it('cancel_race: a cancel that crosses the finished video ends completed, with the cancel recorded', async () => {
    const fc = await openFaultCore(sim.baseUrl, { useStream });
    try {
      const created = await fc.core.runner.create({
        params: { prompt: 'too late to stop [sim:cancel_race]', aspectRatio: 'auto', duration: '4s', resolution: '720p', generateAudio: false },
        image: fc.image,
        provider: fc.core.provider,
        apiBase: fc.core.apiBase,
      });
      await within(5000, 'request id saved', new Promise<void>((resolve) => {
        const check = () => fc.core.library.get(created.id)?.requestId !== undefined && (off(), resolve());
        const off = fc.core.runner.events.on('job:updated', check);
        check();
      }));
      await fc.core.runner.cancel(created.id).catch(() => undefined);
      const rec = await within(10_000, 'cancel_race job', fc.core.runner.wait(created.id));
      expect(rec.state).toBe('completed');
      expect(rec.cancelRequested).toBe(true);
      expect(sim.job(rec.requestId ?? '')?.outcome).toBe('video');
    } finally {
      await fc.close();
    }
  });
});

describe('asking for the result before the job completed (HTTP 400)', () => {
  it('the client reports not_ready at once and does not retry it', async () => {
    const fc = await openFaultCore(sim.baseUrl, { useStream: false });
    try {
      const client = fc.core.clientFor('aggregator', sim.baseUrl);
      const receipt = await client.submit(toModelInput({ model: 'fal-ai/veo3/image-to-video', prompt: 'early bird [sim:long_queue]', aspectRatio: 'auto', duration: '4s', resolution: '720p', generateAudio: false }, { first: fc.image.payload.dataUri }));
      const from = sim.requests.length;
      const err = await client.result(receipt.urls).catch((e: unknown) => e);
      expect(isApiError(err) && err.kind).toBe('not_ready');
      expect(sim.requests.slice(from).filter((r) => r.requestId === receipt.requestId).map((r) => r.status)).toEqual([400]);
      await client.cancel(receipt.urls);
    } finally {
      await fc.close();
    }
  });

  /** A fetch that answers the first `times` result GETs with fal's 400 "still in progress". */
  function earlyResultFetch(times: number, seen: number[]): typeof fetch {
    return (input, init) => {
      const url = new URL(input instanceof Request ? input.url : String(input));
      if ((init?.method ?? 'GET') === 'GET' && /\/requests\/[^/]+$/.test(url.pathname) && seen.length < times) {
        seen.push(Date.now());
        return Promise.resolve(new Response(JSON.stringify({ detail: 'Request is still in progress' }), { status: 400, headers: { 'content-type': 'application/json' } }));
      }
      return fetch(input, init);
    };
  }

  it('the runner asks again with a growing delay and completes', async () => {
    const seen: number[] = [];
    const fc = await openFaultCore(sim.baseUrl, { useStream: true, fetch: earlyResultFetch(2, seen) });
    try {
      const run = await runJob(fc, sim, 'eventually ready');
      expect(run.rec.state).toBe('completed');
      expect(seen).toHaveLength(2);
      expect((seen[1] ?? 0) - (seen[0] ?? 0)).toBeGreaterThanOrEqual(RESULT_RETRY_DELAY_MS - 2);
      expect(resultCalls(run).map((r) => r.status)).toEqual([200]);
    } finally {
      await fc.close();
    }
  });

  it('the runner gives up after its attempts with a readable error instead of waiting forever', async () => {
    const seen: number[] = [];
    const fc = await openFaultCore(sim.baseUrl, { useStream: true, fetch: earlyResultFetch(1000, seen) });
    try {
      const run = await runJob(fc, sim, 'never ready');
      expect(run.rec.state).toBe('failed');
      expectReadableError(run.rec.error);
      expect(run.rec.error?.message).toMatch(/Check again/);
      expect(seen).toHaveLength(5);
      gaps(seen.map((at) => ({ at }) as never)).forEach((gap, i) => expect(gap).toBeGreaterThanOrEqual(RESULT_RETRY_DELAY_MS * (i + 1) - 2));
    } finally {
      await fc.close();
    }
  });
});

describe('an API that cannot be reached at all', () => {
  it('the submit is retried (nothing was sent) and fails within its bound as not charged', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    const fc = await openFaultCore(`http://127.0.0.1:${port}`, { useStream: true });
    try {
      const run = await runJob(fc, sim, 'nobody home', 5000);
      expect(run.rec.state).toBe('failed');
      expect(run.rec.error).toMatchObject({ kind: 'transient', notCharged: true });
      expect(run.rec.error?.message).toMatch(/5 attempts/);
      expectReadableError(run.rec.error);
    } finally {
      await fc.close();
    }
  });
});
