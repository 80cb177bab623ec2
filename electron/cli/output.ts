// How jobs look on the terminal: one stable JSON shape for scripts (--json) and short human lines
// for people. Progress goes to stderr so stdout stays clean for the JSON.
import type { JobProgress, JobRecord } from '../../shared/domain';
import type { MessageParams } from '../../shared/i18n/params';
import { MODELS, type ModelId } from '../../shared/models';
import { chargedUsd, estimateBatchUsd, formatPrice, isBilledProvider } from '../../shared/pricing';
import { formatBytes } from '../../shared/format-bytes';
import type { RunnerEvents } from '../core/jobs/runner';
import type { Emitter } from '../core/util/emitter';

export interface JobJson {
  id: string;
  requestId: string | null;
  status: JobRecord['state'];
  videoPath: string | null;
  /**
   * Language-neutral for scripts: `code` + `params` name the sentence (shared/i18n), `message` is
   * its English text; `providerWords` is what the provider itself said, as it came.
   */
  error: { kind: string; message: string; code?: string; params?: MessageParams; providerWords?: string; requestId?: string; detail?: string } | null;
  /** The endpoint id it was made with (records from before models existed: the seed's). */
  model: ModelId;
  prompt: string;
  params: Omit<JobRecord['params'], 'prompt'>;
  provider: JobRecord['provider'];
  /** What the provider charges for it: 0 at a free provider (the simulator). */
  estimatedCostUsd: number;
  createdAt: string;
  finishedAt: string | null;
}

export function jobToJson(rec: JobRecord, resolve: (rel: string) => string): JobJson {
  const { prompt, ...params } = rec.params;
  return {
    id: rec.id,
    requestId: rec.requestId ?? null,
    status: rec.state,
    videoPath: rec.videoPath ? resolve(rec.videoPath) : null,
    error: rec.error
      ? {
          kind: rec.error.kind,
          message: rec.error.message,
          ...(rec.error.code ? { code: rec.error.code } : {}),
          ...(rec.error.params ? { params: rec.error.params } : {}),
          ...(rec.error.providerWords ? { providerWords: rec.error.providerWords } : {}),
          ...(rec.error.requestId ? { requestId: rec.error.requestId } : {}),
          ...(rec.error.detail ? { detail: rec.error.detail } : {}),
        }
      : null,
    model: rec.params.model,
    prompt,
    params,
    provider: rec.provider,
    estimatedCostUsd: chargedUsd(rec.params, rec.provider),
    createdAt: rec.createdAt,
    finishedAt: rec.finishedAt ?? null,
  };
}

/** "≈ $3.20" at a paid provider, "free — would cost $3.20" at a free one: the spend guard's price. */
function priceText(rec: JobRecord): string {
  const usd = estimateBatchUsd(rec.params, rec.provider);
  return isBilledProvider(rec.provider) ? `≈ ${formatPrice(usd, rec.provider)}` : formatPrice(usd, rec.provider);
}

export function describeJob(rec: JobRecord, resolve: (rel: string) => string): string {
  const lines = [
    `${rec.id}  ${rec.state}${rec.requestId ? `  request ${rec.requestId}` : ''}`,
    `  prompt: ${oneLine(rec.params.prompt, 100)}`,
    `  ${MODELS[rec.params.model].label} · ${rec.params.aspectRatio} · ${rec.params.duration} · ${rec.params.resolution} · ${rec.params.generateAudio ? 'audio' : 'no audio'} · ${priceText(rec)}`,
    `  created ${rec.createdAt}${rec.finishedAt ? `, finished ${rec.finishedAt}` : ''}`,
  ];
  if (rec.videoPath) lines.push(`  video: ${resolve(rec.videoPath)}`);
  if (rec.error) lines.push(`  error: ${rec.error.message}`);
  return lines.join('\n');
}

export const listLine = (rec: JobRecord): string =>
  `${rec.id.slice(0, 8)}  ${rec.state.padEnd(11)} ${rec.createdAt.slice(0, 16).replace('T', ' ')}  ${oneLine(rec.params.prompt, 60)}`;

const oneLine = (s: string, max: number): string => {
  const flat = s.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
};

/** A record change seen as progress, so the printer also reports states reached without a poll. */
export const progressOf = (rec: JobRecord): JobProgress => ({
  id: rec.id,
  state: rec.state,
  ...(rec.queuePosition !== undefined ? { queuePosition: rec.queuePosition } : {}),
  elapsedMs: 0,
  latestLogs: [],
});

/** Prints what changed since the last event of each job: state, queue position, new logs, download tenths. */
export function createProgressPrinter(write: (line: string) => void): (p: JobProgress) => void {
  interface Seen { state?: string; position?: number; tenth: number; retry?: string; logs: Set<string> }
  const seen = new Map<string, Seen>();
  return (p) => {
    const tag = p.id.slice(0, 8);
    let s = seen.get(p.id);
    if (!s) seen.set(p.id, (s = { tenth: -1, logs: new Set() }));
    if (p.state !== s.state) {
      write(`[${tag}] ${p.state}`);
      s.state = p.state;
      s.tenth = -1;
    }
    if (p.state === 'queued' && p.queuePosition !== undefined && p.queuePosition !== s.position) {
      write(`[${tag}] queue position ${p.queuePosition}`);
      s.position = p.queuePosition;
    }
    for (const log of p.latestLogs) {
      const key = `${log.timestamp ?? ''}|${log.message}`;
      if (s.logs.has(key)) continue;
      s.logs.add(key);
      write(`[${tag}]   ${log.message}`);
    }
    if (p.retryNote && p.retryNote !== s.retry) write(`[${tag}] ${p.retryNote}`);
    s.retry = p.retryNote;
    if (p.download?.totalBytes) {
      const tenth = Math.floor((p.download.receivedBytes / p.download.totalBytes) * 10);
      if (tenth > s.tenth) {
        write(`[${tag}] downloaded ${tenth * 10}% of ${formatBytes(p.download.totalBytes)}`);
        s.tenth = tenth;
      }
    }
  };
}

/** Prints live progress of every job the runner touches until the returned function is called. */
export function watchJobs(events: Emitter<RunnerEvents>, write: (line: string) => void): () => void {
  const print = createProgressPrinter(write);
  const offProgress = events.on('job:progress', print);
  const offUpdated = events.on('job:updated', (rec) => print(progressOf(rec)));
  return () => {
    offProgress();
    offUpdated();
  };
}

/**
 * What Ctrl+C means for jobs on this target. The built-in simulator runs inside this process and
 * keeps its jobs in memory, so they end with it; a real provider (or an external simulator) keeps them.
 */
export function stopWords(inProcessSimulator: boolean): { created: string; stopping: string } {
  return inProcessSimulator
    ? {
        created: 'Ctrl+C stops it: the built-in simulator stops with this command, and its jobs with it (nothing is charged).',
        stopping: 'Stopping. The built-in simulator stops too, so its unfinished jobs end here (nothing is charged); run "generate" again for a new one.',
      }
    : {
        created: 'Ctrl+C stops watching; the job keeps running (resume with "resume").',
        stopping: 'Stopping. Jobs keep running on the server; "resume" picks them up, "cancel <id>" stops one.',
      };
}
