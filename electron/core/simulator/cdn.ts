// The public video CDN: another origin, no auth, GET/HEAD with Range (206/416), Content-Length and
// video/mp4 — plus the download faults of the slow_download, truncated_download and expired_url scenarios.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { once } from 'node:events';
import { setTimeout as delay } from 'node:timers/promises';
import { parseRange } from '../util/byte-range';
import { Exchange, refusedEarly } from './exchange';
import type { JobRegistry } from './job-registry';
import type { RequestLog } from './request-log';
import type { VideoSource } from './video-source';
import { videoFileName } from './wire';

export interface CdnDeps {
  registry: JobRegistry;
  log: RequestLog;
  hostNames: ReadonlySet<string>;
  source: VideoSource;
  /** Rate for `throttled` videos (the slow_download scenario). */
  slowBytesPerSecond: number;
}

const FILE_PATH = /^\/files\/([^/]+)\/([^/]+)$/;
const MAX_CHUNK = 64 * 1024;
const THROTTLE_TICK_MS = 50;
const LAST_MODIFIED = new Date().toUTCString();

export function createCdnHandler(deps: CdnDeps): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const ex = new Exchange(req, res, 'cdn', deps.log);
    if (refusedEarly(ex, deps.hostNames)) return;
    serve(ex, deps).catch((err: unknown) => {
      console.error('simulator CDN: handler failed', err);
      if (!res.headersSent) ex.raw(500, 'Internal Error', 'text/plain');
      else res.destroy();
    });
  };
}

async function serve(ex: Exchange, deps: CdnDeps): Promise<void> {
  const method = ex.entry.method;
  if (method !== 'GET' && method !== 'HEAD') return ex.raw(405, 'Method Not Allowed', 'text/plain', { allow: 'GET, HEAD' });

  const [, requestId = '', fileName = ''] = FILE_PATH.exec(ex.url.pathname) ?? [];
  const job = deps.registry.get(requestId);
  if (job) ex.about(job.requestId, job.scenario);
  if (!job || job.state !== 'COMPLETED' || job.failure || fileName !== videoFileName(job)) {
    return ex.raw(404, 'Not Found', 'text/plain');
  }
  if (job.plan.cdn === 'expired') {
    // What an expired signed URL answers on object storage.
    const xml = '<?xml version="1.0" encoding="UTF-8"?><Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>';
    return ex.raw(403, xml, 'application/xml');
  }

  const { source } = deps;
  const common = {
    'content-type': 'video/mp4',
    'accept-ranges': 'bytes',
    etag: source.etag,
    'last-modified': LAST_MODIFIED,
    'cache-control': 'public, max-age=604800',
  };
  // If-Range: a resume against a changed file must get the whole file, not a mismatched tail.
  const ifRange = ex.req.headers['if-range'];
  const rangeHeader = ifRange === undefined || ifRange === source.etag ? ex.req.headers.range : undefined;
  const range = parseRange(rangeHeader, source.size);
  if (range.kind === 'unsatisfiable') {
    return ex.raw(416, '', 'text/plain', { 'content-range': `bytes */${source.size}`, 'accept-ranges': 'bytes' });
  }
  const [start, end] = range.kind === 'partial' ? [range.start, range.end] : [0, source.size];
  const headers: Record<string, string | number> = { ...common, 'content-length': end - start };
  if (range.kind === 'partial') headers['content-range'] = `bytes ${start}-${end - 1}/${source.size}`;
  ex.head(range.kind === 'partial' ? 206 : 200, headers);
  if (method === 'HEAD') return void ex.res.end();

  job.cdnFetches += 1;
  const truncate = job.plan.cdn === 'truncate_first_fetch' && job.cdnFetches === 1;
  await pump(ex.res, source, start, end, {
    bytesPerSecond: job.plan.cdn === 'throttled' ? deps.slowBytesPerSecond : undefined,
    // truncated_download: promise the whole length, deliver about half, hang up.
    stopAt: truncate ? start + Math.floor((end - start) / 2) : undefined,
  });
}

interface PumpOptions {
  bytesPerSecond?: number;
  /** Destroy the connection once this offset is reached instead of ending the body. */
  stopAt?: number;
}

/** Writes [start, end) with backpressure, optional pacing, optional hang-up. */
async function pump(res: ServerResponse, source: VideoSource, start: number, end: number, opts: PumpOptions): Promise<void> {
  const closed = new AbortController();
  res.once('close', () => closed.abort());
  const rate = opts.bytesPerSecond;
  const chunkSize = rate ? Math.max(1, Math.min(MAX_CHUNK, Math.floor((rate * THROTTLE_TICK_MS) / 1000))) : MAX_CHUNK;
  const limit = opts.stopAt ?? end;
  const begun = Date.now();
  try {
    for (let pos = start; pos < limit && !res.destroyed; ) {
      const chunk = source.slice(pos, Math.min(limit, pos + chunkSize));
      pos += chunk.length;
      if (pos >= limit && opts.stopAt !== undefined) {
        // The half must really leave before the hang-up, or the client would see fewer bytes.
        await new Promise<void>((resolve) => {
          res.write(chunk, () => resolve());
          res.once('close', () => resolve());
        });
      } else if (!res.write(chunk)) {
        await once(res, 'drain', { signal: closed.signal });
      }
      if (rate) {
        const wait = begun + ((pos - start) / rate) * 1000 - Date.now();
        if (wait > 0) await delay(wait, undefined, { signal: closed.signal });
      }
    }
  } catch (err) {
    if (closed.signal.aborted) return; // the client went away (or the simulator closed): nothing to do
    throw err;
  }
  if (opts.stopAt !== undefined) res.destroy();
  else res.end();
}
