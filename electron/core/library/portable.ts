// Portable library, export side: a selection (or all) of the library copied into a plain folder
// that another machine can import (see portable-format.ts for the layout, portable-import.ts for
// the other half). Every file lands by copy → fsync → rename, and index.json is written LAST, so an
// interrupted export is never mistaken for a complete one. A destination that is not empty is
// refused unless it is a previous export, which is then replaced.
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import type { JobRecord } from '../../../shared/domain';
import { writeFileAtomic } from '../fs/atomic';
import { makeExportFolder } from './export-folder';
import { isSafeSegment } from './paths';
import {
  copyFileDurably,
  describeFsError,
  INDEX_FILE,
  inputFileName,
  PICTURE_FILES,
  isInsideOrSame,
  jobFolder,
  JOBS_DIR,
  PORTABLE_FORMAT,
  PORTABLE_VERSION,
  VIDEO_FILE,
  type PortableIndex,
  type PortableProgress,
} from './portable-format';
import { writeSidecar } from './sidecar';
import type { LibraryStore } from './store';
import { say } from '../../../shared/i18n/messages';
import { SaidError } from '../util/said';

export { importLibrary, type ImportResult } from './portable-import';
export type { PortableProgress } from './portable-format';

export interface ExportResult {
  exported: number;
  dest: string;
  /** Jobs left out, one sentence each (a missing video file, an unknown id…). */
  problems: string[];
}

export async function exportLibrary(
  store: LibraryStore,
  ids: readonly string[] | 'all',
  destDir: string,
  onProgress?: (p: PortableProgress) => void,
): Promise<ExportResult> {
  if (!path.isAbsolute(destDir)) throw new SaidError(say('app.portable.exportNotAbsolute', { path: destDir }));
  const dest = path.resolve(destDir);
  if (isInsideOrSame(store.dir, dest) || isInsideOrSame(dest, store.dir)) {
    throw new SaidError(say('app.portable.exportInsideLibrary', { path: store.dir }));
  }
  await prepareDestination(dest);

  const problems: string[] = [];
  const records: JobRecord[] = [];
  if (ids === 'all') records.push(...store.list({ sort: 'oldest' }));
  else {
    for (const id of new Set(ids)) {
      const record = store.get(id);
      if (record) records.push(record);
      else problems.push(`Job ${id} is no longer in the library, so it was not exported.`);
    }
  }

  const exported: JobRecord[] = [];
  let done = 0;
  for (const record of records) {
    try {
      exported.push(await exportJob(store, record, dest));
    } catch (error) {
      problems.push(`Job ${record.id} was not exported: ${describeFsError(error)}.`);
      await fsp.rm(path.join(dest, ...jobFolder(record).split('/')), { recursive: true, force: true }).catch(() => undefined);
    }
    onProgress?.({ phase: 'export', done: ++done, total: records.length, id: record.id });
  }

  const index: PortableIndex = { format: PORTABLE_FORMAT, version: PORTABLE_VERSION, exportedAt: new Date().toISOString(), jobs: exported };
  await writeFileAtomic(path.join(dest, INDEX_FILE), `${JSON.stringify(index, null, 2)}\n`);
  await removeStaleJobFolders(dest, new Set(exported.map((r) => jobFolder(r).slice(JOBS_DIR.length + 1))));
  return { exported: exported.length, dest, problems };
}

/** Creates the folder (never in /proc, /sys, /dev), then refuses anything non-empty that is not one of our own exports. */
async function prepareDestination(dest: string): Promise<void> {
  const info = await fsp.stat(dest).catch(() => undefined);
  if (info !== undefined && !info.isDirectory()) throw new SaidError(say('app.portable.exportIsFile', { path: dest }));
  await makeExportFolder(dest);
  const entries = await fsp.readdir(dest);
  if (entries.length === 0 || (await isPreviousExport(dest))) return;
  throw new SaidError(say('app.portable.exportNotEmpty', { path: dest }));
}

async function isPreviousExport(dest: string): Promise<boolean> {
  try {
    const parsed: unknown = JSON.parse(await fsp.readFile(path.join(dest, INDEX_FILE), 'utf8'));
    return typeof parsed === 'object' && parsed !== null && (parsed as { format?: unknown }).format === PORTABLE_FORMAT;
  } catch {
    return false;
  }
}

/** Copies one job's files into its job folder and returns its record with export-relative paths. */
async function exportJob(store: LibraryStore, record: JobRecord, dest: string): Promise<JobRecord> {
  const folder = jobFolder(record);
  const absFolder = path.join(dest, ...folder.split('/'));
  await makeExportFolder(absFolder);
  const copy = async (libraryRel: string, name: string): Promise<string> => {
    await copyFileDurably(store.resolve(libraryRel), path.join(absFolder, name));
    return `${folder}/${name}`;
  };

  // The poster is not exported: the importing library makes its own from the video.
  const { posterPath: _poster, ...rest } = record;
  const out: JobRecord = rest;
  if (record.videoPath !== undefined) {
    out.videoPath = await copy(record.videoPath, VIDEO_FILE);
    await writeSidecar(path.join(absFolder, VIDEO_FILE), record); // → video.json
  }
  for (const { field, stem, thumb } of PICTURE_FILES) {
    const picture = record[field];
    if (picture?.kind !== 'file') continue;
    const copied = { ...picture, path: await copy(picture.path, inputFileName(picture.mime, stem)) };
    if (picture.thumbPath !== undefined) copied.thumbPath = await copy(picture.thumbPath, thumb);
    out[field] = copied;
  }
  return out;
}

/** Re-exporting into a previous export: folders of jobs no longer listed go, once index.json no longer names them. */
async function removeStaleJobFolders(dest: string, keep: Set<string>): Promise<void> {
  const jobsDir = path.join(dest, JOBS_DIR);
  const names = await fsp.readdir(jobsDir).catch(() => [] as string[]);
  for (const name of names) {
    if (keep.has(name) || !isSafeSegment(name)) continue;
    await fsp.rm(path.join(jobsDir, name), { recursive: true, force: true });
  }
}
