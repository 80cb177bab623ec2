// Memory stays flat: 200 jobs (happy ones and every recoverable network fault, mixed) through ONE
// core in a child process started with --expose-gc, measured after forced GC every 50 jobs. The
// simulator runs here, in the test process, so its own bookkeeping (it keeps every job and request)
// does not count against the core. The library legitimately grows by one record per job, so the
// bound is on growth per job, with the records' own size shown next to it.
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../electron/core/simulator';
import { FAST_TEST_TIMING } from '../../electron/core/simulator/types';
import { bundleEntry, REPO, startChild, within } from './support/child';
import type { MemoryRunConfig } from './support/memory-driver';

const JOBS = 200;
const MIX = ['happy', 'server_errors', 'connection_reset', 'invalid_json', 'truncated_download', 'expired_url', 'happy', 'content_policy', 'no_stream', 'submit_reset'];
/** Heap the core may keep per finished job (its record, logs included, lives in the library index). */
const MAX_HEAP_PER_JOB = 16 * 1024;

interface Sample {
  phase: string;
  jobs: number;
  heapUsed: number;
  rss: number;
  records: number;
}

let sim: Simulator;
let dataDir: string;

beforeAll(async () => {
  sim = await startSimulator({ timing: FAST_TEST_TIMING, pingIntervalMs: 50, downloadBytesPerSecond: 2_000_000 });
  dataDir = await mkdtemp(join(tmpdir(), 'veo-memory-'));
});
afterAll(async () => {
  await sim?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(2)} MB`;

describe('memory under load and faults', () => {
  it(`stays flat over ${JOBS} jobs through one core`, { timeout: 180_000 }, async () => {
    const script = await bundleEntry('test/reliability/support/memory-driver.ts');
    const config: MemoryRunConfig = {
      apiBase: sim.baseUrl,
      dataDir,
      imagePath: join(REPO, 'electron/core/simulator/assets/sample-input.jpg'),
      warmup: 30,
      jobs: JOBS,
      mix: MIX,
    };
    const run = await within(170_000, 'memory driver', startChild(script, [JSON.stringify(config)], { nodeArgs: ['--expose-gc'] }).done);
    expect(run.code, run.stderr).toBe(0);
    const samples = run.stdout.trim().split('\n').map((l) => JSON.parse(l) as Sample);
    const warm = samples[0] as Sample;
    const last = samples.at(-1) as Sample;
    const journal = (await stat(join(dataDir, 'library', 'library.db'))).size;
    const perJob = (last.heapUsed - warm.heapUsed) / (last.jobs - warm.jobs);
    console.log(
      `[memory] ${last.jobs} jobs (${MIX.join(', ')}): heap ${mb(warm.heapUsed)} → ${mb(last.heapUsed)} ` +
        `(${(perJob / 1024).toFixed(1)} KB/job), rss ${mb(warm.rss)} → ${mb(last.rss)}, journal ${mb(journal)}; ` +
        samples.map((s) => `${s.phase} heap ${mb(s.heapUsed)} rss ${mb(s.rss)}`).join(', '),
    );
    expect(last.records).toBe(config.warmup + JOBS);
    expect(perJob).toBeLessThan(MAX_HEAP_PER_JOB);
    expect(last.heapUsed - warm.heapUsed).toBeLessThan(4 * 1024 * 1024);
    // RSS moves in allocator-sized steps and settles once pools are warm; a leak of video buffers or
    // sockets would keep it climbing through the second half.
    const half = samples.find((s) => s.jobs >= config.warmup + JOBS / 2) as Sample;
    expect(last.rss - warm.rss).toBeLessThan(40 * 1024 * 1024);
    expect(last.rss - half.rss).toBeLessThan(16 * 1024 * 1024);
  });
});
