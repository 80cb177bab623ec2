// LibraryStore: the durable, offline history of every job, shared by the desktop app and the CLI.
// Disk layout (all record paths are relative to `dir`, so a library can move):
//   library.db (+ -wal, -shm)  the jobs, in SQLite (job-table.ts); WAL, synchronous=FULL
//   library.lock               pid of the one process allowed to write (see lock.ts)
//   library.jsonl.migrated     the journal of earlier versions, kept after its migration (journal-import.ts)
//   library.db.damaged         a database with a bad page, kept after the library was rebuilt around it (repair.ts)
//   media/<id>/                input.<ext>, thumb.jpg, video.mp4
//   trash/<id>/                a deleted job's media + record.json until the library closes
//   quarantine/<id>/           media no readable record owns, moved aside on open (orphans.ts)
// Opening reads nothing but the schema: the list, counts and search are queries, and each summary or
// record is validated the first time it is read (row-check.ts), then kept (records: the recent 512). Writes are serialized on one
// promise chain; a write resolves only once its transaction is fsynced, and memory is updated only
// after that, so memory never shows what the disk does not have.
import { existsSync, promises as fsp } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { JobRecordSchema, type JobRecord } from '../../../shared/domain';
import { toSummary, type JobSummary } from '../../../shared/job-summary';
import { writeFileAtomic } from '../fs/atomic';
import { Emitter } from '../util/emitter';
import { say } from '../../../shared/i18n/messages';
import { SaidError } from '../util/said';
import type { JobTable, ListQuery } from './job-table';
import type { LibraryLock } from './lock';
import { openLibraryFiles, type LibraryOpenOptions } from './open-files';
import { assertSafeFileName, assertSafeId, isSafeSegment, MEDIA_DIR, relativeInside, resolveInside } from './paths';
import { RecentCache } from './record-cache';
import { boundRecord } from './record-bounds';
import { rebuildDamagedTable } from './repair';
import { isCorruption } from './salvage';
import { freezeRecord, recordFromRow, summaryFromRow, type LibraryProblem } from './row-check';
import { moveMediaBack, moveToTrash, purgeTrash, readTrashedRecord, trashDirFor } from './trash';

export type { JobSummary, LibraryOpenOptions, LibraryProblem, ListQuery };

/** Enough for every unfinished job and an open detail view; a full list no longer keeps 10k records alive. */
export const RECORD_CACHE_LIMIT = 512;

export type LibraryChange = { type: 'put'; record: JobRecord } | { type: 'delete'; id: string };

export class LibraryStore {
  private tail: Promise<unknown> = Promise.resolve();
  /** One listener throwing never stops the others from hearing a change. */
  private readonly changes = new Emitter<{ change: LibraryChange }>();
  private closing: Promise<void> | undefined;
  /** Validated on first read, then kept: this process is the only writer (lock.ts). */
  private readonly summaryCache = new Map<string, JobSummary>();
  private readonly recordCache = new RecentCache<JobRecord>(RECORD_CACHE_LIMIT);
  /** Rows that failed validation: kept in the database, left out of every list and count. */
  private readonly unreadable = new Set<string>();

  private constructor(
    readonly dir: string,
    /** Replaced when a damaged page forces a rebuild (repair.ts). */
    private table: JobTable,
    private readonly lock: LibraryLock,
    private readonly readOnly: boolean,
    /** Problems found in the library: on open (journal migration, media moved aside) and as rows are read. */
    readonly problems: LibraryProblem[],
    private readonly report: (problem: LibraryProblem) => void,
  ) {}

  /** mkdir -p, take the lock, clear temp leftovers, open (or migrate) the database, finish cut-short moves, empty the trash. */
  static async open(dir: string, opts: LibraryOpenOptions = {}): Promise<LibraryStore> {
    const o = await openLibraryFiles(dir, opts);
    return new LibraryStore(o.root, o.table, o.lock, opts.readOnly === true, o.problems, o.report);
  }

  /** Every job of a shot, oldest first, reading only their records (the "takes" of a job). */
  takesOf(shotId: string): JobRecord[] {
    return this.reading(() => this.table.shotIds(shotId)).flatMap((id) => this.get(id) ?? []);
  }

  /** How many full records are held in memory (bounded: RECORD_CACHE_LIMIT). */
  get cachedRecords(): number {
    return this.recordCache.size;
  }

  /** Full records, each validated on first use: for the few (unfinished jobs, an export). */
  list(query?: ListQuery): JobRecord[] {
    return this.summaries(query).flatMap((summary) => this.get(summary.id) ?? []);
  }

  /** What the Library grid shows and searches: validated summaries, no full record read. */
  summaries(query: ListQuery = {}): JobSummary[] {
    return this.reading(() => this.readSummaries(query));
  }

  private readSummaries(query: ListQuery): JobSummary[] {
    for (;;) {
      const before = this.unreadable.size;
      const out: JobSummary[] = [];
      for (const row of this.table.rows(query, this.unreadable)) {
        const summary = this.summaryOf(row.id, row.summary);
        if (summary !== undefined) out.push(summary);
      }
      // A row that failed left a gap in the page: ask again without it.
      if (this.unreadable.size === before) return out;
    }
  }

  count(query: Omit<ListQuery, 'limit' | 'offset'> = {}): number {
    return this.reading(() => this.table.count(query, this.unreadable));
  }

  /** Records are frozen: change them through put/update, never in place. */
  get(id: string): JobRecord | undefined {
    const cached = this.recordCache.get(id);
    if (cached !== undefined || this.unreadable.has(id)) return cached;
    const row = this.reading(() => this.table.row(id));
    if (row === undefined) return undefined;
    const record = recordFromRow(id, row.record);
    if ('problem' in record) return this.setAside(id, record.problem);
    this.recordCache.set(id, record);
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
        this.reading(() => this.table.remove(id));
      } catch (error) {
        await moveMediaBack(this.dir, id);
        throw error;
      }
      this.forget(id);
      this.changes.emit('change', { type: 'delete', id });
    });
  }

  /** Restores a job deleted since the library was opened (the trash is emptied on open and close). */
  undoDelete(id: string): Promise<JobRecord> {
    // The id names a folder under trash/: anything but a safe segment could point outside it.
    assertSafeId(id);
    return this.enqueue(async () => {
      if (this.reading(() => this.table.has(id))) throw new Error(`Job ${id} is not deleted, so there is nothing to undo.`);
      const record = await readTrashedRecord(this.dir, id);
      if (record === undefined) {
        throw new Error(`Job ${id} cannot be restored: it is not in the trash (the trash is emptied when the library closes).`);
      }
      // Record first, media second: a crash in between is finished by the next open (see trash.ts).
      const stored = this.write(record);
      await moveMediaBack(this.dir, id);
      this.changes.emit('change', { type: 'put', record: stored });
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

  /** Releases the lock at once, for a process about to be killed (Windows ends the session right after telling us); close() stays safe after. */
  releaseLockNow(): void {
    this.lock.releaseNow();
  }

  /** Waits for pending writes, empties the trash, releases the lock. Safe to call twice. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      await this.tail;
      try {
        this.table.close();
        if (!this.readOnly) await purgeTrash(this.dir);
      } finally {
        await this.lock.release();
      }
    })();
    return this.closing;
  }

  private summaryOf(id: string, summaryText: string): JobSummary | undefined {
    const cached = this.summaryCache.get(id);
    if (cached !== undefined) return cached;
    const summary = summaryFromRow(id, summaryText, () => this.table.row(id)?.record);
    if ('problem' in summary) return this.setAside(id, summary.problem);
    this.summaryCache.set(id, summary);
    return summary;
  }

  /** A row that does not validate: reported once, left in the database, left out of the list. */
  private setAside(id: string, problem: string): undefined {
    this.unreadable.add(id);
    this.forget(id);
    const found = { line: 0, reason: `${problem}; the row stays in library.db but the job is not listed` };
    this.problems.push(found);
    this.report(found);
    return undefined;
  }

  /** A database call; on a damaged page the library is rebuilt from what can be read (repair.ts), then the call made again. */
  private reading<T>(call: () => T): T {
    try {
      return call();
    } catch (error) {
      if (!isCorruption(error)) throw error;
    }
    const { table, problem } = rebuildDamagedTable(this.dir, this.table, this.readOnly);
    this.table = table;
    this.summaryCache.clear();
    this.recordCache.clear();
    this.unreadable.clear();
    this.problems.push(problem);
    this.report(problem);
    try {
      return call();
    } catch (error) {
      if (!isCorruption(error)) throw error;
      throw new SaidError(say('app.library.stillDamaged', { reason: problem.reason }), { cause: error });
    }
  }

  private forget(id: string): void {
    this.summaryCache.delete(id);
    this.recordCache.delete(id);
  }

  /** One durable transaction, then memory: records are frozen once they are on disk. */
  private write(record: JobRecord): JobRecord {
    this.reading(() => this.table.putAll([record]));
    const stored = freezeRecord(record);
    this.unreadable.delete(stored.id);
    this.recordCache.set(stored.id, stored);
    this.summaryCache.set(stored.id, freezeRecord(toSummary(stored)));
    return stored;
  }

  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    if (this.closing !== undefined) return Promise.reject(new SaidError(say('app.library.closed', { dir: this.dir })));
    if (this.readOnly) return Promise.reject(new SaidError(say('app.library.readOnly', { dir: this.dir })));
    const run = this.tail.then(task);
    this.tail = run.catch(() => undefined);
    return run;
  }

  private assertOpen(): void {
    if (this.closing !== undefined) throw new SaidError(say('app.library.closed', { dir: this.dir }));
    if (this.readOnly) throw new SaidError(say('app.library.readOnly', { dir: this.dir }));
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
    const stored = this.write(boundRecord(parsed.data));
    this.changes.emit('change', { type: 'put', record: stored });
    return stored;
  }
}
