// Runs many jobs through ONE core and reports its memory after forced garbage collection, so the
// memory test can tell a leak (growth per job) from the library simply holding more records.
// Usage: node --expose-gc memory-driver.mjs '<MemoryRunConfig as JSON>'
// Prints one JSON line per measurement: {phase, jobs, heapUsed, rss, records}.
import { isFinalState } from '../../../shared/domain';
import { createCore } from '../../../electron/core';
import { prepareImageFile } from '../../../electron/core/media/preflight';
import { MemoryKeychain } from '../../../electron/core/secrets/secret-store';

export interface MemoryRunConfig {
  apiBase: string;
  dataDir: string;
  imagePath: string;
  warmup: number;
  jobs: number;
  /** Simulator scenarios, used in turn. */
  mix: string[];
}

const { apiBase, dataDir, imagePath, warmup, jobs, mix } = JSON.parse(process.argv[2] ?? '{}') as MemoryRunConfig;
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');

const core = await createCore({
  dataDir,
  provider: 'aggregator',
  apiBase,
  keychain: new MemoryKeychain(),
  keychainService: 'Veo Studio memory test',
  concurrency: 8,
  retry: { baseDelayMs: 20, maxDelayMs: 200, maxRetryAfterMs: 1500, requestTimeoutMs: 1000 },
  clientOptions: { streamIdleTimeoutMs: 1500 },
  follow: { queuedPollMs: 20, runningPollMs: 20, maxPollMs: 100, unreachableGiveUpMs: 3000 },
  steps: { resultRetryDelayMs: 20, downloadIdleTimeoutMs: 1500 },
});
await core.secrets.set('aggregator', 'sk-memory-test-0000');
const image = await prepareImageFile(imagePath);
let started = 0;

async function runJobs(count: number): Promise<void> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const scenario = mix[started++ % mix.length];
    const rec = await core.runner.create({
      params: { prompt: `memory run ${started} [sim:${scenario}]`, aspectRatio: '16:9', duration: '4s', resolution: '720p', generateAudio: false },
      image,
      provider: core.provider,
      apiBase: core.apiBase,
    });
    ids.push(rec.id);
  }
  const ends = await Promise.all(ids.map((id) => core.runner.wait(id)));
  const open = ends.filter((r) => !isFinalState(r.state));
  if (open.length > 0) throw new Error(`${open.length} jobs did not finish`);
}

async function measure(phase: string): Promise<void> {
  // Several passes: finalizers and weak references free more on the second and third.
  for (let i = 0; i < 4; i++) {
    gc?.();
    await new Promise((r) => setImmediate(r));
  }
  const m = process.memoryUsage();
  process.stdout.write(`${JSON.stringify({ phase, jobs: started, heapUsed: m.heapUsed, rss: m.rss, records: core.library.count() })}\n`);
}

await runJobs(warmup);
await measure('warm');
for (let done = 0; done < jobs; done += 50) {
  await runJobs(Math.min(50, jobs - done));
  await measure(`after-${done + 50}`);
}
await core.close();
