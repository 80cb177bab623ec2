// Where things live inside a library folder, and the one check that keeps every lookup inside it.
// Records store paths relative to the library (forward slashes) so a library can be moved or synced
// between machines; the desktop media protocol resolves untrusted paths through `resolveInside`.
import path from 'node:path';

/** The library's jobs (job-table.ts), with its -wal and -shm files beside it. */
export const DATABASE_FILE = 'library.db';
/** The journal of earlier versions: migrated into the database on first open (journal-import.ts). */
export const JOURNAL_FILE = 'library.jsonl';
export const LOCK_FILE = 'library.lock';
export const MEDIA_DIR = 'media';
export const TRASH_DIR = 'trash';
/** Media folders no readable record owns are moved here on open, never deleted (orphans.ts). */
export const QUARANTINE_DIR = 'quarantine';
export const TRASHED_RECORD_FILE = 'record.json';

// Ids and file names become path segments: allow a conservative, portable alphabet only
// (no separators, no leading dot, no Windows-reserved characters).
const SAFE_SEGMENT = /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}$/;

/**
 * Also refuses the names of Object.prototype's members ("constructor", "toString", "__proto__"…):
 * as an id such a name turns every plain-object lookup into a lookup of the prototype — it blanked
 * the app on every launch. The core keys by Map, but ids travel to every face.
 */
export function isSafeSegment(name: string): boolean {
  return SAFE_SEGMENT.test(name) && name !== '.' && name !== '..' && !(name in Object.prototype);
}

export function assertSafeId(id: string): void {
  if (!isSafeSegment(id)) {
    throw new Error(`"${id}" cannot be used as a job id: use letters, digits, "-", "_" or "." (at most 128).`);
  }
}

export function assertSafeFileName(name: string): void {
  if (!isSafeSegment(name)) {
    throw new Error(`"${name}" cannot be used as a media file name: use letters, digits, "-", "_" or ".".`);
  }
}

/**
 * Turns a library-relative path into an absolute one, refusing anything that could leave `root`:
 * absolute paths (POSIX, drive letters, UNC), any `..` segment (even one that would come back in),
 * NUL bytes, and the root itself. Both `/` and `\` count as separators so a record written on
 * Windows resolves the same on macOS. The input is NOT percent-decoded: `%2f` is a literal file-name
 * character here, so `..%2f` names a (missing) file inside the library. A URL-serving caller must
 * decode exactly once before calling this.
 */
export function resolveInside(root: string, rel: string): string {
  const refuse = (why: string): never => {
    throw new Error(`Refusing the media path "${rel}": ${why}.`);
  };
  if (typeof rel !== 'string' || rel.length === 0) refuse('it is empty');
  if (rel.includes('\0')) refuse('it contains a NUL byte');
  if (path.posix.isAbsolute(rel) || path.win32.isAbsolute(rel) || /^[A-Za-z]:/.test(rel)) {
    refuse('it is absolute, not relative to the library');
  }
  const segments = rel.split(/[\\/]+/).filter((s) => s !== '' && s !== '.');
  if (segments.some((s) => s === '..')) refuse('it points outside the library folder');
  if (segments.length === 0) refuse('it names the library folder itself');
  const absolute = path.join(root, ...segments);
  const back = path.relative(root, absolute);
  if (back === '' || escapes(back)) refuse('it points outside the library folder');
  return absolute;
}

function escapes(relFromRoot: string): boolean {
  return relFromRoot === '..' || relFromRoot.startsWith(`..${path.sep}`) || path.isAbsolute(relFromRoot);
}

/** The library-relative, forward-slash form of an absolute path inside `root`. */
export function relativeInside(root: string, absPath: string): string {
  const rel = path.relative(root, path.resolve(absPath));
  if (rel === '' || escapes(rel)) {
    throw new Error(`"${absPath}" is not inside the library folder ${root}.`);
  }
  return rel.split(path.sep).join('/');
}
