// All jobs of one simulator instance, the submit counters scenarios key on, and the `completed` event.
import { randomUUID } from 'node:crypto';
import type { SubmittedInput } from './input-validation';
import { SimJob } from './job-model';
import { planFor, type ScenarioName } from './scenarios';
import type { SimJobView, SimTiming } from './types';

export class JobRegistry {
  private readonly byId = new Map<string, SimJob>();
  /** rate_limit: submits answered 429 since this scenario last created a job. */
  private readonly rejectedInARow = new Map<ScenarioName, number>();
  private readonly completedListeners = new Set<(job: SimJobView) => void>();
  private created = 0;

  constructor(private readonly timing: SimTiming) {}

  /**
   * There is no idempotency key to recognise "the same" submit, so rejections are counted per
   * scenario: the first N attempts carrying it are refused, the next one is accepted, and the count
   * starts over for the next job — each rate_limit job costs a client exactly N retries.
   */
  shouldRejectSubmit(scenario: ScenarioName): boolean {
    const rejected = this.rejectedInARow.get(scenario) ?? 0;
    if (rejected < planFor(scenario).rejectedSubmits) {
      this.rejectedInARow.set(scenario, rejected + 1);
      return true;
    }
    this.rejectedInARow.set(scenario, 0);
    return false;
  }

  create(scenario: ScenarioName, input: SubmittedInput): SimJob {
    const job = new SimJob({
      // Random ids on purpose: a restarted simulator must never hand out an id a client persisted.
      requestId: randomUUID(),
      scenario,
      input,
      timing: this.timing,
      onCompleted: (done) => this.emitCompleted(done.view()),
    });
    this.byId.set(job.requestId, job);
    this.created += 1;
    job.start();
    return job;
  }

  get(requestId: string): SimJob | undefined {
    return this.byId.get(requestId);
  }

  all(): SimJob[] {
    return [...this.byId.values()];
  }

  submitCount(): number {
    return this.created;
  }

  onCompleted(listener: (job: SimJobView) => void): () => void {
    this.completedListeners.add(listener);
    return () => this.completedListeners.delete(listener);
  }

  dispose(): void {
    for (const job of this.byId.values()) job.dispose();
    this.completedListeners.clear();
  }

  private emitCompleted(view: SimJobView): void {
    for (const listener of [...this.completedListeners]) {
      try {
        listener(view);
      } catch (err) {
        // A listener's bug must not crash the job timers of every other job.
        console.error('simulator: a completed listener threw', err);
      }
    }
  }
}
