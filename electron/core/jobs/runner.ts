// The job runner: owns every job from "Generate" to a video on disk. Each job walks
//   submitting → queued → running → downloading → completed | failed | cancelled
// and every step is persisted before the next begins, so a restart resumes where it stopped without
// ever re-submitting (a second POST is a second charge).
import { randomUUID } from 'node:crypto';
import type { GenerationParamsInput, JobProgress, JobRecord, Provider, QueueUrls } from '../../../shared/domain';
import { OWN_LOG_SOURCE } from '../../../shared/domain';
import { ACTIVE_STATES, GenerationParamsSchema, isFinalState, MAX_LOG_LINES } from '../../../shared/domain';
import { isApiError, type ApiError } from '../api/errors';
import { parseApiBase, rebaseUrl } from '../api/rebase';
import type { QueueClient } from '../api/types';
import type { LibraryStore } from '../library/store';
import { say } from '../../../shared/i18n/messages';
import { Emitter } from '../util/emitter';
import { codeOfError, SaidError } from '../util/said';
import { inProviderTerms } from './free-provider-messages';
import { ConcurrencyGate } from '../util/gate';
import { isAbortError, nowIso } from '../util/time';
import { DEFAULT_FOLLOW_POLICY, isRefusalOfPaidJob, type FollowPolicy } from './follow';
import { cancelledError, internalError, outcomeUnknownError } from './messages';
import { storePictures, type NewPicture } from './job-pictures';
import { assertModelTakes } from './model-input';
import { JobSteps, type StepOptions } from './steps';

export interface RunnerEvents extends Record<string, unknown> {
  'job:updated': JobRecord;
  'job:progress': JobProgress;
}

export interface RunnerOptions {
  library: LibraryStore;
  /** One client per provider + base URL; records remember which one they were sent with. */
  clientFor: (provider: Provider, apiBase: string) => QueueClient;
  concurrency?: number;
  follow?: Partial<FollowPolicy>;
  steps?: Partial<StepOptions>;
  /** Hosts a job's video may come from although they are loopback/private (see media/download-address.ts). */
  privateVideoHosts?: (rec: JobRecord) => readonly string[];
}

export interface NewJob {
  params: GenerationParamsInput;
  image: NewPicture;
  /** The picture the video ends on: only for a first–last-frame model, which needs it. */
  lastFrame?: NewPicture | undefined;
  provider: Provider;
  apiBase: string;
  parentId?: string;
  shotId?: string;
  take?: number;
}

interface ActiveJob {
  promise: Promise<JobRecord>;
  controller: AbortController;
}

export class JobRunner {
  readonly events = new Emitter<RunnerEvents>();
  private readonly gate: ConcurrencyGate;
  private readonly active = new Map<string, ActiveJob>();
  /** Image payloads of jobs created in this process; after a restart they are rebuilt from disk. */
  private readonly payloads = new Map<string, string>();
  private readonly lastFramePayloads = new Map<string, string>();
  /** Jobs whose user pressed Cancel before the POST went out: they must never be sent. */
  private readonly cancelledBeforeSend = new Set<string>();
  /** Jobs past the point of no return: their POST is about to go out or has gone out. */
  private readonly sending = new Set<string>();
  private readonly steps: JobSteps;
  private closed = false;

  constructor(private readonly opts: RunnerOptions) {
    this.gate = new ConcurrencyGate(opts.concurrency ?? 2);
    this.steps = new JobSteps({
      library: opts.library,
      clientFor: (rec) => this.clientOf(rec),
      follow: { ...DEFAULT_FOLLOW_POLICY, ...opts.follow },
      options: opts.steps,
      save: (id, patch) => this.save(id, patch),
      progress: (p) => this.events.emit('job:progress', p),
      payloadFor: (rec, which) => (which === 'lastFrame' ? this.lastFramePayloads : this.payloads).get(rec.id),
      ...(opts.privateVideoHosts ? { privateVideoHosts: opts.privateVideoHosts } : {}),
    });
  }

  setConcurrency(limit: number): void {
    this.gate.setLimit(limit);
  }

  /** Persists the job (intent first, media files with it) and starts it. Resolves once saved. */
  async create(job: NewJob): Promise<JobRecord> {
    if (this.closed) throw new Error('Veo Studio is shutting down; try again after it restarts.');
    const params = GenerationParamsSchema.parse(job.params);
    assertModelTakes(params, job.lastFrame !== undefined);
    const id = randomUUID();
    const { input, lastFrame } = await storePictures(this.opts.library, id, job);
    const now = nowIso();
    const record: JobRecord = {
      id,
      state: 'submitting',
      params,
      input,
      ...(lastFrame ? { lastFrame } : {}),
      provider: job.provider,
      apiBase: job.apiBase,
      logs: [],
      favourite: false,
      cancelRequested: false,
      createdAt: now,
      updatedAt: now,
      ...(job.parentId ? { parentId: job.parentId } : {}),
      ...(job.shotId ? { shotId: job.shotId, take: job.take ?? 1 } : {}),
    };
    if ('payload' in job.image) this.payloads.set(id, job.image.payload.dataUri);
    if (job.lastFrame && 'payload' in job.lastFrame) this.lastFramePayloads.set(id, job.lastFrame.payload.dataUri);
    const saved = await this.opts.library.put(record);
    this.events.emit('job:updated', saved);
    void this.run(id);
    return saved;
  }

  /** Drives a job to a final state. Two calls for one job share one run (never two pollers). */
  run(id: string): Promise<JobRecord> {
    const existing = this.active.get(id);
    if (existing) return existing.promise;
    const controller = new AbortController();
    const promise = this.drive(id, controller.signal).finally(() => {
      this.active.delete(id);
      this.sending.delete(id);
      this.payloads.delete(id);
      this.lastFramePayloads.delete(id);
    });
    this.active.set(id, { promise, controller });
    return promise;
  }

  /** Resolves when the job reaches a final state (or the runner shuts down). */
  async wait(id: string): Promise<JobRecord> {
    const rec = this.require(id);
    if (isFinalState(rec.state)) return rec;
    return this.run(id);
  }

  /** Picks up every unfinished job after a restart. Returns the ids it is now following. */
  resumeAll(): string[] {
    const unfinished = this.opts.library.list({
      states: [...ACTIVE_STATES],
      sort: 'oldest',
    });
    for (const rec of unfinished) void this.run(rec.id);
    return unfinished.map((r) => r.id);
  }

  /** "Check again": follow a failed job that the server may still know about (network, key, expired…). */
  async recheck(id: string): Promise<JobRecord> {
    const rec = this.require(id);
    if ((!rec.urls || !rec.requestId) && rec.submitSentAt && !rec.importedAt) {
      throw new SaidError(say('app.recheck.noRequestId'));
    }
    if (!rec.urls || !rec.requestId) {
      throw new SaidError(say('app.recheck.nothingToCheck'));
    }
    if (!isFinalState(rec.state)) return this.run(id);
    if (rec.state === 'completed') return rec;
    await this.save(id, { state: rec.result ? 'downloading' : 'queued', error: undefined, finishedAt: undefined });
    return this.run(id);
  }

  async cancel(id: string): Promise<JobRecord> {
    const rec = this.require(id);
    if (isFinalState(rec.state)) return rec;
    if (rec.state === 'downloading') {
      throw new SaidError(say('app.cancel.downloading'));
    }
    if (rec.state === 'submitting' && !rec.submitSentAt && !this.sending.has(id)) {
      // Not sent yet: stop it locally, nothing to tell the server. The set is checked synchronously
      // right before the POST, so there is no window in which both happen.
      this.cancelledBeforeSend.add(id);
      const saved = await this.save(id, { state: 'cancelled', error: cancelledError(), finishedAt: nowIso() });
      this.active.get(id)?.controller.abort(new CancelledLocally());
      return saved;
    }
    // Sent: remember the wish; the run loop tells the server as soon as it has the cancel URL.
    const saved = await this.placeUrls(await this.save(id, { cancelRequested: true }));
    if (saved.urls) await this.tellServerCancel(saved);
    return this.require(id);
  }

  /** Tells the server; when it refuses, the wish is withdrawn (nothing is pending) and the refusal thrown. */
  private async tellServerCancel(rec: JobRecord): Promise<void> {
    try {
      await this.steps.requestCancel(rec);
    } catch (err) {
      if (isAbortError(err)) throw err;
      const current = this.require(rec.id);
      const message = err instanceof Error ? err.message : String(err);
      // The refusal as data too: the API's coded job error when it says the same words, else the core's own.
      const told = isApiError(err) ? err.toJobError() : undefined;
      const coded = told?.code !== undefined && told.message === message ? { code: told.code, ...(told.params ? { params: told.params } : {}) } : codeOfError(err);
      await this.save(rec.id, { cancelRequested: false, logs: [...current.logs, { message, ...coded, source: OWN_LOG_SOURCE }].slice(-MAX_LOG_LINES) });
      throw err;
    }
  }

  /** Stops following without touching records: the next start resumes every job. */
  async shutdown(): Promise<void> {
    this.closed = true;
    for (const job of this.active.values()) job.controller.abort(new ShuttingDown());
    await Promise.allSettled([...this.active.values()].map((j) => j.promise));
  }

  private async drive(id: string, signal: AbortSignal): Promise<JobRecord> {
    let release: (() => void) | undefined;
    try {
      release = await this.gate.acquire(signal);
      let rec = await this.placeUrls(this.require(id));
      // A paused job (see pausedByRefusal) is being followed again: its refusal is history now.
      if (rec.error !== undefined && !isFinalState(rec.state)) rec = await this.save(id, { error: undefined });
      if (rec.state === 'submitting') {
        if (rec.submitSentAt && !rec.requestId) {
          return await this.save(id, { state: 'failed', error: inProviderTerms(rec.provider, outcomeUnknownError()), finishedAt: nowIso() });
        }
        if (this.cancelledBeforeSend.has(id)) return rec;
        rec = await this.steps.submit(rec, () => {
          if (this.cancelledBeforeSend.has(id)) return false;
          this.sending.add(id);
          return true;
        });
        if (isFinalState(rec.state)) return rec;
        // A cancel asked for while the POST was out: a refusal of it must not fail a running job.
        if (rec.cancelRequested) await this.tellServerCancel(rec).catch(() => undefined);
      }
      return await this.steps.finish(this.require(id), this.clientOf(rec), signal);
    } catch (err) {
      if (signal.aborted || isAbortError(err)) return this.require(id);
      const rec = this.opts.library.get(id);
      if (!rec || isFinalState(rec.state)) return rec ?? Promise.reject(err);
      if (pausedByRefusal(rec, err)) return this.save(id, { error: { ...err.toJobError(), requestId: rec.requestId } });
      // An API error that waiting cannot fix (not found, the key refused) keeps its own words and kind.
      const error = inProviderTerms(rec.provider, isApiError(err) ? { ...err.toJobError(), ...(rec.requestId ? { requestId: rec.requestId } : {}) } : internalError(err, rec.requestId));
      return this.save(id, { state: 'failed', error, finishedAt: nowIso() });
    } finally {
      release?.();
    }
  }

  private clientOf(rec: JobRecord): QueueClient {
    return this.opts.clientFor(rec.provider, rec.apiBase);
  }

  /**
   * Queue URLs live on the base the job was sent to. When that base now resolves to another address
   * (the in-process simulator restarted on a new port), move the URLs with it; otherwise the job
   * would poll a dead port forever. A record naming a real base is never moved: its client is on
   * that same base, and the transport decides whether the key may go there.
   */
  private async placeUrls(rec: JobRecord): Promise<JobRecord> {
    if (!rec.urls) return rec;
    const client = this.clientOf(rec);
    if (client.baseUrl === rec.apiBase) return rec;
    const base = parseApiBase(client.baseUrl);
    const urls: QueueUrls = {
      status: rebaseUrl(rec.urls.status, base),
      response: rebaseUrl(rec.urls.response, base),
      cancel: rebaseUrl(rec.urls.cancel, base),
    };
    if (urls.status === rec.urls.status && urls.response === rec.urls.response && urls.cancel === rec.urls.cancel) return rec;
    return this.save(rec.id, { urls });
  }

  private async save(id: string, patch: Partial<JobRecord>): Promise<JobRecord> {
    const saved = await this.opts.library.update(id, patch);
    this.events.emit('job:updated', saved);
    return saved;
  }

  private require(id: string): JobRecord {
    const rec = this.opts.library.get(id);
    if (!rec) throw new SaidError(say('app.job.noSuchJob', { id }));
    return rec;
  }
}

/**
 * A refusal about a job the provider accepted (follow.ts, isRefusalOfPaidJob): it stays unfinished —
 * `resume` and "Check again" pick it up — with the refusal as its error, instead of failing.
 */
function pausedByRefusal(rec: JobRecord, err: unknown): err is ApiError {
  return rec.requestId !== undefined && rec.state !== 'submitting' && isRefusalOfPaidJob(err);
}

class CancelledLocally extends Error {
  override name = 'AbortError';
}
class ShuttingDown extends Error {
  override name = 'AbortError';
}
