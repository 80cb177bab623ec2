// A media/<id> folder with no record behind it is either the input copy of a job that a crash cut
// short before its journal line was written, or the files of a job whose journal line no longer
// validates (damaged, hand-edited, from a newer version). The two cannot be told apart from here, and
// the second holds the user's own pictures — so nothing is ever deleted: open() moves such folders
// to quarantine/<id> (reported as a problem) where the user can look at them, and a read-only open
// (`cli list`, `cli show`) does not touch them at all.
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { removeTempFiles } from '../fs/atomic';
import { isSafeSegment, MEDIA_DIR, QUARANTINE_DIR } from './paths';

export interface QuarantinedFolder {
  id: string;
  /** Relative to the library, e.g. quarantine/<id> or quarantine/<id>-2. */
  movedTo: string;
}

/** Moves every media folder no live record owns into quarantine/. Runs under the library lock. */
export async function quarantineOrphanMedia(root: string, isLive: (id: string) => boolean): Promise<QuarantinedFolder[]> {
  const mediaRoot = path.join(root, MEDIA_DIR);
  let names: string[];
  try {
    names = await fsp.readdir(mediaRoot);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const moved: QuarantinedFolder[] = [];
  for (const name of names) {
    if (!isSafeSegment(name) || isLive(name)) continue;
    const dir = path.join(mediaRoot, name);
    // Half-written temp copies (a crash mid atomic write) are never anyone's only copy; an empty
    // folder holds nothing. Everything else is the user's and is moved, not removed.
    await removeTempFiles(dir);
    if ((await fsp.readdir(dir).catch(() => [])).length === 0) {
      await fsp.rmdir(dir).catch(() => undefined);
      continue;
    }
    await fsp.mkdir(path.join(root, QUARANTINE_DIR), { recursive: true });
    const movedTo = await freeName(root, name);
    await fsp.rename(path.join(mediaRoot, name), path.join(root, movedTo));
    moved.push({ id: name, movedTo: movedTo.split(path.sep).join('/') });
  }
  return moved;
}

/**
 * The way back: a quarantine/<id> (or <id>-2 …) folder whose job has a live record again — an older
 * version's journal merged after a downgrade — and no media/<id> goes home. Returns the ids moved.
 */
export async function restoreQuarantinedMedia(root: string, isLive: (id: string) => boolean): Promise<string[]> {
  const names = await fsp.readdir(path.join(root, QUARANTINE_DIR)).catch(() => [] as string[]);
  const restored: string[] = [];
  for (const name of names.sort()) {
    const id = isSafeSegment(name) && isLive(name) ? name : name.replace(/-\d+$/, '');
    if (!isSafeSegment(id) || !isLive(id)) continue;
    const home = path.join(root, MEDIA_DIR, id);
    if (await fsp.lstat(home).then(() => true, () => false)) continue;
    await fsp.mkdir(path.join(root, MEDIA_DIR), { recursive: true });
    await fsp.rename(path.join(root, QUARANTINE_DIR, name), home);
    restored.push(id);
  }
  return restored;
}

/** quarantine/<id>, or quarantine/<id>-2, -3… when an earlier open already put one there. */
async function freeName(root: string, id: string): Promise<string> {
  for (let n = 1; ; n++) {
    const candidate = path.join(QUARANTINE_DIR, n === 1 ? id : `${id}-${n}`);
    const taken = await fsp.lstat(path.join(root, candidate)).then(() => true, () => false);
    if (!taken) return candidate;
  }
}
