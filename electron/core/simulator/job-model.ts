// One simulated queue job: IN_QUEUE (position counting down) → IN_PROGRESS (logs) → COMPLETED,
// driven by timers so every state is observable over HTTP. Deterministic: same timing, same story.
import { cancelledBeforeResult, type FailureAnswer } from './failures';
import type { SubmittedInput } from './input-validation';
import { planFor, type ScenarioName, type ScenarioPlan } from './scenarios';
import type { SimJobState, SimJobView, SimTiming } from './types';

export interface SimLogLine {
  message: string;
  level?: string;
  source?: string;
  timestamp: string;
  /** fal adds keys clients do not know about; clients must tolerate them. */
  labels?: Record<string, string>;
}

export interface SimJobInit {
  requestId: string;
  scenario: ScenarioName;
  input: SubmittedInput;
  timing: SimTiming;
  onCompleted: (job: SimJob) => void;
  /** fal's runner downloading image_url (image-fetch.ts): a failure here fails the job at its end. */
  imageCheck?: Promise<FailureAnswer | undefined>;
}

/** Some lines carry level/source, some do not, some carry extra keys: all three shapes occur on fal. */
function logLine(index: number): SimLogLine {
  const timestamp = new Date().toISOString();
  if (index === 0) return { message: 'Starting video generation', level: 'INFO', source: 'USER', timestamp };
  if (index % 3 === 1) return { message: `Generating frames: step ${index}`, timestamp, labels: { stage: 'denoise' } };
  if (index % 3 === 2) return { message: `Generation step ${index} done`, level: 'INFO', source: 'USER', timestamp };
  return { message: `Runner heartbeat ${index}`, level: 'DEBUG', source: 'RUNNER', timestamp, labels: { runner: 'sim-0' } };
}

export class SimJob {
  readonly requestId: string;
  readonly scenario: ScenarioName;
  readonly plan: ScenarioPlan;
  readonly input: SubmittedInput;
  readonly submittedAt = Date.now();
  readonly logs: SimLogLine[] = [];
  state: SimJobState = 'IN_QUEUE';
  queuePosition: number;
  startedAt?: number;
  completedAt?: number;
  cancelRequested = false;
  /** Set when the job finished with an error (or was cancelled); absent + COMPLETED = a video. */
  failure?: FailureAnswer;
  /** Per-job call counters: scenario faults are keyed on them. */
  statusCalls = 0;
  resultCalls = 0;
  cdnFetches = 0;

  private readonly timing: SimTiming;
  private readonly onCompleted: (job: SimJob) => void;
  private readonly imageCheck: Promise<FailureAnswer | undefined>;
  private readonly listeners = new Set<(job: SimJob) => void>();
  private stepTimer?: NodeJS.Timeout;
  private logTimer?: NodeJS.Timeout;
  private cancelPending = false;

  constructor(init: SimJobInit) {
    this.requestId = init.requestId;
    this.scenario = init.scenario;
    this.plan = planFor(init.scenario);
    this.input = init.input;
    this.timing = init.timing;
    this.onCompleted = init.onCompleted;
    this.imageCheck = init.imageCheck ?? Promise.resolve(undefined);
    this.queuePosition = this.plan.initialQueuePosition;
  }

  start(): void {
    this.schedule(this.timing.queueStepMs, this.queueStep);
  }

  /** Listens to every observable change (position, state, new log line). */
  onChange(listener: (job: SimJob) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Seconds spent running, as fal reports it in `metrics.inference_time`; absent if it never ran. */
  inferenceTimeSeconds(): number | undefined {
    if (this.startedAt === undefined || this.completedAt === undefined) return undefined;
    return (this.completedAt - this.startedAt) / 1000;
  }

  requestCancel(): 'requested' | 'already_completed' {
    if (this.state === 'COMPLETED') return 'already_completed';
    this.cancelRequested = true;
    if (this.plan.finishesOnCancel) {
      // cancel_race: the runner delivered its video in the same instant the cancel arrived.
      this.finish(undefined);
    } else if (!this.cancelPending) {
      this.cancelPending = true;
      this.clearTimers();
      this.schedule(this.timing.cancelMs, () => this.finish(cancelledBeforeResult()));
    }
    return 'requested';
  }

  view(): SimJobView {
    const view: SimJobView = {
      requestId: this.requestId,
      scenario: this.scenario,
      state: this.state,
      submittedAt: this.submittedAt,
      cancelRequested: this.cancelRequested,
      pictures: {},
    };
    for (const field of ['image_url', 'first_frame_url', 'last_frame_url'] as const) {
      const value = this.input[field];
      if (value !== undefined) view.pictures[field] = value;
    }
    if (this.completedAt !== undefined) view.completedAt = this.completedAt;
    if (this.state === 'COMPLETED') view.outcome = this.failure?.outcome ?? 'video';
    return view;
  }

  dispose(): void {
    this.clearTimers();
    this.listeners.clear();
  }

  private readonly queueStep = (): void => {
    if (this.queuePosition > 0) {
      this.queuePosition -= 1;
      this.changed();
      this.schedule(this.timing.queueStepMs, this.queueStep);
      return;
    }
    this.state = 'IN_PROGRESS';
    this.startedAt = Date.now();
    this.logs.push(logLine(0));
    this.changed();
    this.logTimer = setInterval(() => {
      this.logs.push(logLine(this.logs.length));
      this.changed();
    }, this.timing.logEveryMs);
    this.schedule(this.timing.runMs, () => {
      void this.imageCheck.then((imageFailure) => {
        // A cancel (or dispose) may have ended the job while the download was still under way.
        if (this.state !== 'IN_PROGRESS' || this.cancelPending) return;
        this.finish(this.plan.failure?.(this.input) ?? imageFailure);
      });
    });
  };

  private finish(failure: FailureAnswer | undefined): void {
    this.clearTimers();
    this.state = 'COMPLETED';
    this.completedAt = Date.now();
    this.failure = failure;
    if (this.startedAt !== undefined) {
      const line = failure ? `Request failed: ${failure.statusError.error_type}` : 'Video generated';
      this.logs.push({ message: line, level: failure ? 'ERROR' : 'INFO', source: 'USER', timestamp: new Date().toISOString() });
    }
    this.changed();
    this.onCompleted(this);
  }

  private changed(): void {
    for (const listener of [...this.listeners]) listener(this);
  }

  private schedule(ms: number, fn: () => void): void {
    clearTimeout(this.stepTimer);
    this.stepTimer = setTimeout(fn, ms);
  }

  private clearTimers(): void {
    clearTimeout(this.stepTimer);
    clearInterval(this.logTimer);
    this.stepTimer = undefined;
    this.logTimer = undefined;
  }
}
