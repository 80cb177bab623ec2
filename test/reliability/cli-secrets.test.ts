// The key and the command line: stored in the real OS keychain (test/with-keyring.sh gives CI a
// private one), then used by `generate` against an API origin whose answers point at a honeypot and
// by a gateway that echoes the key back in its 401. Nothing the CLI prints — stdout or stderr, on
// success or failure — may contain the key, and the honeypot must never receive it.
import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../electron/core/simulator';
import { FAST_TEST_TIMING } from '../../electron/core/simulator/types';
import { bundleEntry, startChild, within, type ChildRun } from './support/child';
import { SAMPLE_JPEG } from './support/hostile-files';
import { Honeypot, RewritingProxy } from './support/honeypot';

const available = process.env.VEO_KEYRING_AVAILABLE === '1';
const onCi = Boolean(process.env.CI) && !['0', 'false'].includes(process.env.CI ?? '');
const KEY = `sk-cli-${randomBytes(12).toString('hex')}`;
const env = { VEO_STUDIO_KEYCHAIN_SERVICE: `Veo Studio reliability ${randomBytes(4).toString('hex')}` };

let sim: Simulator;
let pot: Honeypot;
let proxy: RewritingProxy;
let dir: string;
let cli: string;
const runs: ChildRun[] = [];

async function veo(args: string[], input?: string): Promise<ChildRun> {
  const run = await within(45_000, `veo ${args[0]}`, startChild(cli, ['--data-dir', dir, '--provider', 'aggregator', '--api-base', proxy.origin, ...args], { env, ...(input ? { input } : {}) }).done);
  runs.push(run);
  return run;
}

describe.runIf(available || onCi)('the CLI with a real keychain', { timeout: 60_000 }, () => {
  beforeAll(async () => {
    sim = await startSimulator({ timing: FAST_TEST_TIMING, pingIntervalMs: 50 });
    pot = await Honeypot.start(sim);
    proxy = await RewritingProxy.start(sim, pot);
    dir = await mkdtemp(join(tmpdir(), 'veo-cli-secrets-'));
    cli = await bundleEntry('electron/cli/bin.ts');
  });
  afterAll(async () => {
    if (cli) await veo(['key', 'clear']).catch(() => undefined);
    await proxy?.close();
    await pot?.close();
    await sim?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('stores the key and shows only its last four characters', async () => {
    expect((await veo(['key', 'set'], `${KEY}\n`)).code).toBe(0);
    const status = await veo(['key', 'status']);
    expect(status.stdout).toContain(KEY.slice(-4));
  });

  it('generates with it, following URLs that point elsewhere without taking the key along', async () => {
    const run = await veo(['generate', '--image', SAMPLE_JPEG, '--prompt', 'a harbour at dawn', '--json']);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ status: 'completed' });
    expect(proxy.seen.every((r) => r.authorization === `Bearer ${KEY}`)).toBe(true);
    expect(pot.seen.length).toBeGreaterThan(0);
    expect(pot.seen.every((r) => r.authorization === undefined && r.path.startsWith('/cdn/'))).toBe(true);
  });

  it('reports a rejected key readably, without quoting what the server echoed', async () => {
    const run = await veo(['generate', '--image', SAMPLE_JPEG, '--prompt', 'who am I [echo-key]', '--json']);
    expect(run.code).toBe(1);
    const job = JSON.parse(run.stdout) as { error: { kind: string; message: string } };
    expect(job.error.kind).toBe('auth');
    expect(job.error.message).toMatch(/rejected/);
    await veo(['list', '--json']);
    await veo(['show', (JSON.parse(run.stdout) as { id: string }).id, '--json']);
  });

  it('printed nothing, on any stream of any command, that contains the key', async () => {
    expect(runs.length).toBeGreaterThanOrEqual(6);
    for (const run of runs) expect(run.stdout + run.stderr).not.toContain(KEY.slice(0, -4));
    const files = await readdir(dir, { recursive: true, withFileTypes: true });
    for (const f of files.filter((d) => d.isFile())) {
      expect((await readFile(join(f.parentPath, f.name))).toString('latin1'), f.name).not.toContain(KEY.slice(0, -4));
    }
  });
});
