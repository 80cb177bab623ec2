// Balance and key check against the simulator playing the aggregator: the billing pair present and
// absent, a key it rejects, one it accepts, and one that cannot be checked because nothing answers.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../electron/core';
import { fetchBalance } from '../../electron/core/api/balance';
import { checkKey } from '../../electron/core/api/key-check';
import { MemoryKeychain } from '../../electron/core/secrets/secret-store';
import { BANNED_KEY_PREFIX, IP_LIMITED_KEY_PREFIX, REJECTED_KEY_PREFIX, startSimulator, type Simulator } from '../../electron/core/simulator';
import { FAST_TEST_TIMING } from '../../electron/core/simulator/types';

const KEY = 'sk-balance-test-5678';
let sim: Simulator;
let bare: Simulator;
const dirs: string[] = [];
const cores: Core[] = [];

beforeAll(async () => {
  sim = await startSimulator({ timing: FAST_TEST_TIMING, account: { balanceUsd: 25 } });
  bare = await startSimulator({ timing: FAST_TEST_TIMING, account: { billing: false } });
});
afterEach(async () => {
  for (const c of cores.splice(0)) await c.close();
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});
afterAll(async () => {
  await sim?.close();
  await bare?.close();
});

async function coreOn(apiBase: string): Promise<Core> {
  const dataDir = await mkdtemp(join(tmpdir(), 'veo-balance-'));
  dirs.push(dataDir);
  const core = await createCore({ dataDir, provider: 'aggregator', apiBase, keychain: new MemoryKeychain() });
  cores.push(core);
  await core.secrets.set('aggregator', KEY);
  return core;
}

describe('balance', () => {
  it('billing endpoints present → hard_limit_usd − total_usage/100, sent only to the API origin with the key', async () => {
    const core = await coreOn(sim.baseUrl);
    const info = await core.balance();
    expect(info).toMatchObject({ provider: 'aggregator', balanceUsd: 25, source: 'aggregator_billing' });
    const asked = sim.requests.filter((r) => r.path.includes('/dashboard/billing/'));
    expect(asked.map((r) => r.path).sort()).toEqual(['/v1/dashboard/billing/subscription', '/v1/dashboard/billing/usage']);
    expect(asked.every((r) => r.authorization === `Bearer ${KEY}`)).toBe(true);
  });

  it('billing endpoints absent (404) → balanceUsd null with a reason, no error', async () => {
    const core = await coreOn(bare.baseUrl);
    const info = await core.balance();
    expect(info).toMatchObject({ balanceUsd: null, source: 'none' });
    expect(info.reason).toMatch(/HTTP 404/);
  });

  it('other shapes are "does not say": one-api’s 200 {"error":…}, an unlimited key, offline', async () => {
    const fake = (body: unknown): typeof fetch => async () => new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
    const ask = (f: typeof fetch) => fetchBalance({ provider: 'aggregator', baseUrl: 'https://api.example', getKey: async () => KEY, fetch: f });
    expect((await ask(fake({ error: { message: 'record not found', type: 'upstream_error' } }))).balanceUsd).toBeNull();
    const unlimited = await ask(fake({ hard_limit_usd: 100_000_000, total_usage: 0 }));
    expect(unlimited).toMatchObject({ balanceUsd: null, unlimited: true });
    const offline = await ask(async () => {
      throw Object.assign(new TypeError('fetch failed'), { cause: { code: 'ENOTFOUND' } });
    });
    expect(offline.balanceUsd).toBeNull();
  });

  it('implausible amounts are "does not say" too (red-team L3): quota units, -1e20', async () => {
    const fake = (body: unknown): typeof fetch => async () => new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
    const ask = (f: typeof fetch) => fetchBalance({ provider: 'aggregator', baseUrl: 'https://api.example', getKey: async () => KEY, fetch: f });
    for (const body of [{ hard_limit_usd: 5_000_000, total_usage: 100 }, { hard_limit_usd: -1e20, total_usage: 0 }]) {
      const info = await ask(fake(body));
      expect(info.balanceUsd, JSON.stringify(body)).toBeNull();
      expect(info.reason).toMatch(/does not look like dollars/);
    }
    // An overdrawn account is reported as it is (the app shows $0 left).
    expect((await ask(fake({ hard_limit_usd: 10, total_usage: 1300 }))).balanceUsd).toBe(-3);
  });

  it('goes down after an accepted job', async () => {
    const core = await coreOn(sim.baseUrl);
    const before = (await core.balance()).balanceUsd ?? NaN;
    const res = await fetch(`${sim.baseUrl}/fal-ai/veo3/image-to-video`, {
      method: 'POST',
      headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify({ prompt: 'x', image_url: 'https://example.com/a.png', duration: '4s', generate_audio: true }),
    });
    expect(res.status).toBe(200);
    expect((await core.balance()).balanceUsd).toBeCloseTo(before - 1.6, 5);
  });

  it('fal direct: asks api.fal.ai only while fal’s default address is used', async () => {
    const seen: string[] = [];
    const f: typeof fetch = async (input) => {
      seen.push(String(input));
      return new Response(JSON.stringify({ username: 'me', credits: { current_balance: 24.5, currency: 'USD' } }), { status: 200 });
    };
    expect(await fetchBalance({ provider: 'fal', baseUrl: 'https://queue.fal.run', getKey: async () => 'k:s', fetch: f })).toMatchObject({ balanceUsd: 24.5, source: 'fal_billing' });
    expect(seen).toEqual(['https://api.fal.ai/v1/account/billing?expand=credits']);
    const moved = await fetchBalance({ provider: 'fal', baseUrl: 'https://my-proxy.example', getKey: async () => 'k:s', fetch: f });
    expect(moved.balanceUsd).toBeNull();
    expect(seen).toHaveLength(1);
  });
});

describe('key check', () => {
  it('works / rejected against the simulated aggregator, without creating a job', async () => {
    const jobs = sim.submitCount();
    const ok = await checkKey({ provider: 'aggregator', baseUrl: sim.baseUrl, key: KEY, fetch });
    expect(ok).toMatchObject({ verdict: 'works', origin: sim.baseUrl, httpStatus: 404 });
    const bad = await checkKey({ provider: 'aggregator', baseUrl: sim.baseUrl, key: `${REJECTED_KEY_PREFIX}-0000`, fetch });
    expect(bad).toMatchObject({ verdict: 'rejected', httpStatus: 401 });
    expect(bad.message).toMatch(/rejected this key.*无效的令牌/);
    expect(bad.message).not.toContain(REJECTED_KEY_PREFIX);
    expect(sim.submitCount()).toBe(jobs);
    const probe = sim.requests.filter((r) => r.path.includes('00000000-0000-0000-0000-000000000000'));
    expect(probe.every((r) => r.method === 'GET')).toBe(true);
  });

  it.each([
    [BANNED_KEY_PREFIX, '用户已被封禁'],
    [IP_LIMITED_KEY_PREFIX, '您的 IP 不在令牌允许访问的列表中'],
  ])('a key the aggregator refuses with 403 (%s…) → rejected in its words, not "works"', async (prefix, words) => {
    const res = await checkKey({ provider: 'aggregator', baseUrl: sim.baseUrl, key: `${prefix}-0000`, fetch });
    expect(res).toMatchObject({ verdict: 'rejected', httpStatus: 403 });
    expect(res.message).toContain(words);
  });

  it('offline → unchecked (and the caller may still save)', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', () => r()));
    const port = (closed.address() as { port: number }).port;
    await new Promise<void>((r) => closed.close(() => r()));
    const res = await checkKey({ provider: 'aggregator', baseUrl: `http://127.0.0.1:${port}`, key: KEY, fetch });
    expect(res.verdict).toBe('unchecked');
    // The cause in words, not the socket code (issue 12 item 4).
    expect(res.message).toMatch(/Couldn't check.*refused the connection.*Saving it still works/);
    expect(res.message).not.toMatch(/ECONNREFUSED/);
    expect(res.message).not.toMatch(/You can still save/);
  });

  it('the core checks against the provider’s configured address', async () => {
    const core = await coreOn(sim.baseUrl);
    expect((await core.checkKey('aggregator', KEY)).verdict).toBe('works');
    expect((await core.checkKey('aggregator', `${REJECTED_KEY_PREFIX}x`)).verdict).toBe('rejected');
  });
});
