// What every end-to-end test stands on: a simulator in the test process (so it outlives host
// restarts and counts submits) and the browser host as a real child process (so it can be killed).
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { test } from '@playwright/test';
import { startSimulator, type Simulator, type SimulatorOptions } from '../../../electron/core/simulator';

export const REPO = join(import.meta.dirname, '..', '..', '..');
export const SAMPLE_INPUT = join(REPO, 'electron/core/simulator/assets/sample-input.jpg');

export interface HostProcess {
  url: string;
  child: ChildProcess;
  stderr: () => string;
  /** SIGTERM and wait: the host shuts down cleanly, jobs stay resumable. */
  stop(): Promise<void>;
  /** SIGKILL: a crash. */
  kill(): Promise<void>;
}

export interface HostOptions {
  dataDir: string;
  apiBase: string;
  provider?: 'aggregator' | 'fal' | 'simulator';
  keychainService: string;
}

export async function startHostProcess(opts: HostOptions): Promise<HostProcess> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(REPO, 'electron/host/main.ts'), '--port', '0', '--data-dir', opts.dataDir, '--provider', opts.provider ?? 'aggregator', '--api-base', opts.apiBase],
    { cwd: REPO, env: { ...process.env, VEO_STUDIO_KEYCHAIN_SERVICE: opts.keychainService }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.once('line', (line) => resolve(line.trim()));
    child.once('exit', (code) => reject(new Error(`host exited with ${code} before printing its URL:\n${stderr}`)));
  });
  const end = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  return { url, child, stderr: () => stderr, stop: () => end('SIGTERM'), kill: () => end('SIGKILL') };
}

export interface Stack {
  sim: Simulator;
  dataDir: string;
  keychainService: string;
  host: HostProcess;
  restartHost(how?: 'stop' | 'kill'): Promise<HostProcess>;
  close(): Promise<void>;
}

/** Fast enough for tests, slow enough that every state is on screen long enough to be seen. */
export const VISIBLE_TIMING: SimulatorOptions = {
  timing: { queueStepMs: 700, runMs: 2500, logEveryMs: 300, cancelMs: 200 },
  pingIntervalMs: 500,
  downloadBytesPerSecond: 15_000,
};

/** Jobs that finish in about a second: for specs that generate several videos end to end. */
export const QUICK_JOBS: SimulatorOptions = { timing: { queueStepMs: 300, runMs: 800, logEveryMs: 200, cancelMs: 100 }, pingIntervalMs: 300 };

export async function startStack(simOptions: SimulatorOptions = VISIBLE_TIMING): Promise<Stack> {
  const sim = await startSimulator(simOptions);
  const dataDir = await mkdtemp(join(tmpdir(), 'veo-e2e-'));
  const keychainService = `Veo Studio E2E ${randomBytes(4).toString('hex')}`;
  const hostOpts = { dataDir, apiBase: sim.baseUrl, keychainService };
  const stack: Stack = {
    sim,
    dataDir,
    keychainService,
    host: await startHostProcess(hostOpts),
    async restartHost(how = 'stop') {
      await (how === 'kill' ? stack.host.kill() : stack.host.stop());
      stack.host = await startHostProcess(hostOpts);
      return stack.host;
    },
    async close() {
      await stack.host.stop();
      await sim.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
  return stack;
}

/** One stack for the whole spec file (started before its first test, closed after its last). */
export function useStack(simOptions: SimulatorOptions = VISIBLE_TIMING): () => Stack {
  let stack: Stack | undefined;
  test.beforeAll(async () => {
    stack = await startStack(simOptions);
  });
  test.afterAll(async () => {
    await stack?.close();
  });
  return () => {
    if (!stack) throw new Error('The stack is not started: call useStack at the top of the spec file.');
    return stack;
  };
}
