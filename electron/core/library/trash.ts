// Delete with a way back: a deleted job's media folder moves to trash/<id> together with the record
// (record.json), so undo can restore both. The trash is emptied when the library opens and closes,
// i.e. "undo works until the app closes". Every step is ordered so that a crash half-way leaves a
// state `recoverInterruptedMoves` can put right on the next open.
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { JobRecordSchema, type JobRecord } from '../../../shared/domain';
import { fsyncDirectory, writeFileAtomic } from '../fs/atomic';
import { isSafeSegment, MEDIA_DIR, TRASH_DIR, TRASHED_RECORD_FILE } from './paths';

const isMissing = (error: unknown): boolean => (error as NodeJS.ErrnoException).code === 'ENOENT';

export function trashDirFor(root: string, id: string): string {
  return path.join(root, TRASH_DIR, id);
}

function mediaDirFor(root: string, id: string): string {
  return path.join(root, MEDIA_DIR, id);
}

/**
 * Step 1 of a delete (the caller appends the journal's del line afterwards): media/<id> → trash/<id>,
 * plus trash/<id>/record.json. If the process dies before the del line is written, the record is
 * still live and the next open moves the media back.
 */
export async function moveToTrash(root: string, record: JobRecord): Promise<void> {
  const trashDir = trashDirFor(root, record.id);
  const mediaDir = mediaDirFor(root, record.id);
  await fsp.rm(trashDir, { recursive: true, force: true }); // a leftover of an interrupted purge
  await fsp.mkdir(path.dirname(trashDir), { recursive: true });
  let movedMedia = true;
  try {
    await fsp.rename(mediaDir, trashDir);
  } catch (error) {
    if (!isMissing(error)) throw error;
    movedMedia = false;
    await fsp.mkdir(trashDir);
  }
  try {
    await writeFileAtomic(path.join(trashDir, TRASHED_RECORD_FILE), JSON.stringify(record));
    if (movedMedia) await fsyncDirectory(path.dirname(mediaDir));
  } catch (error) {
    await moveMediaBack(root, record.id);
    throw error;
  }
}

/** The record kept in the trash for `id`, validated; undefined when there is nothing to undo. */
export async function readTrashedRecord(root: string, id: string): Promise<JobRecord | undefined> {
  let text: string;
  try {
    text = await fsp.readFile(path.join(trashDirFor(root, id), TRASHED_RECORD_FILE), 'utf8');
  } catch (error) {
    if (isMissing(error)) return undefined;
    throw error;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error(`The trashed copy of job ${id} is damaged (not valid JSON); it cannot be restored.`);
  }
  const parsed = JobRecordSchema.safeParse(json);
  if (!parsed.success || parsed.data.id !== id) {
    throw new Error(`The trashed copy of job ${id} is damaged (not a valid job record); it cannot be restored.`);
  }
  return parsed.data;
}

/**
 * trash/<id> → media/<id>, dropping record.json. Used by undo (after the put line is durable) and by
 * crash recovery. If media/<id> already exists (written after the delete), the trashed files are
 * moved into it one by one without overwriting anything newer.
 */
export async function moveMediaBack(root: string, id: string): Promise<void> {
  const trashDir = trashDirFor(root, id);
  const mediaDir = mediaDirFor(root, id);
  await fsp.rm(path.join(trashDir, TRASHED_RECORD_FILE), { force: true });
  await fsp.mkdir(path.dirname(mediaDir), { recursive: true });
  try {
    await fsp.rename(trashDir, mediaDir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (isMissing(error)) return;
    if (code !== 'ENOTEMPTY' && code !== 'EEXIST' && code !== 'EPERM') throw error;
    for (const name of await fsp.readdir(trashDir)) {
      const target = path.join(mediaDir, name);
      const exists = await fsp.stat(target).then(() => true, () => false);
      if (!exists) await fsp.rename(path.join(trashDir, name), target);
    }
    await fsp.rm(trashDir, { recursive: true, force: true });
  }
  await fsyncDirectory(path.dirname(mediaDir));
}

/** Trash folders whose record is still live are deletes (or undos) cut short by a crash: finish them. */
export async function recoverInterruptedMoves(root: string, isLive: (id: string) => boolean): Promise<void> {
  let names: string[];
  try {
    names = await fsp.readdir(path.join(root, TRASH_DIR));
  } catch (error) {
    if (isMissing(error)) return;
    throw error;
  }
  for (const name of names) {
    if (isSafeSegment(name) && isLive(name)) await moveMediaBack(root, name);
  }
}

/** Removes everything in the trash; from here on those deletes are final. */
export async function purgeTrash(root: string): Promise<void> {
  const trashRoot = path.join(root, TRASH_DIR);
  let names: string[];
  try {
    names = await fsp.readdir(trashRoot);
  } catch (error) {
    if (isMissing(error)) return;
    throw error;
  }
  await Promise.all(names.map((name) => fsp.rm(path.join(trashRoot, name), { recursive: true, force: true })));
}
