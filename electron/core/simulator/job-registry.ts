// All jobs of one simulator instance, the submit counters scenarios key on, and the `completed` event.
import { randomUUID } from 'node:crypto';
import { checkPictureUrls, type ImageFetchOptions } from './image-fetch';
import type { SubmittedInput } from './input-validation';
import { SimJob } from './job-model';
import { planFor, type ScenarioName } from './scenarios';
import type { SimJobView, SimTiming } from './types';

export const DEFAULT_MAX_JOBS = 500;
const ECHOED_IMAGE_CHARS = 200;
/** A copy that owns its characters: V8 may keep a slice as a view that holds the whole parent alive. */
const detached = (text: string): string => Buffer.from(text, 'utf8').toString('utf8');

export class JobRegistry {
  private readonly byId = new Map<string, SimJob>();
  /** rate_limit: submits answered 429 since this scenario last created a job. */
  private readonly rejectedInARow = new Map<ScenarioName, number>();
  private readonly completedListeners = new Set<(job: SimJobView) => void>();
  private created = 0;

  /** `maxJobs` bounds what anyone on this machine can make it hold (red-team F1). */
  constructor(
    private readonly timing: SimTiming,
    private readonly maxJobs = DEFAULT_MAX_JOBS,
    /** Download http(s) image_url as fal's runner does; undefined = accept any link (most tests). */
    private readonly imageFetch?: ImageFetchOptions,
  ) {}

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

  /** The new job, or undefined when `maxJobs` unfinished jobs are held already. */
  create(scenario: ScenarioName, input: SubmittedInput): SimJob | undefined {
    if (!this.makeRoom()) return undefined;
    const job = new SimJob({
      // Random ids on purpose: a restarted simulator must never hand out an id a client persisted.
      requestId: randomUUID(),
      scenario,
      // A data URI is up to 16 MB; only its start is ever echoed back (failures.ts).
      input: withPicturesClipped(input),
      timing: this.timing,
      onCompleted: (done) => this.emitCompleted(done.view()),
      ...(this.imageFetch ? { imageCheck: checkPictureUrls(input, this.imageFetch) } : {}),
    });
    this.byId.set(job.requestId, job);
    this.created += 1;
    job.start();
    return job;
  }

  /** Forgets the oldest finished jobs until one more fits; false if every held job is unfinished. */
  private makeRoom(): boolean {
    for (const [id, job] of this.byId) {
      if (this.byId.size < this.maxJobs) break;
      if (job.state !== 'COMPLETED') continue;
      job.dispose();
      this.byId.delete(id);
    }
    return this.byId.size < this.maxJobs;
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

/** The input with each picture field cut to what is ever echoed (a data URI may be 16 MB). */
function withPicturesClipped(input: SubmittedInput): SubmittedInput {
  const out: Record<string, unknown> = { ...input };
  for (const field of ['image_url', 'first_frame_url', 'last_frame_url'] as const) {
    const value = input[field];
    if (value !== undefined) out[field] = detached(value.slice(0, ECHOED_IMAGE_CHARS));
  }
  return out as SubmittedInput;
}
