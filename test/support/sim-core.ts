// The whole core as the aggregator's customer, against an in-process simulator: fast timings, a key
// in a memory keychain, the sample picture prepared. For integration tests of the aggregator's answers.
import { mkdtemp, rm } from 'node:fs/promises';
import { afterAll, beforeAll } from 'vitest';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { GenerationParams, JobRecord } from '../../shared/domain';
import { createCore, type Core } from '../../electron/core';
import { prepareImageFile, type PreparedImage } from '../../electron/core/media/preflight';
import { MemoryKeychain } from '../../electron/core/secrets/secret-store';
import { startSimulator, type Simulator } from '../../electron/core/simulator';
import { FAST_TEST_TIMING, type SimulatorOptions } from '../../electron/core/simulator/types';
import { REPO } from './run-cli';
import { takesLastFrame } from '../../shared/models';

export interface SimCore {
  sim: Simulator;
  core: Core;
  image: PreparedImage;
  /**
   * Creates a job with `prompt` (4 s, silent unless `params` say otherwise); resolves once created.
   * A first–last-frame model is given the sample picture as its last frame too.
   */
  create(prompt: string, params?: Partial<GenerationParams>): Promise<JobRecord>;
  close(): Promise<void>;
}

export async function startSimCore(simOptions: SimulatorOptions = {}): Promise<SimCore> {
  const sim = await startSimulator({ timing: FAST_TEST_TIMING, pingIntervalMs: 50, ...simOptions });
  const dataDir = await mkdtemp(join(tmpdir(), 'veo-sim-core-'));
  const core = await createCore({
    dataDir,
    provider: 'aggregator',
    apiBase: sim.baseUrl,
    keychain: new MemoryKeychain(),
    retry: { baseDelayMs: 20, maxDelayMs: 200, maxRetryAfterMs: 200, requestTimeoutMs: 1500 },
    follow: { queuedPollMs: 20, runningPollMs: 20, maxPollMs: 100, unreachableGiveUpMs: 5000 },
    steps: { resultRetryDelayMs: 20, downloadIdleTimeoutMs: 3000 },
  });
  await core.secrets.set('aggregator', 'sk-aggregator-test-1234');
  const image = await prepareImageFile(join(REPO, 'electron/core/simulator/assets/sample-input.jpg'));
  return {
    sim,
    core,
    image,
    create: (prompt, params = {}) =>
      core.runner.create({
        params: { prompt, aspectRatio: '16:9', duration: '4s', resolution: '720p', generateAudio: false, ...params },
        image,
        ...(params.model && takesLastFrame(params.model) ? { lastFrame: image } : {}),
        provider: core.provider,
        apiBase: core.apiBase,
      }),
    async close() {
      await core.close();
      await sim.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * One SimCore for a whole test file: started before the first test, closed after the last. Its
 * fields are read through the returned object (`env.sim`, `env.core`) once the file's tests run.
 */
export function useSimCore(simOptions: SimulatorOptions = {}): SimCore {
  let env: SimCore | undefined;
  beforeAll(async () => {
    env = await startSimCore(simOptions);
  });
  afterAll(async () => {
    await env?.close();
  });
  const started = (): SimCore => {
    if (!env) throw new Error('useSimCore: the simulator starts in beforeAll');
    return env;
  };
  return {
    get sim() {
      return started().sim;
    },
    get core() {
      return started().core;
    },
    get image() {
      return started().image;
    },
    create: (prompt, params) => started().create(prompt, params),
    close: async () => undefined,
  };
}
