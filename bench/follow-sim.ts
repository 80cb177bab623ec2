// Child process for group 1: the simulators live here, on their own core, so that generating and
// pumping video bytes does not run on the event loop of the client being measured (a real CDN is
// another machine). It reports each COMPLETED moment as it happens, and request counts on demand.
// Times are epoch milliseconds with sub-millisecond precision (timeOrigin + now), comparable
// across processes on one machine.
import { startSimulator, type Simulator } from '../electron/core/simulator';
import { answerParent, exitWithParent } from './child';

export interface SimProfile {
  queueStepMs: number;
  runMs: number;
}

export interface SimReady {
  baseUrls: string[];
}

export interface SimCompleted {
  type: 'completed';
  requestId: string;
  at: number;
}

/** Requests (API and CDN together) that the simulators saw per request id. */
export type RequestCounts = Record<string, number>;

const preciseNow = (): number => performance.timeOrigin + performance.now();

async function main(): Promise<void> {
  const [profilesJson = '[]', videoBytes = '0'] = process.argv.slice(2);
  const profiles = JSON.parse(profilesJson) as SimProfile[];
  const sims: Simulator[] = [];
  exitWithParent(() => Promise.all(sims.map((s) => s.close())).then(() => undefined));
  for (const timing of profiles) {
    sims.push(await startSimulator({ timing: { ...timing, logEveryMs: 500 }, video: { sizeBytes: Number(videoBytes) } }));
  }
  for (const sim of sims) {
    sim.on('completed', (job) => process.send?.({ type: 'completed', requestId: job.requestId, at: preciseNow() } satisfies SimCompleted));
  }
  answerParent(() => {
    const counts: RequestCounts = {};
    for (const sim of sims) {
      for (const r of sim.requests) if (r.requestId) counts[r.requestId] = (counts[r.requestId] ?? 0) + 1;
    }
    return counts;
  });
  process.send?.({ baseUrls: sims.map((s) => s.baseUrl) } satisfies SimReady);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
