// Durable file primitives: write-then-rename so a crash never leaves a half-written file under its
// real name, and directory fsyncs so the rename itself survives a power cut. Generic on purpose: the
// library, the downloader and anything else that owns files on disk share them.
import { randomBytes } from 'node:crypto';
import { promises as fsp } from 'node:fs';
import path from 'node:path';

/** Suffix of every temporary file these helpers create; sweepers may delete `*.tmp` leftovers. */
export const TEMP_SUFFIX = '.tmp';

/** A sibling temp name that no other writer (in this or another process) will pick. */
export function tempPathFor(filePath: string): string {
  return `${filePath}.${process.pid}-${randomBytes(4).toString('hex')}${TEMP_SUFFIX}`;
}

/**
 * Makes a rename/create/unlink inside `dir` durable. Windows cannot open a directory for fsync (and
 * NTFS journals metadata anyway), so the platform-specific refusals are ignored there.
 */
export async function fsyncDirectory(dir: string): Promise<void> {
  let handle: fsp.FileHandle | undefined;
  try {
    handle = await fsp.open(dir, 'r');
    await handle.sync();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EISDIR' && code !== 'EPERM' && code !== 'EINVAL' && code !== 'EACCES') throw error;
  } finally {
    await handle?.close();
  }
}

/** Flushes a file's data to the disk (used before renaming a finished file into place). */
export async function fsyncFile(filePath: string): Promise<void> {
  const handle = await fsp.open(filePath, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** rename + fsync of the destination directory (and the source one when it differs). */
export async function renameDurable(from: string, to: string): Promise<void> {
  await fsp.rename(from, to);
  const toDir = path.dirname(to);
  await fsyncDirectory(toDir);
  const fromDir = path.dirname(from);
  if (fromDir !== toDir) await fsyncDirectory(fromDir);
}

/**
 * Writes `data` to `filePath` atomically: a sibling temp file is written and fsynced, then renamed
 * over the target, then the directory is fsynced. Readers see the old content or the new, never a mix.
 */
export async function writeFileAtomic(filePath: string, data: Uint8Array | string): Promise<void> {
  const tmp = tempPathFor(filePath);
  try {
    const handle = await fsp.open(tmp, 'w');
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fsp.rename(tmp, filePath);
  } catch (error) {
    await fsp.rm(tmp, { force: true });
    throw error;
  }
  await fsyncDirectory(path.dirname(filePath));
}

/** Removes `*.tmp` leftovers of interrupted atomic writes directly inside `dir`. Missing dir = no-op. */
export async function removeTempFiles(dir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await fsp.readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const stray = names.filter((n) => n.endsWith(TEMP_SUFFIX));
  await Promise.all(stray.map((n) => fsp.rm(path.join(dir, n), { force: true, recursive: true })));
  return stray;
}
