// The steps of one job, each ending in a persisted record: submit → follow → result → download.
// The runner decides *when* a step runs (slots, resume, cancel); this file decides *what* it does.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { JobError, JobInput, JobProgress, JobRecord, LogLine, QueueUrls } from '../../../shared/domain';
import { MAX_LOG_LINES, isFinalState } from '../../../shared/domain';
import { assertNever } from '../../../shared/assert-never';
import { clause, isApiError } from '../api/errors';
import type { QueueClient, QueueStatus } from '../api/types';
import type { LibraryStore } from '../library/store';
import { DEFAULT_MAX_VIDEO_BYTES, DownloadError, downloadToFile } from '../media/download';
import { prepareImageFile } from '../media/preflight';
import { writeSidecarQuietly } from '../library/sidecar';
import { say } from '../../../shared/i18n/messages';
import { codeOf, codeOfError, type Said } from '../util/said';
import { delay, isAbortError, nowIso } from '../util/time';
import { followUntilCompleted, isRefusalOfPaidJob, type CompletedStatus, type FollowPolicy } from './follow';
import { inProviderTerms } from './free-provider-messages';
import { cancelOutcomeLine, cancelledError, expiredError, internalError, notReadyError, retryNoteSaid, stillUnreachableLine, unbilledServerFailure } from './messages';
import { toModelInput, type PictureUrls } from './model-input';

export interface StepOptions {
  /** Result answered "not ready" right after COMPLETED (a known race): how often to ask again. */
  resultAttempts: number;
  resultRetryDelayMs: number;
  download: typeof downloadToFile;
  downloadIdleTimeoutMs: number;
  /** The size cap for a video (DEFAULT_MAX_VIDEO_BYTES, 2 GiB). */
  maxVideoBytes: number;
  /**
   * Queue position and queued⇄running changes are persisted at most this often (each is an fsynced
   * journal write; a flapping provider once caused hundreds a second). The first "running" and every
   * later step are written at once; the progress event always carries the live state.
   */
  statusWriteIntervalMs: number;
}

const DEFAULT_STEP_OPTIONS: StepOptions = {
  resultAttempts: 5,
  resultRetryDelayMs: 1000,
  download: downloadToFile,
  downloadIdleTimeoutMs: 30_000,
  maxVideoBytes: DEFAULT_MAX_VIDEO_BYTES,
  statusWriteIntervalMs: 1000,
};

export interface StepDeps {
  library: LibraryStore;
  clientFor: (rec: JobRecord) => QueueClient;
  follow: FollowPolicy;
  options?: Partial<StepOptions>;
  save: (id: string, patch: Partial<JobRecord>) => Promise<JobRecord>;
  progress: (p: JobProgress) => void;
  /** The image payload built when the job was created, if this process still has it. */
  payloadFor: (rec: JobRecord, which: 'input' | 'lastFrame') => string | undefined;
  /** Hosts the job's video may come from although they are loopback/private (the configured API's own host). */
  privateVideoHosts?: (rec: JobRecord) => readonly string[];
}

export class JobSteps {
  private readonly opts: StepOptions;
  /** Logs of the jobs being followed right now (saved with the next state change); dropped when the follow ends. */
  private readonly logs = new Map<string, LogLine[]>();
  /** When each job's status was last written (see statusWriteIntervalMs). */
  private readonly statusWrittenAt = new Map<string, number>();

  constructor(private readonly deps: StepDeps) {
    this.opts = { ...DEFAULT_STEP_OPTIONS, ...deps.options };
  }

  /**
   * Sends the job. `mayStart` is asked synchronously right before the POST; false means the user
   * cancelled in the meantime. `submitSentAt` is durable before any byte leaves.
   */
  async submit(rec: JobRecord, mayStart: () => boolean): Promise<JobRecord> {
    let pictures: PictureUrls;
    try {
      pictures = {
        first: await this.imageUrlFor(rec, rec.input, 'input'),
        last: rec.lastFrame ? await this.imageUrlFor(rec, rec.lastFrame, 'lastFrame') : undefined,
      };
    } catch (err) {
      return this.fail(rec, {
        kind: 'validation',
        field: rec.lastFrame ? 'last_frame_url' : 'image_url',
        ...say('app.job.inputNotPrepared', { reason: clause(err instanceof Error ? err.message : String(err)) }),
      });
    }
    if (!mayStart()) return this.current(rec.id);
    await this.deps.save(rec.id, { submitSentAt: nowIso() });
    try {
      const receipt = await this.deps.clientFor(rec).submit(toModelInput(rec.params, pictures), {
        model: rec.params.model,
        onRetry: (n) => this.emit(rec, retryProgress(retryNoteSaid(n))),
      });
      return await this.deps.save(rec.id, {
        state: 'queued',
        requestId: receipt.requestId,
        urls: receipt.urls,
        queuePosition: receipt.queuePosition,
        submittedAt: nowIso(),
      });
    } catch (err) {
      return this.fail(rec, isApiError(err) ? err.toJobError() : internalError(err));
    }
  }

  /** Tells the server about a cancel and records what it answered. The run loop records the end. */
  async requestCancel(rec: JobRecord): Promise<void> {
    if (!rec.urls) return;
    const outcome = await this.deps.clientFor(rec).cancel(rec.urls);
    await this.deps.save(rec.id, { logs: this.appendLogs(rec, [cancelOutcomeLine(outcome)]) });
  }

  /** Follows a sent job to the end: status until COMPLETED, then the result, then the download. */
  async finish(rec: JobRecord, client: QueueClient, signal: AbortSignal): Promise<JobRecord> {
    this.logs.set(rec.id, this.logs.get(rec.id) ?? rec.logs);
    try {
      return await this.follow(rec, client, signal);
    } finally {
      this.logs.delete(rec.id);
    }
  }

  private async follow(rec: JobRecord, client: QueueClient, signal: AbortSignal): Promise<JobRecord> {
    const state = rec.state;
    if (isFinalState(state)) return rec;
    // Exhaustive over the active states: a state added to JOB_STATES and not handled here is a
    // compile error, not a job the runner silently leaves where it is.
    switch (state) {
      case 'submitting':
        // The runner submits before it calls finish(); a job still here was never sent.
        return rec;
      case 'queued':
      case 'running': {
        if (!rec.urls) return rec;
        const completed = await this.untilCompleted(rec, rec.urls, client, signal);
        const failedOnServer = completed.error !== undefined || completed.errorType !== undefined;
        rec = await this.fetchResult(this.current(rec.id), client, signal, failedOnServer);
        return rec.state === 'downloading' ? this.download(rec, signal) : rec;
      }
      case 'downloading':
        return this.download(rec, signal);
      default:
        return assertNever(state, 'job state');
    }
  }

  private async untilCompleted(rec: JobRecord, urls: QueueUrls, client: QueueClient, signal: AbortSignal): Promise<CompletedStatus> {
    try {
      return await followUntilCompleted(
        client,
        urls,
        this.deps.follow,
        {
          onStatus: (s) => this.onStatus(rec.id, s),
          onRetry: (n) => this.emit(this.current(rec.id), retryProgress(retryNoteSaid(n))),
          onUnreachable: (since) => this.onUnreachable(rec.id, since),
        },
        signal,
      );
    } finally {
      this.statusWrittenAt.delete(rec.id);
    }
  }

  private async onStatus(id: string, s: QueueStatus): Promise<void> {
    const rec = this.current(id);
    const logs = this.appendLogs(rec, s.logs);
    let patch: Partial<JobRecord> | undefined;
    if (s.status === 'IN_QUEUE' && (rec.state !== 'queued' || rec.queuePosition !== s.queuePosition)) {
      patch = { state: 'queued', queuePosition: s.queuePosition };
    } else if (s.status !== 'IN_QUEUE' && rec.state !== 'running') {
      patch = { state: 'running', queuePosition: undefined, startedAt: rec.startedAt ?? nowIso(), logs };
    }
    if (patch === undefined) return this.emit(rec, {});
    const firstStart = patch.state === 'running' && rec.startedAt === undefined;
    const last = this.statusWrittenAt.get(id);
    if (firstStart || last === undefined || Date.now() - last >= this.opts.statusWriteIntervalMs) {
      this.statusWrittenAt.set(id, Date.now());
      return this.emit(await this.deps.save(id, patch), {});
    }
    // Coalesced: the record catches up on the next due write or the next step; the UI sees it now.
    const live = { ...rec, ...patch } as JobRecord;
    this.emit(live, {});
  }

  /**
   * The server stays out of reach past the client's retries: the card says so (live), and the record
   * keeps one line per spell, so the Library detail and a restart show it too.
   */
  private async onUnreachable(id: string, sinceMs: number): Promise<void> {
    const rec = this.current(id);
    const line = stillUnreachableLine(this.deps.clientFor(rec).baseUrl, sinceMs);
    const logged = (this.logs.get(id) ?? rec.logs).some((l) => l.source === line.source && l.timestamp === line.timestamp);
    const saved = logged ? rec : await this.deps.save(id, { logs: this.appendLogs(rec, [line]) });
    this.emit(saved, retryProgress(line));
  }

  /** `failedOnServer`: the COMPLETED status carried an error, so a 5xx result is fal's own unbilled failure. */
  private async fetchResult(rec: JobRecord, client: QueueClient, signal: AbortSignal, failedOnServer: boolean): Promise<JobRecord> {
    const urls = rec.urls;
    if (!urls) throw new Error('A job without queue URLs cannot have a result.');
    const logs = this.logs.get(rec.id) ?? rec.logs;
    for (let attempt = 1; ; attempt++) {
      try {
        const result = await client.result(urls, { signal });
        return await this.deps.save(rec.id, { state: 'downloading', result, logs });
      } catch (err) {
        if (isAbortError(err) || signal.aborted) throw err;
        if (isRefusalOfPaidJob(err)) throw err; // the runner keeps a paid job resumable
        if (isApiError(err) && err.kind === 'not_ready') {
          if (attempt >= this.opts.resultAttempts) return this.fail(rec, notReadyError(rec.requestId), logs);
          await delay(this.opts.resultRetryDelayMs * attempt, signal);
          continue;
        }
        // fal ends cancelled jobs COMPLETED with an error result: that is our cancel succeeding.
        if (this.current(rec.id).cancelRequested) {
          return this.deps.save(rec.id, { state: 'cancelled', error: cancelledError(rec.requestId), finishedAt: nowIso(), logs });
        }
        const error = isApiError(err) ? err.toJobError() : internalError(err, rec.requestId);
        return this.fail(rec, failedOnServer ? unbilledServerFailure(error) : error, logs);
      }
    }
  }

  private async download(rec: JobRecord, signal: AbortSignal): Promise<JobRecord> {
    const result = rec.result;
    if (!result) throw new Error('A job in "downloading" must carry its result.');
    const dir = this.deps.library.mediaDir(rec.id);
    await mkdir(dir, { recursive: true });
    const dest = join(dir, 'video.mp4');
    try {
      const out = await this.opts.download({
        url: result.url,
        destPath: dest,
        expectedBytes: result.fileSize,
        expectedContentType: 'video/mp4',
        idleTimeoutMs: this.opts.downloadIdleTimeoutMs,
        maxBytes: this.opts.maxVideoBytes,
        privateHostsAllowed: this.deps.privateVideoHosts?.(rec) ?? [],
        signal,
        onProgress: (p) => this.emit(rec, { download: p }),
      });
      const completed = {
        state: 'completed',
        videoPath: this.deps.library.relative(dest),
        videoBytes: out.bytes,
        finishedAt: nowIso(),
      } satisfies Partial<JobRecord>;
      // Before the record says "completed", so whoever sees a finished job also finds its sidecar.
      await writeSidecarQuietly(dest, { ...rec, ...completed });
      return await this.deps.save(rec.id, completed);
    } catch (err) {
      if (isAbortError(err) || signal.aborted) throw err;
      const base = { requestId: rec.requestId, detail: err instanceof Error ? err.message : String(err) };
      if (err instanceof DownloadError && err.code === 'expired') {
        return this.fail(rec, { ...base, ...expiredError() });
      }
      if (err instanceof DownloadError && (err.code === 'refused' || err.code === 'too_large')) {
        return this.fail(rec, { ...base, kind: 'unknown', message: err.message, ...codeOfError(err) }); // trying again would change nothing
      }
      return this.fail(rec, {
        ...base,
        kind: 'transient',
        ...say('app.download.failed'),
      });
    }
  }

  private fail(rec: JobRecord, error: JobError, logs?: LogLine[]): Promise<JobRecord> {
    const told = inProviderTerms(rec.provider, error);
    const withId = rec.requestId && !told.requestId ? { ...told, requestId: rec.requestId } : told;
    return this.deps.save(rec.id, { state: 'failed', error: withId, finishedAt: nowIso(), ...(logs ? { logs } : {}) });
  }

  private async imageUrlFor(rec: JobRecord, input: JobInput, which: 'input' | 'lastFrame'): Promise<string> {
    if (input.kind === 'url') return input.url;
    return this.deps.payloadFor(rec, which) ?? (await prepareImageFile(this.deps.library.resolve(input.path))).payload.dataUri;
  }

  /** fal sends the full log so far on each status; keep each line once, newest last, bounded. */
  private appendLogs(rec: JobRecord, incoming: LogLine[]): LogLine[] {
    const known = this.logs.get(rec.id) ?? rec.logs;
    const seen = new Set(known.map(logKey));
    const merged = [...known, ...incoming.filter((l) => !seen.has(logKey(l)))].slice(-MAX_LOG_LINES);
    // Only a job being followed keeps its logs here; a long-running process must not collect them all.
    if (this.logs.has(rec.id)) this.logs.set(rec.id, merged);
    return merged;
  }

  private emit(rec: JobRecord, extra: Partial<JobProgress>): void {
    const started = Date.parse(rec.submittedAt ?? rec.createdAt);
    this.deps.progress({
      id: rec.id,
      state: rec.state,
      ...(rec.queuePosition !== undefined ? { queuePosition: rec.queuePosition } : {}),
      elapsedMs: Math.max(0, Date.now() - started),
      latestLogs: (this.logs.get(rec.id) ?? rec.logs).slice(-5),
      ...extra,
    });
  }

  private current(id: string): JobRecord {
    const rec = this.deps.library.get(id);
    if (!rec) throw new Error(`Job ${id} disappeared from the library while it was running.`);
    return rec;
  }
}

const logKey = (l: LogLine): string => `${l.timestamp ?? ''}|${l.message}`;


/** A pending retry on the progress event: English for the CLI and older renderers, the code for the app. */
const retryProgress = (note: Said): Partial<JobProgress> => ({ retryNote: note.message, retryNoteText: codeOf(note) });
