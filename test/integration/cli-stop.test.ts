// Creator round, finding 6: Ctrl+C on `generate` said "Jobs keep running on the server; resume picks
// them up" also with the built-in simulator, which stops with the CLI and takes its jobs with it.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../electron/core/simulator';
import { FAST_TEST_TIMING } from '../../electron/core/simulator/types';
import { REPO, startCli } from '../support/run-cli';

const IMAGE = join(REPO, 'electron/core/simulator/assets/sample-input.jpg');
let external: Simulator;
let dataDir: string;

beforeAll(async () => {
  external = await startSimulator({ timing: { ...FAST_TEST_TIMING, queueStepMs: 1500 } });
  dataDir = await mkdtemp(join(tmpdir(), 'veo-cli-stop-'));
});
afterAll(async () => {
  await external.close();
  await rm(dataDir, { recursive: true, force: true });
});

/** Starts a generate, presses Ctrl+C once it is queued, and returns what the CLI said on stderr. */
async function stopWhileQueued(target: string[]): Promise<string> {
  const { child, done } = startCli(['--data-dir', dataDir, '--provider', 'simulator', ...target, 'generate', '--image', IMAGE, '--prompt', 'a long wait [sim:long_queue]']);
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  await expect.poll(() => /queue position/i.test(stderr), { timeout: 30_000 }).toBe(true);
  child.kill('SIGINT');
  return (await done).stderr;
}

describe('what Ctrl+C promises', () => {
  it('the built-in simulator: its jobs stop with the CLI, so no promise of resume', async () => {
    const said = await stopWhileQueued([]);
    expect(said).toMatch(/Stopping/);
    expect(said).not.toMatch(/keep running on the server/);
    expect(said).not.toMatch(/"resume" picks them up/);
    expect(said).toMatch(/built-in simulator/);
  }, 60_000);

  it('an external simulator keeps its jobs: resume picks them up', async () => {
    const said = await stopWhileQueued(['--api-base', external.baseUrl]);
    expect(said).toMatch(/"resume" picks them up/);
  }, 60_000);
});
