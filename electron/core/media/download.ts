// Saves a finished video from fal's public CDN to disk, resumably. The URL expires (fal guarantees
// ≥7 days), so this must survive flaky networks and restarts: the body streams into `<dest>.part`
// (never buffered whole), an existing .part is resumed with a Range request (even one left by an
// earlier process), and only a verified, fsynced file is renamed into place. No Authorization or
// cookie header is ever sent: the CDN is public and the API key must never leave its own origin.
// The transport is node:http/https (download-transport.ts), and the body pump (download-body.ts)
// writes every byte that arrived before a reset, so a resume never fetches a byte twice.
import { createWriteStream, promises as fsp } from 'node:fs';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { fsyncDirectory, fsyncFile } from '../fs/atomic';
import { pumpBody } from './download-body';
import { DownloadError } from './download-error';
import { formatBytes } from '../../../shared/format-bytes';
import { say } from '../../../shared/i18n/messages';
import {
  contentTypeVerdict,
  IdleWatchdog,
  looksLikeMp4,
  mimeOf,
  parseContentRange,
  parseLength,
  progressReporter,
  sizeOf,
} from './download-support';
import type { PrivateHostAllowance } from './download-address';
import { type ConnectionFor, type HttpAnswer, openWithFetch, openWithNodeHttp, type OpenRequest } from './download-transport';

export { DownloadError, type DownloadErrorCode } from './download-error';

export interface DownloadProgress {
  receivedBytes: number;
  totalBytes?: number;
}

export interface DownloadOptions {
  url: string;
  destPath: string;
  /** From the result's `file_size`; the saved file must have exactly this size. */
  expectedBytes?: number;
  /** e.g. 'video/mp4'; parameters (`; codecs=…`) are ignored. */
  expectedContentType?: string;
  onProgress?: (p: DownloadProgress) => void;
  signal?: AbortSignal;
  /**
   * Test seam: script the responses with a fetch-like function. Without it (always, in the app) the
   * download uses node:http/https, which keeps every received byte across a reset (see
   * download-transport.ts); a fetch given here follows redirects itself.
   */
  fetch?: typeof fetch;
  /** The proxy hook: how to connect to each hop (a CONNECT tunnel), or directly when it says undefined. */
  connectionFor?: ConnectionFor;
  /** Requests in total, including the first (default 5). */
  maxAttempts?: number;
  /** Give up on a response when no byte arrives for this long (default 30 s). */
  idleTimeoutMs?: number;
  /** First retry wait; doubles each time, capped at 8 s (default 500 ms). */
  retryDelayMs?: number;
  /**
   * The most a video may be (default DEFAULT_MAX_VIDEO_BYTES). Checked against the announced size
   * and, when none is announced, against the bytes as they arrive; over it the .part is removed.
   */
  maxBytes?: number;
  /**
   * Hosts that may be on loopback / private addresses: the one the user configured for the job's
   * provider (the simulator's CDN). Every other video URL must resolve to a public address.
   */
  privateHostsAllowed?: PrivateHostAllowance;
}

/** Veo's longest clip (8 s, 1080p) is tens of MB; 2 GiB leaves room and still protects the disk. */
export const DEFAULT_MAX_VIDEO_BYTES = 2 * 1024 * 1024 * 1024;

export interface DownloadOutcome {
  bytes: number;
  /** Some bytes came from an earlier attempt or process (a 206 answered our Range request). */
  resumed: boolean;
  /** Bytes thrown away and downloaded again (e.g. the server ignored Range and sent everything). */
  bytesFetchedTwice: number;
}

const MAX_RETRY_DELAY_MS = 8_000;
/** The .part's write buffer: big writes are what let the disk keep up with a loopback-fast network. */
const WRITE_BUFFER_BYTES = 1024 * 1024;

interface Context {
  opts: DownloadOptions;
  partPath: string;
  open: OpenRequest;
  idleTimeoutMs: number;
  report: (received: number, total: number | undefined, force?: boolean) => void;
  resumed: boolean;
  bytesFetchedTwice: number;
}

export async function downloadToFile(opts: DownloadOptions): Promise<DownloadOutcome> {
  const protocol = URL.canParse(opts.url) ? new URL(opts.url).protocol : '';
  if (protocol !== 'https:' && protocol !== 'http:') {
    throw new DownloadError('http', `The video URL is not an http(s) address: ${opts.url.slice(0, 200)}`);
  }
  await fsp.mkdir(path.dirname(opts.destPath), { recursive: true });
  const ctx: Context = {
    opts,
    partPath: `${opts.destPath}.part`,
    open: opts.fetch ? openWithFetch(opts.fetch, opts.privateHostsAllowed) : openWithNodeHttp(opts.privateHostsAllowed, opts.connectionFor),
    idleTimeoutMs: opts.idleTimeoutMs ?? 30_000,
    report: progressReporter(opts.onProgress),
    resumed: false,
    bytesFetchedTwice: 0,
  };
  const maxAttempts = Math.max(1, opts.maxAttempts ?? 5);
  const baseDelay = opts.retryDelayMs ?? 500;
  for (let attempt = 1; ; attempt++) {
    opts.signal?.throwIfAborted();
    try {
      const { needsSniff } = await attemptOnce(ctx);
      const bytes = await finalize(ctx, needsSniff);
      return { bytes, resumed: ctx.resumed, bytesFetchedTwice: ctx.bytesFetchedTwice };
    } catch (error) {
      opts.signal?.throwIfAborted();
      if (!(error instanceof DownloadError)) throw error;
      if (!error.retryable) throw error;
      if (attempt >= maxAttempts) {
        throw new DownloadError(error.code, `The video download failed after ${maxAttempts} attempts: ${error.message}`, {
          httpStatus: error.httpStatus,
          cause: error,
        });
      }
      await delay(Math.min(baseDelay * 2 ** (attempt - 1), MAX_RETRY_DELAY_MS), undefined, { signal: opts.signal }).catch(
        () => opts.signal?.throwIfAborted(),
      );
    }
  }
}

/** One request: resume from the current .part size, stream the body onto it. */
async function attemptOnce(ctx: Context): Promise<{ needsSniff: boolean }> {
  const { opts, partPath } = ctx;
  const offset = await sizeOf(partPath);
  const idle = new IdleWatchdog(ctx.idleTimeoutMs);
  try {
    const signals = opts.signal ? [idle.signal, opts.signal] : [idle.signal];
    const headers: Record<string, string> = { 'Accept-Encoding': 'identity' }; // byte counts must match the file
    if (offset > 0) headers.Range = `bytes=${offset}-`;
    let response: HttpAnswer;
    try {
      response = await ctx.open(opts.url, headers, AbortSignal.any(signals));
    } catch (error) {
      throw networkFailure(error, idle);
    }
    const plan = await planWrite(ctx, response, offset);
    // Nothing was received in this call, so no header vouched for the bytes: look at them instead.
    if (plan.complete) return { needsSniff: mimeOf(opts.expectedContentType ?? '') === 'video/mp4' };
    return await streamBody(ctx, response, plan.startAt, plan.total, idle).then(() => ({ needsSniff: plan.needsSniff }));
  } finally {
    idle.stop();
  }
}

type WritePlan = { complete: true } | { complete: false; startAt: number; total?: number; needsSniff: boolean };

/** Reads status and headers: where to write, how big the file must be, or why to stop. */
async function planWrite(ctx: Context, response: HttpAnswer, offset: number): Promise<WritePlan> {
  const { status } = response;
  const fail = (error: DownloadError, part: 'keep' | 'drop' | 'refetch' = 'keep') => refuse(ctx, response, error, part, offset);
  if (status === 403 || status === 404 || status === 410) {
    return fail(new DownloadError('expired', `The video expired on the server before it was saved (HTTP ${status}).`, { httpStatus: status }));
  }
  if (status === 416 && offset > 0) {
    const total = parseContentRange(response.header('content-range'))?.total ?? ctx.opts.expectedBytes;
    if (total === offset) {
      response.discard();
      return { complete: true }; // an earlier attempt had already received everything
    }
    return fail(new DownloadError('http', 'The server refused to resume the download; starting again.', { httpStatus: 416, retryable: true }), 'refetch');
  }
  if (status !== 200 && status !== 206) {
    const retryable = status === 408 || status === 429 || status >= 500;
    return fail(new DownloadError('http', `The video server answered HTTP ${status}.`, { httpStatus: status, retryable }));
  }
  const verdict = contentTypeVerdict(response.header('content-type'), ctx.opts.expectedContentType);
  if (!verdict.ok) return fail(new DownloadError('integrity', `The download is not a video: ${verdict.reason}.`), 'drop');
  let startAt = 0;
  let total: number | undefined;
  if (status === 206) {
    const range = parseContentRange(response.header('content-range'));
    if (range === undefined || range.start !== offset) {
      // A range we did not ask for: trust nothing on disk and fetch it whole.
      const error = new DownloadError('http', 'The server sent an unexpected byte range; starting again.', { httpStatus: 206, retryable: true });
      return fail(error, 'refetch');
    }
    startAt = offset;
    total = range.total;
    ctx.resumed ||= offset > 0;
  } else {
    ctx.bytesFetchedTwice += offset; // 200 to a Range request: the server ignored it, start over
    total = parseLength(response.header('content-length'));
  }
  const maxBytes = ctx.opts.maxBytes ?? DEFAULT_MAX_VIDEO_BYTES;
  if ((total ?? 0) > maxBytes || (ctx.opts.expectedBytes ?? 0) > maxBytes) {
    return fail(tooLarge(maxBytes), 'drop');
  }
  const expected = ctx.opts.expectedBytes;
  if (expected !== undefined && total !== undefined && total !== expected) {
    return fail(new DownloadError('integrity', `The server offers ${total} bytes but the result said ${expected}.`), 'drop');
  }
  return { complete: false, startAt, total, needsSniff: verdict.sniff };
}

/** Drops the response body (and the .part when it cannot be trusted or resumed), then throws. */
async function refuse(ctx: Context, response: HttpAnswer, error: DownloadError, part: 'keep' | 'drop' | 'refetch', offset: number): Promise<never> {
  response.discard();
  if (part !== 'keep') await fsp.rm(ctx.partPath, { force: true });
  if (part === 'refetch') ctx.bytesFetchedTwice += offset;
  throw error;
}

/** Streams the body onto the .part; when it breaks, everything received so far is kept there. */
async function streamBody(ctx: Context, response: HttpAnswer, startAt: number, total: number | undefined, idle: IdleWatchdog): Promise<void> {
  const expected = total ?? ctx.opts.expectedBytes;
  let received = startAt;
  ctx.report(received, expected, true);
  const file = createWriteStream(ctx.partPath, { flags: startAt === 0 ? 'w' : 'a', highWaterMark: WRITE_BUFFER_BYTES });
  let tooLong = false;
  const maxBytes = ctx.opts.maxBytes ?? DEFAULT_MAX_VIDEO_BYTES;
  const end = await pumpBody(response.body, file, {
    accept: (byteLength) => {
      idle.poke();
      if (expected !== undefined && received + byteLength > expected) {
        tooLong = true;
        throw new DownloadError('integrity', `The server sent more than the ${expected} bytes it announced.`);
      }
      // No size announced: the cap is all that stands between an endless body and a full disk.
      if (received + byteLength > maxBytes) {
        tooLong = true;
        throw tooLarge(maxBytes);
      }
    },
    written: (byteLength) => {
      received += byteLength;
      ctx.report(received, expected);
    },
  }).catch(async (error: unknown) => {
    if (tooLong) await fsp.rm(ctx.partPath, { force: true });
    throw error; // a refused body, or the disk failing: not the network's fault, not retried
  });
  if (!end.complete) throw networkFailure(end.error, idle);
  if (expected !== undefined && received < expected) {
    throw new DownloadError('network', `The connection closed after ${received} of ${expected} bytes.`, { retryable: true });
  }
  ctx.report(received, expected, true);
}

/** Checks the finished .part, flushes it and renames it into place; returns its size. */
async function finalize(ctx: Context, needsSniff: boolean): Promise<number> {
  const { partPath, opts } = ctx;
  const size = await sizeOf(partPath);
  const fail = async (reason: string): Promise<never> => {
    await fsp.rm(partPath, { force: true });
    throw new DownloadError('integrity', reason);
  };
  if (opts.expectedBytes !== undefined && size !== opts.expectedBytes) {
    await fail(`The saved video has ${size} bytes but the result said ${opts.expectedBytes}.`);
  }
  if (needsSniff && !(await looksLikeMp4(partPath))) {
    await fail('The server sent something that is not an MP4 video.');
  }
  await fsyncFile(partPath);
  await fsp.rename(partPath, opts.destPath);
  await fsyncDirectory(path.dirname(opts.destPath));
  return size;
}

function tooLarge(maxBytes: number): DownloadError {
  return new DownloadError('too_large', say('app.download.tooLarge', { limit: formatBytes(maxBytes) }));
}

function networkFailure(error: unknown, idle: IdleWatchdog): unknown {
  if (error instanceof DownloadError) return error;
  if (idle.fired) {
    return new DownloadError('network', `No data arrived for ${Math.round(idle.ms / 1000)} s.`, { retryable: true });
  }
  if (error instanceof Error && error.name === 'AbortError') return error; // the caller's signal
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
  const detail = cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
  return new DownloadError('network', `The connection to the video server failed (${detail}).`, { retryable: true, cause: error });
}
