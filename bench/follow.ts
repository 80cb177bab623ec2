// Group 1 — following a job. The same batch (three simulators with different queue and run times,
// each job either a short or a long queue) is followed by our runner and by fal.subscribe, in
// alternating rounds so machine drift hits both. Per job we count every HTTP request the simulator
// saw for it (API and CDN) and the delay from the simulator marking it COMPLETED to the video being
// fully on disk. The simulators run in a child process (see follow-sim.ts).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startChild } from './child';
import { followWithFalJs, followWithRunner, type FollowedJob, type PlannedJob } from './follow-clients';
import type { RequestCounts, SimCompleted, SimProfile, SimReady } from './follow-sim';
import { makeRow, type Row } from './rows';
import { mean, median, percentile } from './stats';

/** queueStepMs × (position + 1) in the queue, then runMs running: about 1.5 s to 7.5 s per job. */
const PROFILES: SimProfile[] = [
  { queueStepMs: 150, runMs: 1200 },
  { queueStepMs: 300, runMs: 2500 },
  { queueStepMs: 400, runMs: 4000 },
];
/** happy starts at queue position 2, long_queue at 8. */
const SCENARIOS = ['', ' [sim:long_queue]'];
const REPEATS = 2;
const ROUNDS = 2;
/** A realistic 8 s 720p clip with audio is a few megabytes; the sample clip (50 KB) would flatter both. */
const VIDEO_BYTES = 6 * 1024 * 1024;

interface Measured {
  requests: number[];
  delays: number[];
}

function planBatch(baseUrls: readonly string[], round: number): PlannedJob[] {
  const batch: PlannedJob[] = [];
  baseUrls.forEach((baseUrl, s) =>
    SCENARIOS.forEach((token, q) => {
      for (let r = 0; r < REPEATS; r++) {
        batch.push({ baseUrl, prompt: `Round ${round}: a paper boat drifting down a rain gutter, profile ${s}.${q}.${r}${token}` });
      }
    }),
  );
  return batch;
}

function measure(jobs: readonly FollowedJob[], completedAt: ReadonlyMap<string, number>, counts: RequestCounts, into: Measured): void {
  for (const job of jobs) {
    const completed = completedAt.get(job.requestId);
    const requests = counts[job.requestId];
    if (completed === undefined || requests === undefined) throw new Error(`the simulator has no record of ${job.requestId}`);
    into.delays.push(job.doneAt - completed);
    into.requests.push(requests);
  }
}

function describe(label: string, m: Measured): string {
  return (
    `${label}: ${m.delays.length} jobs, requests/job mean ${mean(m.requests).toFixed(2)} (min ${Math.min(...m.requests)}, max ${Math.max(...m.requests)}), ` +
    `delay median ${median(m.delays).toFixed(0)} ms, p90 ${percentile(m.delays, 90).toFixed(0)} ms, max ${Math.max(...m.delays).toFixed(0)} ms`
  );
}

export async function benchFollow(log: (line: string) => void): Promise<Row[]> {
  const tmp = await mkdtemp(join(tmpdir(), 'veo-bench-follow-'));
  const sims = await startChild<SimReady>('./follow-sim.ts', [JSON.stringify(PROFILES), String(VIDEO_BYTES)]);
  try {
    const completedAt = new Map<string, number>();
    sims.onMessage((m) => {
      const done = m as SimCompleted;
      if (done.type === 'completed') completedAt.set(done.requestId, done.at);
    });
    const runs: Array<{ jobs: FollowedJob[]; into: 'ours' | 'peer' }> = [];
    for (let round = 0; round < ROUNDS; round++) {
      runs.push({ jobs: await followWithRunner(planBatch(sims.ready.baseUrls, round), join(tmp, `ours-${round}`)), into: 'ours' });
      runs.push({ jobs: await followWithFalJs(planBatch(sims.ready.baseUrls, round), join(tmp, `fal-${round}`)), into: 'peer' });
    }
    // Messages arrive in order: once this answer is here, every earlier "completed" is too.
    const counts = await sims.ask<RequestCounts>({ type: 'requests' });
    const ours: Measured = { requests: [], delays: [] };
    const peer: Measured = { requests: [], delays: [] };
    for (const run of runs) measure(run.jobs, completedAt, counts, run.into === 'ours' ? ours : peer);
    log(describe('  our runner', ours));
    log(describe('  fal-js    ', peer));

    return [
      makeRow({
        name: 'follow: HTTP requests per job',
        unit: 'requests',
        ours: mean(ours.requests),
        peer: mean(peer.requests),
        target: '< peer',
        check: (r) => r.peer !== null && r.ours < r.peer,
      }),
      makeRow({
        name: 'follow: median COMPLETED → video on disk',
        unit: 'ms',
        ours: median(ours.delays),
        peer: median(peer.delays),
        target: '< peer',
        check: (r) => r.peer !== null && r.ours < r.peer,
      }),
    ];
  } finally {
    await sims.stop();
    await rm(tmp, { recursive: true, force: true });
  }
}
