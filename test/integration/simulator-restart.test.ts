// Issue 13 (in the core): a job queued with the built-in simulator and resumed after a restart
// pointed at the previous run's port and hung (then Cancel said "Refused to send the API key").
// Its queue URLs now follow the simulator this run started.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, IN_PROCESS_SIMULATOR, type Core, type CoreConfig } from '../../electron/core';
import { prepareImageFile } from '../../electron/core/media/preflight';
import { MemoryKeychain } from '../../electron/core/secrets/secret-store';
import { REPO } from '../support/run-cli';

let dataDir: string;
const cores: Core[] = [];

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'veo-sim-restart-'));
});
afterEach(async () => {
  await Promise.all(cores.splice(0).map((c) => c.close()));
  await rm(dataDir, { recursive: true, force: true });
});

async function start(): Promise<Core> {
  const config: CoreConfig = {
    dataDir,
    provider: 'simulator', // no base URL: the in-process simulator
    keychain: new MemoryKeychain(),
    // Queued for a long time, so the job is still waiting when this "run" ends.
    simulator: { timing: { queueStepMs: 60_000, runMs: 100, logEveryMs: 50, cancelMs: 10 } },
    retry: { baseDelayMs: 10, maxDelayMs: 50, requestTimeoutMs: 1000 },
    // Long enough that polling a dead port would outlast the test: only following the live simulator passes.
    follow: { useStream: false, queuedPollMs: 20, runningPollMs: 20, maxPollMs: 50, unreachableGiveUpMs: 120_000 },
  };
  const core = await createCore(config);
  cores.push(core);
  return core;
}

describe('the built-in simulator across a restart', () => {
  it('an unfinished job follows the simulator this run started, and ends instead of hanging', async () => {
    const first = await start();
    const image = await prepareImageFile(join(REPO, 'electron/core/simulator/assets/sample-input.jpg'));
    const created = await first.runner.create({
      params: { prompt: 'a lighthouse [sim:long_queue]', aspectRatio: 'auto', duration: '4s', resolution: '720p', generateAudio: false },
      image,
      ...(await first.target()),
    });
    expect(created.apiBase).toBe(IN_PROCESS_SIMULATOR);
    await new Promise<void>((resolve) => {
      const check = (): void => void (first.library.get(created.id)?.state === 'queued' && (off(), resolve()));
      const off = first.runner.events.on('job:updated', check);
      check();
    });
    const oldOrigin = new URL(first.library.get(created.id)?.urls?.status ?? '').origin;
    await first.close();
    cores.splice(cores.indexOf(first), 1);

    const second = await start();
    const newOrigin = second.simulator()?.baseUrl;
    expect(newOrigin).toBeDefined();
    expect(newOrigin).not.toBe(oldOrigin);
    expect(second.runner.resumeAll()).toEqual([created.id]);
    const done = await second.runner.wait(created.id);

    expect(new URL(done.urls?.status ?? '').origin).toBe(newOrigin);
    // This run's simulator never saw that request: the honest end is "the server no longer knows it".
    expect(done.state).toBe('failed');
    expect(done.error?.kind).toBe('not_found');
    // …said in the simulator's terms (creator round, finding 5): it stopped with the app, nothing was
    // charged, Retry makes a new one — not "may belong to another provider or key".
    expect(done.error?.message).toMatch(/simulator no longer has this job.*stopped/);
    expect(done.error?.message).not.toMatch(/another provider or key/);
    expect(done.error?.notCharged).toBe(true);
  }, 20_000);
});
