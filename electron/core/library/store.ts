// LibraryStore: the durable, offline history of every job, shared by the desktop app and the CLI.
// Disk layout (all record paths are relative to `dir`, so a library can move):
//   library.jsonl            append-only journal (see journal.ts), replayed on open
//   library.lock             pid of the one process allowed to write (see lock.ts)
//   library.rejected.jsonl   unreadable journal lines, moved aside by compaction
//   media/<id>/              input.<ext>, thumb.jpg, video.mp4
//   trash/<id>/              a deleted job's media + record.json until the library closes
//   quarantine/<id>/         media no readable record owns, moved aside on open (orphans.ts)
// Opening reads job summaries only; a job's full record is read back and validated the first time
// it is asked for (journal-records.ts). Writes are serialized on one promise chain so lines never
// interleave; a write resolves only once its line is fsynced, and memory is updated only after that,
// so memory never shows what the disk does not have.
import { existsSync, promises as fsp } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { JobRecordSchema, type JobRecord } from '../../../shared/domain';
import { toSummary, type JobSummary } from '../../../shared/job-summary';
import { writeFileAtomic } from '../fs/atomic';
import { Emitter } from '../util/emitter';
import {
  JournalWriter,
  type JournalOp,
  type LibraryProblem,
  type RecordSpan,
  type RejectedLine,
} from './journal';
import { compactJournal, shouldCompact } from './journal-compaction';
import type { JournalRecords } from './journal-records';
import type { LibraryLock } from './lock';
import { openLibraryFiles, type LibraryOpenOptions } from './open-files';
import { assertSafeFileName, assertSafeId, isSafeSegment, JOURNAL_FILE, MEDIA_DIR, relativeInside, resolveInside } from './paths';
import { boundRecord } from './record-bounds';
import { freezeRecord, type ListQuery, type RecordIndex } from './record-index';
import { moveMediaBack, moveToTrash, purgeTrash, readTrashedRecord, trashDirFor } from './trash';

export type { JobSummary, LibraryOpenOptions, LibraryProblem, ListQuery };

export type LibraryChange = { type: 'put'; record: JobRecord } | { type: 'delete'; id: string };

export class LibraryStore {
  /** Problems found in the journal when this library was opened. */
  readonly problems: readonly LibraryProblem[];
  private tail: Promise<unknown> = Promise.resolve();
  /** One listener throwing never stops the others from hearing a change. */
  private readonly changes = new Emitter<{ change: LibraryChange }>();
  private closing: Promise<void> | undefined;
  /** After a failed compaction, wait for this many journal lines before trying again. */
  private compactionRetryAt = 0;

  private constructor(
    readonly dir: string,
    private readonly index: RecordIndex,
    private readonly records: JournalRecords,
    private writer: JournalWriter,
    private lineCount: number,
    private rejected: RejectedLine[],
    private readonly lock: LibraryLock,
    private readonly readOnly: boolean,
    moved: readonly LibraryProblem[],
    private readonly report: (problem: LibraryProblem) => void,
  ) {
    this.problems = Object.freeze([...rejected.map(({ line, reason }) => Object.freeze({ line, reason })), ...moved]);
  }

  /** mkdir -p, take the lock, clear temp leftovers, replay the journal, finish cut-short moves, empty the trash. */
  static async open(dir: string, opts: LibraryOpenOptions = {}): Promise<LibraryStore> {
    const o = await openLibraryFiles(dir, opts);
    try {
      const store = new LibraryStore(o.root, o.index, o.records, o.writer, o.replay.lineCount, o.replay.rejected, o.lock, opts.readOnly === true, o.moved, o.report);
      // A journal from before summaries (or with damaged ones) is rewritten once, so the next open is fast.
      if (!opts.readOnly && o.replay.linesWithoutSummary > 0) await store.enqueue(() => store.compact());
      return store;
    } catch (error) {
      await o.lock.release();
      throw error;
    }
  }

  /** Full records, each read and validated on first use: for the few (unfinished jobs, an export). */
  list(query?: ListQuery): JobRecord[] {
    return this.index.list(query).flatMap((summary) => this.get(summary.id) ?? []);
  }

  /** What the Library grid shows and searches: validated summaries, no record read from disk. */
  summaries(query?: ListQuery): JobSummary[] {
    return this.index.list(query);
  }

  count(query?: Omit<ListQuery, 'limit' | 'offset'>): number {
    return this.index.count(query);
  }

  /** Records are frozen: change them through put/update, never in place. */
  get(id: string): JobRecord | undefined {
    if (this.index.get(id) === undefined) return undefined;
    const { record, problems } = this.records.read(id);
    if (problems.length > 0) {
      // The listed version does not read back: show the version that does (or none), say so, and let
      // compaction move the bad lines aside.
      this.rejected.push(...problems);
      for (const { line, reason } of problems) this.report({ line, reason });
      if (record === undefined) this.index.remove(id);
      else this.index.set(toSummary(record));
    }
    return record;
  }

  /** Validates (throws a readable Error if invalid), stamps updatedAt, resolves once durable. */
  put(record: JobRecord): Promise<JobRecord> {
    return this.enqueue(() => this.commitPut(record));
  }

  /** Applies a partial patch or a function of the current record (which must return a new object). */
  update(id: string, patch: Partial<JobRecord> | ((r: JobRecord) => JobRecord)): Promise<JobRecord> {
    return this.enqueue(async () => {
      const current = this.requireLive(id);
      const next = typeof patch === 'function' ? patch(current) : { ...current, ...patch };
      if (next.id !== id) throw new Error(`Cannot change the id of job ${id} to ${String(next.id)}.`);
      return this.commitPut(next);
    });
  }

  /** Moves the job's media to the trash and removes the record; undoDelete brings both back. */
  delete(id: string): Promise<void> {
    return this.enqueue(async () => {
      const record = this.requireLive(id);
      await moveToTrash(this.dir, record);
      try {
        await this.append({ op: 'del', id });
      } catch (error) {
        await moveMediaBack(this.dir, id);
        throw error;
      }
      this.index.remove(id);
      this.records.forget(id);
      this.changes.emit('change', { type: 'delete', id });
      await this.maybeCompact();
    });
  }

  /** Restores a job deleted since the library was opened (the trash is emptied on open and close). */
  undoDelete(id: string): Promise<JobRecord> {
    // The id names a folder under trash/: anything but a safe segment could point outside it.
    assertSafeId(id);
    return this.enqueue(async () => {
      if (this.index.get(id) !== undefined) throw new Error(`Job ${id} is not deleted, so there is nothing to undo.`);
      const record = await readTrashedRecord(this.dir, id);
      if (record === undefined) {
        throw new Error(`Job ${id} cannot be restored: it is not in the trash (the trash is emptied when the library closes).`);
      }
      // Record first, media second: a crash in between is finished by the next open (see trash.ts).
      const stored = this.remember(record, await this.append({ op: 'put', record }));
      await moveMediaBack(this.dir, id);
      this.changes.emit('change', { type: 'put', record: stored });
      await this.maybeCompact();
      return stored;
    });
  }

  purgeTrash(): Promise<void> {
    return this.enqueue(() => purgeTrash(this.dir));
  }

  /** True while a deleted job can still be restored. */
  isInTrash(id: string): boolean {
    return isSafeSegment(id) && existsSync(trashDirFor(this.dir, id));
  }

  /** Absolute folder for a job's files; writers create it on demand. */
  mediaDir(id: string): string {
    assertSafeId(id);
    return path.join(this.dir, MEDIA_DIR, id);
  }

  /** The library-relative form of an absolute path inside the library, for storing in records. */
  relative(absPath: string): string {
    return relativeInside(this.dir, absPath);
  }

  /** Absolute path for a stored relative one; throws if it would leave the library folder. */
  resolve(rel: string): string {
    return resolveInside(this.dir, rel);
  }

  /** Writes media/<id>/<name> atomically (temp + fsync + rename) and returns its relative path. */
  async writeMediaFile(id: string, name: string, data: Uint8Array): Promise<string> {
    this.assertOpen();
    assertSafeFileName(name);
    const dir = this.mediaDir(id);
    await fsp.mkdir(dir, { recursive: true });
    const target = path.join(dir, name);
    await writeFileAtomic(target, data);
    return this.relative(target);
  }

  onChange(listener: (change: LibraryChange) => void): () => void {
    return this.changes.on('change', listener);
  }

  /**
   * Releases the lock at once, for a process about to be killed before any async close could finish
   * (Windows ends the session right after telling us). Every write reported done is already fsynced;
   * close() stays safe to call afterwards.
   */
  releaseLockNow(): void {
    this.lock.releaseNow();
  }

  /** Waits for pending writes, empties the trash, releases the lock. Safe to call twice. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      await this.tail;
      try {
        await this.writer.close();
        this.records.close();
        if (!this.readOnly) await purgeTrash(this.dir);
      } finally {
        await this.lock.release();
      }
    })();
    return this.closing;
  }

  /** Records are frozen once they are durable; the list gets the summary. */
  private remember(record: JobRecord, span: RecordSpan): JobRecord {
    const stored = freezeRecord(record);
    this.records.remember(stored, span);
    this.index.set(toSummary(stored));
    return stored;
  }

  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    if (this.closing !== undefined) return Promise.reject(new Error(`The library at ${this.dir} is closed.`));
    if (this.readOnly) return Promise.reject(new Error(`The library at ${this.dir} was opened read-only; nothing can be changed.`));
    const run = this.tail.then(task);
    this.tail = run.catch(() => undefined);
    return run;
  }

  private assertOpen(): void {
    if (this.closing !== undefined) throw new Error(`The library at ${this.dir} is closed.`);
    if (this.readOnly) throw new Error(`The library at ${this.dir} was opened read-only; nothing can be changed.`);
  }

  private requireLive(id: string): JobRecord {
    const record = this.get(id);
    if (record === undefined) throw new Error(`There is no job ${id} in the library.`);
    return record;
  }

  private async commitPut(candidate: JobRecord): Promise<JobRecord> {
    const parsed = JobRecordSchema.safeParse({ ...candidate, updatedAt: new Date().toISOString() });
    if (!parsed.success) {
      const id = typeof candidate?.id === 'string' ? candidate.id : '(no id)';
      throw new Error(`Cannot save job ${id}: it is not a valid job record.\n${z.prettifyError(parsed.error)}`);
    }
    assertSafeId(parsed.data.id);
    const bounded = boundRecord(parsed.data);
    const stored = this.remember(bounded, await this.append({ op: 'put', record: bounded }));
    this.changes.emit('change', { type: 'put', record: stored });
    await this.maybeCompact();
    return stored;
  }

  private async append(op: JournalOp): Promise<RecordSpan> {
    const place = await this.writer.append(op);
    return { line: ++this.lineCount, ...place };
  }

  /** Compaction failing is not the caller's problem: its own write is already durable. */
  private async maybeCompact(): Promise<void> {
    if (!shouldCompact(this.lineCount, this.index.size) || this.lineCount < this.compactionRetryAt) return;
    await this.compact();
  }

  /** Rewrites the journal with one line per live job; each record is read (and validated) first. */
  private async compact(): Promise<void> {
    const journalPath = path.join(this.dir, JOURNAL_FILE);
    const live = this.index.values().flatMap((summary) => this.get(summary.id) ?? []);
    await this.writer.close();
    try {
      const rewritten = await compactJournal(journalPath, live, this.rejected);
      this.records.replaceFile(rewritten.spans);
      this.lineCount = rewritten.lineCount;
      this.rejected = [];
    } catch (error) {
      this.compactionRetryAt = this.lineCount + 500;
      console.error(`LibraryStore: compacting ${journalPath} failed; the journal is intact`, error);
    } finally {
      this.writer = await JournalWriter.open(journalPath, false);
    }
  }
}
