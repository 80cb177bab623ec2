// What opening a library does on disk before a LibraryStore exists: take the lock, sweep temp
// leftovers, replay the journal (summaries only), finish moves a crash cut short, move record-less
// media aside (never delete) and empty the trash. A read-only open (`cli list`/`show`) only takes the
// lock and reads: nothing is moved, cleaned or written.
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { removeTempFiles } from '../fs/atomic';
import { JournalWriter, type LibraryProblem } from './journal';
import { loadJournal } from './journal-records';
import { acquireLibraryLock } from './lock';
import { quarantineOrphanMedia } from './orphans';
import { JOURNAL_FILE } from './paths';
import { purgeTrash, recoverInterruptedMoves } from './trash';

export interface LibraryOpenOptions {
  /** Told about every journal line that could not be read (also kept in `store.problems`). */
  onProblem?: (problem: LibraryProblem) => void;
  /**
   * For commands that only look (`cli list`, `cli show`): nothing on disk is moved, cleaned or
   * written — no temp-file sweep, no quarantine, no trash purge — and every write is refused.
   */
  readOnly?: boolean;
}

export async function openLibraryFiles(dir: string, opts: LibraryOpenOptions) {
  const root = path.resolve(dir);
  await fsp.mkdir(root, { recursive: true });
  const lock = await acquireLibraryLock(root);
  try {
    if (!opts.readOnly) await removeTempFiles(root);
    const journalPath = path.join(root, JOURNAL_FILE);
    const { replay, index, records } = await loadJournal(journalPath);
    const report = (problem: LibraryProblem): void => {
      try {
        opts.onProblem?.(problem);
      } catch (error) {
        console.error('LibraryStore: onProblem listener failed', error);
      }
    };
    for (const { line, reason } of replay.rejected) report({ line, reason });
    const moved: LibraryProblem[] = [];
    if (!opts.readOnly) {
      const known = (id: string) => index.get(id) !== undefined;
      await recoverInterruptedMoves(root, known);
      for (const q of await quarantineOrphanMedia(root, known)) {
        // line 0: not a journal line, a folder.
        moved.push({ line: 0, reason: `media/${q.id} belongs to no readable job; it was moved to ${q.movedTo} (nothing was deleted)` });
      }
      moved.forEach(report);
      await purgeTrash(root);
    }
    const writer = await JournalWriter.open(journalPath, replay.endsMidLine);
    return { root, lock, replay, index, records, writer, moved, report };
  } catch (error) {
    await lock.release();
    throw error;
  }
}
