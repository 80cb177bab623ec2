// Serves library media to <video>/<img> for both faces: the browser host's /media route and
// Electron's app://veo/media route. Two steps, always in this order:
//   resolveMediaPath — untrusted URL path → a real file inside the library's media folder, or a refusal
//   serveFile        — that file, streamed, with single byte ranges (206) so <video> can seek, and
//                      a validator (ETag → 304) so a grid scrolled back over does not fetch again
import { constants, promises as fsp } from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { MEDIA_DIR, resolveInside } from '../library/paths';
import { parseRange } from '../util/byte-range';

export type MediaPathResult =
  | { ok: true; path: string }
  | { ok: false; status: 400 | 403 | 404; reason: string };

export interface ServedFile {
  status: 200 | 206 | 304 | 416 | 404;
  headers: Record<string, string>;
  /** Absent for 304/404/416. The caller pipes it, or destroys it (HEAD). */
  body?: Readable;
}

const CONTENT_TYPES: Record<string, string> = {
  '.mp4': 'video/mp4',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.webp': 'image/webp',
};

export const contentTypeOf = (file: string): string | undefined => CONTENT_TYPES[path.extname(file).toLowerCase()];

/**
 * `rel` is the percent-encoded path after the media prefix (`media/<id>/video.mp4`). It is decoded
 * exactly once; anything that could name a file outside `<library>/media` is refused — `..`
 * segments (also encoded), absolute paths, NUL, backslashes on POSIX — and so is a symlink whose
 * target lies outside the library. Only media types the app writes are served.
 */
export async function resolveMediaPath(libraryDir: string, rel: string): Promise<MediaPathResult> {
  const refuse = (status: 400 | 403 | 404, reason: string): MediaPathResult => ({ ok: false, status, reason });
  let decoded: string;
  try {
    decoded = decodeURIComponent(rel);
  } catch {
    return refuse(400, 'malformed percent-encoding');
  }
  if (decoded.includes('\0')) return refuse(400, 'NUL byte');
  if (path.sep === '/' && decoded.includes('\\')) return refuse(400, 'backslash');
  if (path.posix.isAbsolute(decoded) || path.win32.isAbsolute(decoded) || /^[A-Za-z]:/.test(decoded)) {
    return refuse(403, 'absolute path');
  }
  const segments = decoded.split(/[\\/]/);
  if (segments.some((s) => s === '..' || s === '.')) return refuse(403, 'dot segment');
  if (segments[0] !== MEDIA_DIR) return refuse(403, 'outside the media folder');
  if (!contentTypeOf(decoded)) return refuse(404, 'not a media file');

  let candidate: string;
  try {
    candidate = resolveInside(libraryDir, decoded);
  } catch {
    return refuse(403, 'outside the library');
  }
  // Symlinks are followed only if they stay inside the library (compare real paths on both sides).
  let real: string;
  let realRoot: string;
  try {
    [real, realRoot] = await Promise.all([fsp.realpath(candidate), fsp.realpath(libraryDir)]);
  } catch {
    return refuse(404, 'no such file');
  }
  const back = path.relative(path.join(realRoot, MEDIA_DIR), real);
  if (back === '' || back === '..' || back.startsWith(`..${path.sep}`) || path.isAbsolute(back)) {
    return refuse(403, 'symlink leaves the library');
  }
  return { ok: true, path: real };
}

/** The request headers serveFile answers (each as sent, or absent). */
export interface MediaRequestHeaders {
  range?: string;
  ifNoneMatch?: string;
  ifRange?: string;
}

/**
 * Streams `absPath` (never buffered) honouring one `Range: bytes=…` request. Every answer carries an
 * ETag of the file's identity (size, modification time, inode) and `no-cache`: the browser asks again
 * each time, and a file it already holds costs a 304 instead of its bytes — a Library scrolled back
 * over re-requests thousands of thumbnails. A replaced file has a new ETag, so nothing stale is shown.
 */
export async function serveFile(absPath: string, request: MediaRequestHeaders): Promise<ServedFile> {
  const contentType = contentTypeOf(absPath) ?? 'application/octet-stream';
  let handle: fsp.FileHandle;
  try {
    // O_NOFOLLOW: resolveMediaPath hands us a real path; a symlink swapped in since then is refused.
    handle = await fsp.open(absPath, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
  } catch {
    return notFound();
  }
  let size: number;
  let etag: string;
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) {
      await handle.close();
      return notFound();
    }
    size = stat.size;
    etag = `"${[stat.size, Math.trunc(stat.mtimeMs), stat.ino].map((n) => n.toString(36)).join('-')}"`;
  } catch {
    await handle.close();
    return notFound();
  }

  const base = {
    'Content-Type': contentType,
    'Accept-Ranges': 'bytes',
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-cache',
    ETag: etag,
  };
  if (matchesEtag(request.ifNoneMatch, etag)) {
    await handle.close();
    return { status: 304, headers: base };
  }
  // If-Range: the range only if the browser's partial copy is of this very file (a strong match;
  // a date or another tag means "send it all"), so old and new bytes are never stitched together.
  const rangeApplies = request.ifRange === undefined || request.ifRange === etag;
  const range = parseRange(rangeApplies ? request.range : undefined, size);
  if (range.kind === 'unsatisfiable') {
    await handle.close();
    return { status: 416, headers: { ...base, 'Content-Range': `bytes */${size}`, 'Content-Length': '0' } };
  }
  if (range.kind === 'partial') {
    const body = handle.createReadStream({ start: range.start, end: range.end - 1 });
    return {
      status: 206,
      headers: {
        ...base,
        'Content-Range': `bytes ${range.start}-${range.end - 1}/${size}`,
        'Content-Length': String(range.end - range.start),
      },
      body,
    };
  }
  return { status: 200, headers: { ...base, 'Content-Length': String(size) }, body: handle.createReadStream() };
}

/** If-None-Match: `*` or a list of (possibly weak) tags; compared weakly, as RFC 9110 §13.1.2 says. */
function matchesEtag(header: string | undefined, etag: string): boolean {
  if (header === undefined || header.length > 4096) return false;
  return header.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t.replace(/^W\//, '') === etag;
  });
}

const notFound = (): ServedFile => ({
  status: 404,
  headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' },
});
