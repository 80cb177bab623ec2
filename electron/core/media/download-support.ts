// The downloader's small parts: HTTP header parsing, the content-type verdict, the MP4 sniff, the
// idle watchdog and progress throttling. Pure or file-local helpers, kept apart so download.ts reads
// as the retry/resume flow only.
import { promises as fs } from 'node:fs';
import type { DownloadProgress } from './download';

const PROGRESS_INTERVAL_MS = 100;
const OCTET_STREAM_TYPES = new Set(['', 'application/octet-stream', 'binary/octet-stream']);

/**
 * Decision: CDNs (S3, GCS) often label MP4s `application/octet-stream` or send no type at all, so
 * for a video/mp4 expectation those are accepted only if the bytes start with an ISO-BMFF `ftyp`
 * box. Anything else (text/html error pages above all) is refused.
 */
export function contentTypeVerdict(header: string | null, expected: string | undefined): { ok: true; sniff: boolean } | { ok: false; reason: string } {
  if (expected === undefined) return { ok: true, sniff: false };
  const actual = mimeOf(header ?? '');
  const wanted = mimeOf(expected);
  if (actual === wanted) return { ok: true, sniff: false };
  if (wanted === 'video/mp4' && OCTET_STREAM_TYPES.has(actual)) return { ok: true, sniff: true };
  return { ok: false, reason: `the server sent ${actual === '' ? 'no content type' : `"${actual}"`} instead of ${wanted}` };
}

export function mimeOf(contentType: string): string {
  return (contentType.split(';')[0] ?? '').trim().toLowerCase();
}

export async function looksLikeMp4(filePath: string): Promise<boolean> {
  const handle = await fs.open(filePath, 'r');
  try {
    const head = Buffer.alloc(8);
    const { bytesRead } = await handle.read(head, 0, 8, 0);
    return bytesRead === 8 && head.toString('latin1', 4, 8) === 'ftyp';
  } finally {
    await handle.close();
  }
}

// "bytes 100-199/1000" → {start: 100, total: 1000}; "bytes */1000" → {total: 1000}; a "*" total → none.
export function parseContentRange(header: string | null): { start?: number; total?: number } | undefined {
  const match = /^\s*bytes\s+(?:(\d+)-(\d+)|\*)\/(\d+|\*)\s*$/i.exec(header ?? '');
  if (!match) return undefined;
  return {
    start: match[1] !== undefined ? Number(match[1]) : undefined,
    total: match[3] !== undefined && match[3] !== '*' ? Number(match[3]) : undefined,
  };
}

export function parseLength(header: string | null): number | undefined {
  return header !== null && /^\d+$/.test(header.trim()) ? Number(header.trim()) : undefined;
}

export async function sizeOf(filePath: string): Promise<number> {
  try {
    return (await fs.stat(filePath)).size;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw error;
  }
}

/** Aborts the request when no byte has arrived for `ms` (headers included). */
export class IdleWatchdog {
  private readonly controller = new AbortController();
  private timer: NodeJS.Timeout | undefined;
  fired = false;

  constructor(readonly ms: number) {
    this.poke();
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  poke(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.fired = true;
      this.controller.abort();
    }, this.ms);
  }

  stop(): void {
    clearTimeout(this.timer);
  }
}

/** At most one event per ~100 ms or per 1 % of the file, plus the first and the last. */
export function progressReporter(
  onProgress: ((p: DownloadProgress) => void) | undefined,
): (received: number, total: number | undefined, force?: boolean) => void {
  let lastAt = 0;
  let lastBytes = -1;
  return (received, total, force = false) => {
    if (!onProgress) return;
    const now = Date.now();
    const step = total !== undefined ? total / 100 : Infinity;
    if (received === lastBytes) return;
    if (!force && now - lastAt < PROGRESS_INTERVAL_MS && received - lastBytes < step) return;
    lastAt = now;
    lastBytes = received;
    onProgress(total === undefined ? { receivedBytes: received } : { receivedBytes: received, totalBytes: total });
  };
}
