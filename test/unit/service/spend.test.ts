// Money, through the real router and core against a simulator standing in for a PAID provider
// (aggregator + key): every path that spends passes the core's spend guard (the renderer is bypassed
// here on purpose), a double request starts one job, and the ledger counts what was charged —
// unmoved by delete and import, free for the simulator, voided for failures fal does not bill.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../../electron/core/simulator';
import { FAST_TEST_TIMING } from '../../../electron/core/simulator/types';
import { PARAMS, SAMPLE_INPUT, startHarness, type Harness } from './harness';

let sim: Simulator;
let h: Harness;
beforeAll(async () => {
  sim = await startSimulator({ timing: FAST_TEST_TIMING, pingIntervalMs: 50 });
  // Quick retries: the 5xx case gives up after fal's five attempts without waiting seconds.
  h = await startHarness({ core: { provider: 'aggregator', apiBase: sim.baseUrl, retry: { baseDelayMs: 10, maxDelayMs: 20 } } });
  await h.call('key:set', { provider: 'aggregator', key: 'sk-test-0123456789abcdef' });
});
afterAll(async () => {
  await h?.close();
  await sim?.close();
});

const prepare = async (harness = h): Promise<string> => (await harness.call('image:prepare', { kind: 'path', path: SAMPLE_INPUT })).token;
const setLimit = (usd: number | null) => h.call('settings:update', { confirmAboveUsd: usd });
const finished = async (prompt: string) => {
  const created = await h.call('jobs:create', { params: { ...PARAMS, prompt }, imageToken: await prepare() });
  return h.waitForState(created.id, 'completed');
};

describe('the spend guard, enforced in the core', () => {
  it('a double Retry starts one job', async () => {
    const failed = await finished('refused [sim:content_policy]');
    expect(failed.state).toBe('failed');
    const before = { submits: sim.submitCount(), jobs: h.core.library.count() };
    const [a, b] = await Promise.all([h.call('jobs:rerun', { id: failed.id }), h.call('jobs:rerun', { id: failed.id })]);
    expect(a.id).toBe(b.id);
    await h.waitForState(a.id, 'failed');
    expect(h.core.library.count()).toBe(before.jobs + 1);
    expect(sim.submitCount()).toBe(before.submits + 1);
  });

  it('a double Generate (same settings, same picture) starts one job', async () => {
    const token = await prepare();
    const input = { params: { ...PARAMS, prompt: 'double click' }, imageToken: token };
    const before = h.core.library.count();
    const [a, b] = await Promise.all([h.call('jobs:create', input), h.call('jobs:create', input)]);
    expect(a.id).toBe(b.id);
    expect(h.core.library.count()).toBe(before + 1);
    await h.waitForState(a.id, 'completed');
  });

  it('Retry above the limit needs confirmation, and starts nothing until it gets it', async () => {
    const failed = await finished('retry me [sim:content_policy]');
    await setLimit(1);
    try {
      const submits = sim.submitCount();
      const refused = await h.fail('jobs:rerun', { id: failed.id });
      expect(refused.needsConfirmation).toEqual({ usd: 3.2, limit: 1, jobs: 1, provider: 'aggregator' });
      expect(refused.message).toMatch(/above your limit of \$1\.00/);
      expect((await h.fail('jobs:rerun', { id: failed.id, confirmedUsd: 3.19 })).needsConfirmation).toBeDefined();
      expect(sim.submitCount()).toBe(submits);
      const started = await h.call('jobs:rerun', { id: failed.id, confirmedUsd: 3.2 });
      await h.waitForState(started.id, 'failed');
      expect(sim.submitCount()).toBe(submits + 1);
    } finally {
      await setLimit(null);
    }
  });

  it('a caller that bypasses the UI cannot spend above the limit without confirming the whole batch', async () => {
    await setLimit(5);
    try {
      const token = await prepare();
      const before = h.core.library.count();
      const input = { params: { ...PARAMS, prompt: 'three pictures' }, imageToken: token };
      // One 8 s job is $3.20, under $5; three of them in one press are $9.60.
      expect((await h.fail('jobs:create', { ...input, batchSize: 3 })).needsConfirmation).toMatchObject({ usd: 9.6, jobs: 3 });
      expect((await h.fail('jobs:create', { ...input, batchSize: 3, confirmedUsd: 3.2 })).needsConfirmation).toBeDefined();
      expect((await h.fail('jobs:create', { ...input, params: { ...input.params, duration: '8s' }, batchSize: 2 })).kind).toBe('failed');
      expect(h.core.library.count()).toBe(before);
      const ok = await h.call('jobs:create', { ...input, batchSize: 3, confirmedUsd: 9.6 });
      await h.waitForState(ok.id, 'completed');
    } finally {
      await setLimit(null);
    }
  });
});

describe('the ledger', () => {
  it('charges the job when the provider accepts it, and a delete does not lower it', async () => {
    const before = await h.call('library:ledger');
    const done = await finished('charged once');
    const after = await h.call('library:ledger');
    expect(after.totalUsd).toBeCloseTo(before.totalUsd + 3.2, 5);
    expect(after.byProvider).toEqual([{ provider: 'aggregator', usd: after.totalUsd, jobs: expect.any(Number) }]);
    expect(await h.call('library:jobCost', { id: done.id })).toMatchObject({ status: 'charged', usd: 3.2 });
    await h.call('library:delete', { id: done.id });
    expect(await h.call('library:ledger')).toEqual(after);
  });

  it('a 5xx failure fal does not bill is not spend', async () => {
    const before = await h.call('library:ledger');
    const failed = await finished('server broke [sim:server_error_final]');
    expect(failed.error?.notCharged).toBe(true);
    expect((await h.call('library:ledger')).totalUsd).toBe(before.totalUsd);
    expect(await h.call('library:jobCost', { id: failed.id })).toMatchObject({ status: 'not_charged' });
  });

  it('importing another library adds no spend: its jobs keep their dates and are marked imported', async () => {
    const other = await startHarness();
    const exportDir = await mkdtemp(join(tmpdir(), 'veo-spend-export-'));
    try {
      const created = await other.call('jobs:create', { params: { ...PARAMS, prompt: 'from elsewhere' }, imageToken: await prepare(other) });
      const original = await other.waitForState(created.id, 'completed');
      await other.call('library:export', { dest: exportDir });
      const before = await h.call('library:ledger');
      expect((await h.call('library:import', { src: exportDir })).imported).toBe(1);
      const imported = h.core.library.get(original.id)!;
      expect(imported.createdAt).toBe(original.createdAt);
      expect(imported.importedAt).toBeDefined();
      expect(await h.call('library:ledger')).toEqual(before);
      expect(await h.call('library:jobCost', { id: original.id })).toMatchObject({ status: 'imported' });
    } finally {
      await other.close();
      await rm(exportDir, { recursive: true, force: true });
    }
  });
});

describe('the simulator', () => {
  it('is free: never asks to confirm, never counts as spend', async () => {
    const free = await startHarness();
    try {
      await free.call('settings:update', { confirmAboveUsd: 0 });
      const created = await free.call('jobs:create', { params: PARAMS, imageToken: await prepare(free), batchSize: 3 });
      await free.waitForState(created.id, 'completed');
      const ledger = await free.call('library:ledger');
      expect(ledger).toMatchObject({ totalUsd: 0, days: [], free: { jobs: 1, wouldCostUsd: 3.2 } });
      expect(await free.call('library:jobCost', { id: created.id })).toMatchObject({ status: 'free', usd: 3.2 });
    } finally {
      await free.close();
    }
  });
});
