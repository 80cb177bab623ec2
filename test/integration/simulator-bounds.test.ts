// Red-team F1: the simulator kept every request and every job forever, so any local page (no-cors
// fetches) or local user could grow the app's memory without limit. Now: a bounded request log (none
// at all in the app's in-process simulator), a bounded job registry, a Host check, and early refusals
// of oversized paths and bodies.
import { request } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core';
import { MemoryKeychain } from '../../electron/core/secrets/memory-keychain';
import { FAST_TEST_TIMING, startSimulator, type Simulator, type SimJobView } from '../../electron/core/simulator';

const AUTH = { authorization: 'Bearer test-key' };
const INPUT = { prompt: 'a cat surfing', image_url: 'https://example.com/cat.png' };
let sim: Simulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

const submit = (s: Simulator, prompt = INPUT.prompt): Promise<Response> =>
  fetch(`${s.baseUrl}/fal-ai/veo3/image-to-video`, { method: 'POST', headers: { ...AUTH, 'content-type': 'application/json' }, body: JSON.stringify({ ...INPUT, prompt }) });

/** A raw request, so the Host and Content-Length headers can be anything. */
function raw(url: string, opts: { method?: string; headers?: Record<string, string | number> }): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: opts.method ?? 'GET', headers: opts.headers }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    // Headers only: a body promised but never sent, so only an early answer can arrive.
    req.flushHeaders();
  });
}

function allCompleted(s: Simulator, ids: string[]): Promise<void> {
  const left = new Set(ids.filter((id) => s.job(id)?.state !== 'COMPLETED'));
  if (left.size === 0) return Promise.resolve();
  return new Promise((resolve) => {
    const off = s.on('completed', (job: SimJobView) => {
      left.delete(job.requestId);
      if (left.size === 0) {
        off();
        resolve();
      }
    });
  });
}

describe('the simulator under a flood', () => {
  it('keeps at most requestLogLimit requests, and refuses long paths early without keeping them', async () => {
    sim = await startSimulator({ timing: FAST_TEST_TIMING, requestLogLimit: 20 });
    const long = `/x${'a'.repeat(10_000)}`;
    for (let i = 0; i < 60; i++) expect((await fetch(`${sim.baseUrl}${long}`)).status).toBe(414);
    expect(sim.requests.length).toBeLessThanOrEqual(20);
    for (const r of sim.requests) expect(r.path.length).toBeLessThanOrEqual(300);
  });

  it('answers only requests addressed to its own host (DNS rebinding)', async () => {
    sim = await startSimulator({ timing: FAST_TEST_TIMING });
    const port = new URL(sim.baseUrl).port;
    expect(await raw(`${sim.baseUrl}/fal-ai/veo3/image-to-video`, { headers: { ...AUTH, host: `attacker.example:${port}` } })).toBe(421);
    expect(await raw(`${sim.cdnUrl}/videos/x.mp4`, { headers: { host: 'attacker.example' } })).toBe(421);
    expect(await raw(`${sim.baseUrl}/nope`, { headers: { ...AUTH, host: `localhost:${port}` } })).toBe(404);
  });

  it('refuses a submit whose announced body is over the limit before reading it', async () => {
    sim = await startSimulator({ timing: FAST_TEST_TIMING });
    const status = await raw(`${sim.baseUrl}/fal-ai/veo3/image-to-video`, {
      method: 'POST',
      headers: { ...AUTH, 'content-type': 'application/json', 'content-length': 500 * 1024 * 1024 },
    });
    expect(status).toBe(413);
  });

  it('keeps at most maxJobs jobs: the oldest finished ones go first; with none finished, a submit is refused 429', async () => {
    sim = await startSimulator({ timing: FAST_TEST_TIMING, maxJobs: 3 });
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push(String(((await (await submit(sim)).json()) as { request_id: string }).request_id));
    await allCompleted(sim, ids);
    const res = await submit(sim);
    expect(res.status).toBe(200);
    expect(sim.jobs()).toHaveLength(3);
    expect(sim.job(ids[0] as string)).toBeUndefined();
    await sim.close();

    sim = await startSimulator({ timing: { ...FAST_TEST_TIMING, runMs: 60_000 }, maxJobs: 2 });
    expect((await submit(sim)).status).toBe(200);
    expect((await submit(sim)).status).toBe(200);
    expect((await submit(sim)).status).toBe(429);
    expect(sim.jobs()).toHaveLength(2);
  });

  it('the app’s in-process simulator keeps no request log', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'veo-sim-bounds-'));
    const core = await createCore({ dataDir, provider: 'simulator', keychain: new MemoryKeychain(), simulator: { timing: FAST_TEST_TIMING } });
    try {
      await core.balance();
      expect(core.simulator()).toBeDefined();
      expect(core.simulator()?.requests).toHaveLength(0);
    } finally {
      await core.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
