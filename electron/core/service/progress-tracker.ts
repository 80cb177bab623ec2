// Remembers the latest live numbers of every job that is still moving, so a renderer that connects
// (or reloads) mid-job can show queue positions and logs at once instead of waiting for the next tick.
import { ACTIVE_STATES, isFinalState, type JobProgress, type JobRecord } from '../../../shared/domain';
import type { Core } from '../index';


export class ProgressTracker {
  private readonly latest = new Map<string, JobProgress>();
  private readonly unsubscribe: Array<() => void>;

  constructor(
    private readonly core: Core,
    private readonly now: () => number = Date.now,
  ) {
    this.unsubscribe = [
      core.runner.events.on('job:progress', (p) => this.latest.set(p.id, p)),
      core.runner.events.on('job:updated', (rec) => {
        if (isFinalState(rec.state)) this.latest.delete(rec.id);
      }),
      core.library.onChange((change) => {
        if (change.type === 'delete') this.latest.delete(change.id);
      }),
    ];
  }

  /** One entry per unfinished job in the library; the state always comes from the record. */
  active(): JobProgress[] {
    return this.core.library.list({ states: [...ACTIVE_STATES], sort: 'oldest' }).map((rec) => {
      const seen = this.latest.get(rec.id);
      return seen ? { ...seen, state: rec.state } : this.fromRecord(rec);
    });
  }

  close(): void {
    for (const off of this.unsubscribe) off();
    this.latest.clear();
  }

  /** Before the first event (e.g. a job waiting for a free slot): what the record already knows. */
  private fromRecord(rec: JobRecord): JobProgress {
    const started = Date.parse(rec.submittedAt ?? rec.createdAt);
    return {
      id: rec.id,
      state: rec.state,
      ...(rec.queuePosition !== undefined ? { queuePosition: rec.queuePosition } : {}),
      elapsedMs: Number.isNaN(started) ? 0 : Math.max(0, this.now() - started),
      latestLogs: rec.logs.slice(-5),
    };
  }
}
