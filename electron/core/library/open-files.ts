// What opening a library does on disk before a LibraryStore exists: take the lock, sweep temp
// leftovers, open the database (migrating an old journal into it on first open), finish moves a
// crash cut short, move record-less media aside (never delete) and empty the trash. A read-only open
// (`cli list`/`show`) takes no lock and only reads — SQLite in WAL lets a reader run beside the one
// writer (the open app) — so nothing is moved, cleaned or written; a journal not yet migrated is read
// into an in-memory table instead.
import { existsSync, promises as fsp } from 'node:fs';
import path from 'node:path';
import { removeTempFiles } from '../fs/atomic';
import { JobTable } from './job-table';
import { hasUnmigratedJournal, migrateJournal, type JournalOutcome } from './journal-import';
import { acquireLibraryLock, type LibraryLock } from './lock';
import { quarantineOrphanMedia, restoreQuarantinedMedia } from './orphans';
import { DATABASE_FILE } from './paths';
import { finishInterruptedRebuild, rebuildDamagedTable } from './repair';
import { isCorruption } from './salvage';
import type { LibraryProblem } from './row-check';
import { purgeTrash, recoverInterruptedMoves } from './trash';

export interface LibraryOpenOptions {
  /** Told about every record that could not be read (also kept in `store.problems` when found on open). */
  onProblem?: (problem: LibraryProblem) => void;
  /**
   * For commands that only look (`cli list`, `cli show`): no writer lock is taken (they run while the
   * app is open) and nothing on disk is moved, cleaned or written — no temp-file sweep, no quarantine, no trash purge, no migration — and every write is refused.
   */
  readOnly?: boolean;
}

async function openTable(root: string, readOnly: boolean): Promise<{ table: JobTable } & JournalOutcome> {
  const file = path.join(root, DATABASE_FILE);
  if (!readOnly) {
    finishInterruptedRebuild(root);
    const table = JobTable.open(file, false);
    try {
      return { table, ...(await migrateJournal(root, table, false)) };
    } catch (error) {
      table.close();
      throw error;
    }
  }
  const onDisk = existsSync(file) ? JobTable.open(file, true) : undefined;
  if (onDisk !== undefined && !hasUnmigratedJournal(root, onDisk)) return { table: onDisk, problems: [], keepMedia: true };
  onDisk?.close();
  const table = JobTable.open(':memory:', false);
  return { table, ...(await migrateJournal(root, table, true)) };
}

/** What a reader holds: nothing, so the app (the writer) is never locked out by a look. */
const NO_LOCK: LibraryLock = { release: () => Promise.resolve(), releaseNow: () => undefined };

export async function openLibraryFiles(dir: string, opts: LibraryOpenOptions) {
  const root = path.resolve(dir);
  await fsp.mkdir(root, { recursive: true });
  const lock = opts.readOnly ? NO_LOCK : await acquireLibraryLock(root);
  try {
    if (!opts.readOnly) await removeTempFiles(root);
    const opened = await openTable(root, opts.readOnly === true);
    const report = (problem: LibraryProblem): void => {
      try {
        opts.onProblem?.(problem);
      } catch (error) {
        console.error('LibraryStore: onProblem listener failed', error);
      }
    };
    const { problems, keepMedia } = opened;
    let table = opened.table;
    problems.forEach(report);
    if (!opts.readOnly) {
      try {
        // A damaged page met here is repaired as the store would (repair.ts): opening never fails on it.
        const known = (id: string): boolean => {
          try {
            return table.has(id);
          } catch (error) {
            if (!isCorruption(error)) throw error;
            const repaired = rebuildDamagedTable(root, table, false);
            table = repaired.table;
            problems.push(repaired.problem);
            report(repaired.problem);
            return table.has(id);
          }
        };
        await recoverInterruptedMoves(root, known);
        for (const id of await restoreQuarantinedMedia(root, known)) {
          problems.push({ line: 0, reason: `the media of job ${id} was in quarantine/ although its job is in the library; it was moved back to media/${id}` });
          report(problems[problems.length - 1] as LibraryProblem);
        }
        // An empty database in a folder that held a library: every folder would look orphaned.
        for (const q of keepMedia ? [] : await quarantineOrphanMedia(root, known)) {
          // line 0: not a record, a folder.
          problems.push({ line: 0, reason: `media/${q.id} belongs to no readable job; it was moved to ${q.movedTo} (nothing was deleted)` });
          report(problems[problems.length - 1] as LibraryProblem);
        }
        await purgeTrash(root);
      } catch (error) {
        table.close();
        throw error;
      }
    }
    return { root, lock, table, problems, report };
  } catch (error) {
    await lock.release();
    throw error;
  }
}
