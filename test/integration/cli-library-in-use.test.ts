// The CLI beside a running app: a real second process holds the library's writer lock (as the app
// or the browser host does). Looking (list, show) still works; writing commands are refused with
// their own exit code and a message that says what to do.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { libraryDir } from '../../electron/core/paths';
import { startSimulator, type Simulator } from '../../electron/core/simulator';
import { FAST_TEST_TIMING } from '../../electron/core/simulator/types';
import { startChild, type RunningChild } from '../support/child-process';
import { REPO, runCli } from '../support/run-cli';

const IMAGE = join(REPO, 'electron/core/simulator/assets/sample-input.jpg');
const LIBRARY_IN_USE_EXIT = 3;

let sim: Simulator;
let dataDir: string;
let holder: RunningChild | undefined;
let jobId: string;
const flags = () => ['--data-dir', dataDir, '--provider', 'simulator', '--api-base', sim.baseUrl];

/** Starts the holder process and resolves once it has the library open for writing. */
async function holdLibrary(): Promise<RunningChild> {
  const child = startChild(join(REPO, 'test', 'support', 'hold-library.ts'), [libraryDir(dataDir)], { nodeArgs: ['--import', 'tsx'] });
  await new Promise<void>((resolve, reject) => {
    let seen = '';
    child.child.stdout?.on('data', (d: Buffer) => {
      seen += d.toString();
      if (seen.includes('ready')) resolve();
    });
    void child.done.then((run) => reject(new Error(`the holder exited early: ${run.stderr}`)));
  });
  return child;
}

beforeAll(async () => {
  sim = await startSimulator({ timing: FAST_TEST_TIMING });
  dataDir = await mkdtemp(join(tmpdir(), 'veo-cli-in-use-'));
  const made = await runCli([...flags(), 'generate', '--image', IMAGE, '--prompt', 'A heron at dawn', '--json']);
  expect(made.code, made.stderr).toBe(0);
  jobId = JSON.parse(made.stdout).id;
  holder = await holdLibrary();
});

afterAll(async () => {
  await holder?.kill();
  await sim.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('while another process holds the library', () => {
  it('list reads the library beside the writer', async () => {
    const run = await runCli([...flags(), 'list', '--json']);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).map((j: { id: string }) => j.id)).toEqual([jobId]);
  });

  it('show reads one job beside the writer', async () => {
    const run = await runCli([...flags(), 'show', jobId.slice(0, 8), '--json']);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ id: jobId, prompt: 'A heron at dawn' });
  });

  it('generate is refused with its own exit code, saying why and what still works', async () => {
    const submitted = sim.submitCount();
    const run = await runCli([...flags(), 'generate', '--image', IMAGE, '--prompt', 'x']);
    expect(run.code).toBe(LIBRARY_IN_USE_EXIT);
    expect(run.stderr).toMatch(/in use by process \d+/);
    expect(run.stderr).toMatch(/close the app/i);
    expect(run.stderr).toMatch(/list.*show/);
    expect(sim.submitCount()).toBe(submitted);
  });

  it('cancel says how to get there: Ctrl+C the generate that follows the job, or cancel in the app', async () => {
    const run = await runCli([...flags(), 'cancel', jobId]);
    expect(run.code).toBe(LIBRARY_IN_USE_EXIT);
    expect(run.stderr).toMatch(/Ctrl\+C/);
    expect(run.stderr).toMatch(/in the app/);
  });

  it('--help documents the exit code', async () => {
    const run = await runCli(['--help']);
    expect(run.stdout).toMatch(/3 the library is in use/);
  });
});
