// Every string a record carries came, at some point, from outside: a server's logs and error detail,
// an imported index, a URL. One oversized value (a 180 MB error.detail, 900 KB log lines) used to
// make the journal unreadable ("Cannot create a string longer than 0x1fffffe8"), so every record is
// cut to these bounds before it is stored — whatever path it came by (server, import, runner).
import type { JobError, JobInput, JobRecord, LogLine, QueueUrls, VideoResult } from '../../../shared/domain';

export const RECORD_LIMITS = {
  /** error.detail: the raw server text behind "Show details". */
  detailChars: 10 * 1024,
  /** error.message and one log line. */
  messageChars: 2 * 1024,
  logLineChars: 2 * 1024,
  /** All log lines of one job together; the newest are kept. */
  logsTotalChars: 64 * 1024,
  /** Every URL and every path. */
  urlChars: 4 * 1024,
  /** Ids, names, types, timestamps. */
  shortChars: 256,
} as const;

const CUT_MARK = ' …[cut]';

/** `text` cut to at most `max` characters, marked when cut. */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(0, max - CUT_MARK.length))}${CUT_MARK}`;
}

const short = (v: string | undefined): string | undefined => (v === undefined ? undefined : clip(v, RECORD_LIMITS.shortChars));

/**
 * URLs and paths are never cut: a cut one can be invalid (a host cut mid "%41" made a job's record
 * fail validation and vanish on the next open — red-team F8a) or, worse, a different valid address.
 * Over the cap an optional one is dropped and a required one replaced by a marker that still
 * validates and leads nowhere (`.invalid` is reserved, RFC 2606).
 */
const fits = (v: string): boolean => v.length <= RECORD_LIMITS.urlChars;
const optionalUrl = (v: string | undefined): string | undefined => (v !== undefined && fits(v) ? v : undefined);
export const TOO_LONG_URL = 'https://address-too-long.invalid/';
export const TOO_LONG_PATH = 'path-too-long.invalid';

/** One log line within bounds (also used on server input, before lines are held in memory). */
export function boundLogLine(line: LogLine): LogLine {
  return withoutUndefined({
    message: clip(line.message, RECORD_LIMITS.logLineChars),
    code: short(line.code),
    params: line.params,
    level: short(line.level),
    source: short(line.source),
    timestamp: short(line.timestamp),
  });
}

/** Bounded lines, newest kept, total size bounded. */
export function boundLogs(lines: readonly LogLine[]): LogLine[] {
  const out: LogLine[] = [];
  let total = 0;
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = boundLogLine(lines[i] as LogLine);
    total += line.message.length;
    if (total > RECORD_LIMITS.logsTotalChars) break;
    out.push(line);
  }
  return out.reverse();
}

export function boundError(error: JobError): JobError {
  return withoutUndefined({
    ...error,
    message: clip(error.message, RECORD_LIMITS.messageChars),
    requestId: short(error.requestId),
    field: short(error.field),
    errorType: short(error.errorType),
    detail: error.detail === undefined ? undefined : clip(error.detail, RECORD_LIMITS.detailChars),
  });
}

function boundInput(input: JobInput): JobInput {
  if (input.kind === 'url') return { kind: 'url', url: fits(input.url) ? input.url : TOO_LONG_URL };
  return withoutUndefined({
    ...input,
    path: fits(input.path) ? input.path : TOO_LONG_PATH,
    thumbPath: optionalUrl(input.thumbPath),
    originalName: short(input.originalName),
    sha256: clip(input.sha256, RECORD_LIMITS.shortChars),
  });
}

/** All three or none: a job with some of its queue addresses is one "Check again" cannot follow. */
const boundUrls = (u: QueueUrls): QueueUrls | undefined => (fits(u.status) && fits(u.response) && fits(u.cancel) ? u : undefined);

const boundResult = (r: VideoResult): VideoResult =>
  withoutUndefined({ ...r, url: fits(r.url) ? r.url : TOO_LONG_URL, contentType: short(r.contentType), fileName: short(r.fileName) });

/** The record with every string within RECORD_LIMITS (params are already bounded by their schema). */
export function boundRecord(record: JobRecord): JobRecord {
  return withoutUndefined({
    ...record,
    // '' is what a record without a base says (imported jobs): the runner then uses the configured one.
    apiBase: fits(record.apiBase) ? record.apiBase : '',
    input: boundInput(record.input),
    lastFrame: record.lastFrame === undefined ? undefined : boundInput(record.lastFrame),
    requestId: short(record.requestId),
    urls: record.urls === undefined ? undefined : boundUrls(record.urls),
    logs: boundLogs(record.logs ?? []),
    error: record.error === undefined ? undefined : boundError(record.error),
    result: record.result === undefined ? undefined : boundResult(record.result),
    videoPath: optionalUrl(record.videoPath),
    posterPath: optionalUrl(record.posterPath),
    parentId: short(record.parentId),
    createdAt: clip(record.createdAt, RECORD_LIMITS.shortChars),
    updatedAt: clip(record.updatedAt, RECORD_LIMITS.shortChars),
    submitSentAt: short(record.submitSentAt),
    submittedAt: short(record.submittedAt),
    startedAt: short(record.startedAt),
    finishedAt: short(record.finishedAt),
  });
}

/** Optional fields stay absent rather than becoming `key: undefined` (exactOptionalPropertyTypes). */
function withoutUndefined<T extends object>(value: T): T {
  const out = { ...value };
  for (const key of Object.keys(out) as (keyof T)[]) if (out[key] === undefined) delete out[key];
  return out;
}
