// Portable library, import side. The folder comes from another machine, so everything in it is
// untrusted: index.json is validated with zod, each job on its own (one bad entry is a problem, not
// a failed import); every path must stay inside the export folder (no "..", no absolute paths, no
// symlinks); a video must be exactly as long as its record says. Merging never duplicates: a job
// whose id — or whose request id — is already in the library is skipped.
//
// One job is imported at a time, media first and record last: the files land in media/<id>/ by
// copy → fsync → rename, and only then is the record put. If anything fails the folder is removed;
// a crash in between leaves media without a record, which the library sweeps on its next open.
//
// An imported job is history, never something this machine talks to a server about: its queue URLs,
// API base and result address are dropped (they could name any server — with "Check again" that
// used to hand the user's key to whoever wrote the file), unfinished and outcome-unknown jobs become
// plain failed records with a note (no "Check again", nothing to resume), and an id that is not a
// UUID (as every id this app creates is) gets a fresh one, so names like "constructor" or
// "__proto__" never become keys anywhere. Every string is bounded when the store saves it.
import { randomUUID } from 'node:crypto';
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { isFinalState, JobRecordSchema, type JobRecord } from '../../../shared/domain';
import { isSafeSegment, resolveInside } from './paths';
import {
  copyFileDurably,
  describeFsError,
  INDEX_FILE,
  inputFileName,
  PICTURE_FILES,
  isInsideOrSame,
  PortableIndexSchema,
  VIDEO_FILE,
  type PortableProgress,
} from './portable-format';
import { checkFreeSpace, checkImportedVideo, checkJobCount, declaredBytes, indexTooLarge, MAX_IMPORT_INDEX_BYTES } from './portable-limits';
import type { LibraryStore } from './store';
import { say } from '../../../shared/i18n/messages';
import { SaidError } from '../util/said';

export interface ImportResult {
  imported: number;
  /** Already in this library (same job id or same request id). */
  skipped: number;
  /** Jobs left out, one sentence each. */
  problems: string[];
}

export const UNFINISHED_IMPORT_NOTE =
  'This job had not finished when it was exported from another library, so it was imported as failed. Its video is not part of the export.';

export const OUTCOME_UNKNOWN_IMPORT_NOTE =
  'This job was imported from another library, where it may or may not have been queued. It cannot be checked from here: look at that library\'s provider dashboard.';

/** What imported records say instead of the API base they were sent to (it is not kept). */
export const IMPORTED_API_BASE = '';

const UUID_SHAPE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuidShaped = (id: string): boolean => UUID_SHAPE.test(id);

export async function importLibrary(
  store: LibraryStore,
  srcDir: string,
  onProgress?: (p: PortableProgress) => void,
): Promise<ImportResult> {
  if (!path.isAbsolute(srcDir)) throw new SaidError(say('app.portable.importNotAbsolute', { path: srcDir }));
  const src = path.resolve(srcDir);
  if (isInsideOrSame(store.dir, src)) throw new SaidError(say('app.portable.importInsideLibrary'));
  const realRoot = await realFolder(src);
  const jobs = await readIndex(src);
  // Before a byte is copied: what the index says it weighs must fit (each job is checked again below).
  await checkFreeSpace(store.dir, declaredBytes(jobs));

  const knownRequestIds = new Set(store.summaries().flatMap((r) => (r.requestId !== undefined ? [r.requestId] : [])));
  const seen = new Set<string>();
  const newIds = new Map<string, string>();
  const videoFiles = new Set<string>();
  const result: ImportResult = { imported: 0, skipped: 0, problems: [] };
  let done = 0;
  for (const [i, raw] of jobs.entries()) {
    const outcome = await importOne(store, raw, i, { src, realRoot, seen, knownRequestIds, newIds, videoFiles });
    if (outcome === 'imported') result.imported++;
    else if (outcome === 'skipped') result.skipped++;
    else result.problems.push(outcome.problem);
    onProgress?.({ phase: 'import', done: ++done, total: jobs.length });
  }
  return result;
}

async function realFolder(src: string): Promise<string> {
  try {
    const real = await fsp.realpath(src);
    if (!(await fsp.stat(real)).isDirectory()) throw new SaidError(say('app.portable.importIsFile', { path: src }));
    return real;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new SaidError(say('app.portable.importMissing', { path: src }), { cause: error });
    throw error;
  }
}

async function readIndex(src: string): Promise<unknown[]> {
  const indexPath = path.join(src, INDEX_FILE);
  const notExport = `${src} is not a Veo Studio library export`;
  const info = await fsp.lstat(indexPath).catch(() => undefined);
  if (!info) throw new SaidError(say('app.portable.notExport', { path: src, why: 'noIndex', index: INDEX_FILE }));
  if (!info.isFile()) throw new SaidError(say('app.portable.notExport', { path: src, why: 'notFile', index: INDEX_FILE }));
  if (info.size > MAX_IMPORT_INDEX_BYTES) throw indexTooLarge();
  const text = await readAtMost(indexPath, MAX_IMPORT_INDEX_BYTES);
  if (text === undefined) throw indexTooLarge(); // it grew since the lstat
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new SaidError(say('app.portable.notExport', { path: src, why: 'notJson', index: INDEX_FILE }));
  }
  checkJobCount(parsed);
  const index = PortableIndexSchema.safeParse(parsed);
  if (!index.success) {
    const issue = index.error.issues[0];
    throw new Error(`${notExport}: ${issue?.path.join('.') || INDEX_FILE} ${issue?.message ?? 'is invalid'}.`);
  }
  return index.data.jobs;
}

/** The file as text, or undefined when it is longer than `max` bytes (never reads more than max + 1). */
async function readAtMost(file: string, max: number): Promise<string | undefined> {
  const handle = await fsp.open(file, 'r');
  try {
    const buffer = Buffer.alloc(max + 1);
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length > max) return undefined;
    }
    return buffer.toString('utf8', 0, length);
  } finally {
    await handle.close();
  }
}

interface ImportContext {
  src: string;
  realRoot: string;
  seen: Set<string>;
  knownRequestIds: Set<string>;
  /** Ids that were not UUID-shaped, and the ids they were given here (parents follow their children). */
  newIds: Map<string, string>;
  /** Video files already taken (device:inode): one small file named by many records must not fill the disk. */
  videoFiles: Set<string>;
}

type Outcome = 'imported' | 'skipped' | { problem: string };

async function importOne(store: LibraryStore, raw: unknown, i: number, ctx: ImportContext): Promise<Outcome> {
  const parsed = JobRecordSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? ` (${issue.path.join('.')})` : '';
    return { problem: `Entry ${i + 1} is not a valid job record: ${issue?.message ?? 'invalid'}${where}.` };
  }
  const given = parsed.data;
  const name = `Job ${JSON.stringify(given.id).slice(0, 140)}`;
  if (ctx.seen.has(given.id)) return { problem: `${name} is listed twice in ${INDEX_FILE}; only the first was used.` };
  ctx.seen.add(given.id);
  if (isUuidShaped(given.id) && store.get(given.id) !== undefined) return 'skipped';
  const record = asHistory(given, ctx.newIds);
  if (!isSafeSegment(record.id)) return { problem: `${name} has an id that cannot be used as a folder name.` };
  if (record.requestId !== undefined && ctx.knownRequestIds.has(record.requestId)) return 'skipped';
  if (record.state === 'completed' && record.videoPath === undefined) return { problem: `${name} is completed but has no video.` };

  let sources: Sources;
  try {
    sources = await locateSources(record, ctx);
  } catch (error) {
    return { problem: `${name} was not imported: ${(error as Error).message}` };
  }

  const mediaDir = store.mediaDir(record.id);
  try {
    await checkFreeSpace(store.dir, sources.bytes);
  } catch (error) {
    return { problem: `${name} was not imported: ${(error as Error).message}` };
  }
  try {
    await fsp.mkdir(mediaDir, { recursive: true });
    const copyIn = async (from: string, fileName: string): Promise<string> => {
      const to = path.join(mediaDir, fileName);
      await copyFileDurably(from, to);
      return store.relative(to);
    };
    // Marked, so this machine's spend ledger never counts a job someone else paid for.
    const next: JobRecord = { ...record, importedAt: new Date().toISOString() };
    if (sources.video) next.videoPath = await copyIn(sources.video, VIDEO_FILE);
    for (const { field, stem, thumb } of PICTURE_FILES) {
      const picture = record[field];
      const from = sources.pictures[field];
      if (picture?.kind !== 'file' || !from) continue;
      const copied = { ...picture, path: await copyIn(from.file, inputFileName(picture.mime, stem)) };
      if (from.thumb) copied.thumbPath = await copyIn(from.thumb, thumb);
      next[field] = copied;
    }
    await store.put(next);
  } catch (error) {
    await fsp.rm(mediaDir, { recursive: true, force: true }).catch(() => undefined);
    return { problem: `${name} was not imported: ${describeFsError(error)}.` };
  }
  if (record.requestId !== undefined) ctx.knownRequestIds.add(record.requestId);
  return 'imported';
}

interface Sources {
  /** What copying them all writes. */
  bytes: number;
  video?: string;
  /** The input picture and (first–last-frame jobs) the last frame, with their thumbnails. */
  pictures: Partial<Record<(typeof PICTURE_FILES)[number]['field'], { file: string; thumb?: string }>>;
}

/** Checks every file the record names before anything is copied: confined, regular, right size. */
async function locateSources(record: JobRecord, ctx: ImportContext): Promise<Sources> {
  const sources: Sources = { bytes: 0, pictures: {} };
  let videoIdentity: string | undefined;
  const sizeOf = async (file: string): Promise<number> => (await fsp.stat(file)).size;
  if (record.videoPath !== undefined) {
    sources.video = await confinedFile(ctx, record.videoPath);
    const st = await fsp.stat(sources.video);
    const size = st.size;
    videoIdentity = `${st.dev}:${st.ino}`;
    if (ctx.videoFiles.has(videoIdentity)) throw new Error('its video is the same file as another job’s in this export (an export gives every job its own).');
    if (record.videoBytes !== undefined && size !== record.videoBytes) {
      throw new Error(`its video is ${size} bytes but the index says ${record.videoBytes} (a partial or changed copy).`);
    }
    await checkImportedVideo(sources.video, size);
    sources.bytes += size;
  }
  for (const { field } of PICTURE_FILES) {
    const picture = record[field];
    if (picture?.kind !== 'file') continue;
    const found: { file: string; thumb?: string } = { file: await confinedFile(ctx, picture.path) };
    sources.bytes += await sizeOf(found.file);
    if (picture.thumbPath !== undefined) {
      found.thumb = await confinedFile(ctx, picture.thumbPath);
      sources.bytes += await sizeOf(found.thumb);
    }
    sources.pictures[field] = found;
  }
  // Taken only once every file of this record checked out: a refused record claims nothing.
  if (videoIdentity !== undefined) ctx.videoFiles.add(videoIdentity);
  return sources;
}

/** The absolute path of a regular file inside the export folder — never through a symlink. */
async function confinedFile(ctx: ImportContext, rel: string): Promise<string> {
  const abs = resolveInside(ctx.src, rel); // refuses absolute paths, "..", NUL bytes
  const info = await fsp.lstat(abs).catch(() => undefined);
  if (!info) throw new Error(`the file ${JSON.stringify(rel)} is missing from the export.`);
  if (info.isSymbolicLink()) throw new Error(`${JSON.stringify(rel)} is a symbolic link; only plain files are imported.`);
  if (!info.isFile()) throw new Error(`${JSON.stringify(rel)} is not a file.`);
  // A symlinked parent folder would pass the lstat above: compare real locations too.
  const real = await fsp.realpath(abs);
  if (!isInsideOrSame(ctx.realRoot, real) || real === ctx.realRoot) {
    throw new Error(`${JSON.stringify(rel)} points outside the export folder.`);
  }
  return real;
}

/**
 * The record as this library keeps it: a UUID id (re-issued if needed), no server addresses, and
 * nothing left that would make the runner or "Check again" contact a server. File paths still name
 * the export's files; they are replaced by the copies once those are made.
 */
function asHistory(given: JobRecord, newIds: Map<string, string>): JobRecord {
  const idFor = (old: string): string => {
    if (isUuidShaped(old)) return old.toLowerCase();
    let fresh = newIds.get(old);
    if (fresh === undefined) newIds.set(old, (fresh = randomUUID()));
    return fresh;
  };
  // posterPath is dropped: it would name a file of this library, not the export's; a poster is made here.
  const { urls: _urls, result, parentId, posterPath: _posterPath, ...rest } = given;
  const record: JobRecord = { ...rest, id: idFor(given.id), apiBase: IMPORTED_API_BASE, cancelRequested: false };
  if (parentId !== undefined) record.parentId = idFor(parentId);
  // A finished video's result is kept for its metadata; anyone else's would point the downloader somewhere.
  if (result !== undefined && given.state === 'completed') record.result = result;
  if (!isFinalState(record.state)) return asFailed(record);
  if (record.error?.kind === 'outcome_unknown') {
    record.error = { ...record.error, kind: 'unknown', message: OUTCOME_UNKNOWN_IMPORT_NOTE, detail: record.error.message };
  }
  return record;
}

function asFailed(record: JobRecord): JobRecord {
  const { queuePosition: _queuePosition, ...rest } = record;
  return {
    ...rest,
    state: 'failed',
    cancelRequested: false,
    error: {
      kind: 'unknown',
      message: UNFINISHED_IMPORT_NOTE,
      ...(record.requestId !== undefined ? { requestId: record.requestId } : {}),
      detail: `State when exported: ${record.state}`,
    },
    finishedAt: record.finishedAt ?? new Date().toISOString(),
  };
}
