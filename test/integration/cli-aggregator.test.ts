// The CLI's side of the aggregator (issue 13's done-when): a quota refusal exits 1 with the provider's
// words and never blames the key; `balance --json` prints the balance; `key set` checks the key.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { REJECTED_KEY_PREFIX, startSimulator, type Simulator } from '../../electron/core/simulator';
import { FAST_TEST_TIMING } from '../../electron/core/simulator/types';
import { REPO, runCli, startCli } from '../support/run-cli';

const IMAGE = join(REPO, 'electron/core/simulator/assets/sample-input.jpg');
let sim: Simulator;
let bare: Simulator;
let dataDir: string;

beforeAll(async () => {
  sim = await startSimulator({ timing: FAST_TEST_TIMING, account: { balanceUsd: 42.5 } });
  bare = await startSimulator({ timing: FAST_TEST_TIMING, account: { billing: false } });
  dataDir = await mkdtemp(join(tmpdir(), 'veo-cli-agg-'));
});
afterAll(async () => {
  await sim.close();
  await bare.close();
  await rm(dataDir, { recursive: true, force: true });
});

const on = (s: Simulator) => ['--data-dir', dataDir, '--provider', 'simulator', '--api-base', s.baseUrl];

describe('CLI and the aggregator’s answers', () => {
  it('generate --json with a quota refusal: exit 1, status failed, the provider’s words, not the key', async () => {
    const run = await runCli([...on(sim), 'generate', '--image', IMAGE, '--prompt', 'a fox [sim:quota_exhausted]', '--json']);
    expect(run.code, run.stderr).toBe(1);
    const out = JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '{}') as { status: string; error: { message: string; kind: string } };
    expect(out.status).toBe('failed');
    expect(out.error.kind).toBe('quota');
    expect(out.error.message).toContain('用户额度不足');
    expect(out.error.message).toMatch(/top up/);
    expect(out.error.message).not.toMatch(/key was rejected|check it|Settings/);
  });

  it('a paid job refused while following: generate exits 1 with the job unfinished and paid for; resume finishes it', async () => {
    // Slow enough in the queue for the refusal to start while the CLI follows the job.
    const slow = await startSimulator({ timing: { ...FAST_TEST_TIMING, queueStepMs: 200 } });
    const dir = await mkdtemp(join(tmpdir(), 'veo-cli-paid-'));
    try {
      const target = ['--data-dir', dir, '--provider', 'simulator', '--api-base', slow.baseUrl];
      const gen = startCli([...target, 'generate', '--image', IMAGE, '--prompt', 'a fox [sim:long_queue]', '--json']);
      await vi.waitFor(() => expect(slow.jobs()).toHaveLength(1), { timeout: 30_000, interval: 10 });
      slow.refuse('key_disabled');
      const run = await gen.done;
      expect(run.code, run.stderr).toBe(1);
      const out = JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '{}') as { status: string; error: { message: string } };
      expect(out.status).toMatch(/^(queued|running)$/);
      expect(out.error.message).toMatch(/still running on the server and paid for/);
      expect(out.error.message).toContain('该令牌状态不可用');

      slow.refuse(undefined);
      const resumed = await runCli([...target, 'resume', '--json']);
      expect(resumed.code, resumed.stderr).toBe(0);
      expect((JSON.parse(resumed.stdout) as Array<{ status: string }>).map((r) => r.status)).toEqual(['completed']);
      expect(slow.submitCount()).toBe(1);
    } finally {
      slow.refuse(undefined);
      await slow.close();
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('balance --json prints {balanceUsd, provider}; null when the provider has no billing endpoints', async () => {
    const run = await runCli([...on(sim), 'balance', '--json']);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ balanceUsd: 42.5, provider: 'simulator', source: 'aggregator_billing', apiBase: sim.baseUrl });
    const none = await runCli([...on(bare), 'balance', '--json']);
    expect(none.code).toBe(0);
    expect(JSON.parse(none.stdout)).toMatchObject({ balanceUsd: null, provider: 'simulator' });
    const human = await runCli([...on(sim), 'balance']);
    expect(human.stdout).toMatch(/\$42\.50 left/);
  });

  it('balance never prints a negative amount: an overdrawn account has $0.00 left and says by how much', async () => {
    const overdrawn = await startSimulator({ timing: FAST_TEST_TIMING, account: { balanceUsd: -3 } });
    try {
      const human = await runCli([...on(overdrawn), 'balance']);
      expect(human.code, human.stderr).toBe(0);
      expect(human.stdout).toMatch(/\$0\.00 left — overdrawn by \$3\.00/);
      expect(human.stdout).not.toMatch(/\$-/);
    } finally {
      await overdrawn.close();
    }
  });

  it.runIf(process.env.VEO_KEYRING_AVAILABLE === '1' || process.env.CI)('key set checks the key: works → saved, rejected → not saved (exit 2), offline → saved', async () => {
    const env = { VEO_STUDIO_KEYCHAIN_SERVICE: `Veo Studio Test ${randomBytes(4).toString('hex')}` };
    const agg = ['--data-dir', dataDir, '--provider', 'aggregator', '--api-base', sim.baseUrl];
    const good = await runCli([...agg, 'key', 'set'], { input: 'sk-works-12345678\n', env });
    expect(good.code, good.stderr).toBe(0);
    expect(good.stderr).toMatch(/The key works/);
    const bad = await runCli([...agg, 'key', 'set'], { input: `${REJECTED_KEY_PREFIX}-12345678\n`, env });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/rejected this key \(HTTP 401\)[\s\S]*not saved/);
    expect(bad.stderr).not.toContain(REJECTED_KEY_PREFIX);
    const status = await runCli([...agg, 'key', 'status'], { env });
    expect(status.stdout).toContain('…5678'); // still the good key
    const offline = await runCli(['--data-dir', dataDir, '--provider', 'aggregator', '--api-base', 'http://127.0.0.1:9', 'key', 'set'], { input: 'sk-offline-87654321\n', env });
    expect(offline.code, offline.stderr).toBe(0);
    expect(offline.stderr).toMatch(/Couldn't check/);
    await runCli([...agg, 'key', 'clear'], { env });
  });
});
