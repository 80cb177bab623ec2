// The library's one table of jobs, in SQLite (libsql: N-API prebuilds, better-sqlite3's synchronous
// API). WAL with synchronous=FULL: a commit returns only once its WAL frames are fsynced, so a write
// the store reports done survives a kill or a power cut, and a torn last transaction is rolled back by
// SQLite on the next open. A row of `jobs` is small — the job's summary (what the grid lists) as JSON
// and the few columns the list sorts and filters on — so listing and searching read few pages; the
// full record (logs and all) sits in `job_records`, read when a job is opened. An FTS5 trigram index
// over the searchable text answers substring search. The file is memory-mapped: a query over
// thousands of rows then costs no read() call per page. Nothing read back is trusted: rows are turned into
// summaries and records only through row-check.ts.
import Database from 'libsql';
import type { JobRecord } from '../../../shared/domain';
import { toSummary } from '../../../shared/job-summary';
import { salvage, type Salvaged } from './salvage';
import { say } from '../../../shared/i18n/messages';
import { SaidError } from '../util/said';

type Db = InstanceType<typeof Database>;
/** The part of a prepared statement used here, with plain positional parameters. */
interface Statement {
  run(...args: unknown[]): { lastInsertRowid: number | bigint };
  get(...args: unknown[]): unknown;
  all(...args: unknown[]): unknown[];
  /** Rows as arrays of values (libsql's pluck() only applies to all(), so it is not used). */
  raw(toggle?: boolean): Statement;
}

/** The first column of the first row, or undefined when there is none. */
const first = (statement: Statement, ...args: unknown[]): unknown => (statement.get(...args) as unknown[] | undefined)?.[0];

/** Bumped when the layout changes; a newer file than this code knows is refused, not rewritten. */
export const SCHEMA_VERSION = 1;

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS jobs (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    created_ms INTEGER NOT NULL,
    state TEXT NOT NULL,
    favourite INTEGER NOT NULL,
    summary TEXT NOT NULL
  );
  CREATE INDEX IF NOT EXISTS jobs_by_created ON jobs (created_ms, id);
  CREATE TABLE IF NOT EXISTS job_records (seq INTEGER PRIMARY KEY, record TEXT NOT NULL);
  CREATE VIRTUAL TABLE IF NOT EXISTS jobs_text USING fts5 (text, tokenize = 'trigram');
  CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);`;

/**
 * The takes of a shot, without reading every record: jobs.shot_id ('' for none), indexed. Added on
 * open, not by a format bump, so an older build still opens the file; rows it writes get NULL, which
 * the next open fills in from their records (an index lookup when there are none).
 */
const SHOT_COLUMN = `
  CREATE INDEX IF NOT EXISTS jobs_by_shot ON jobs (shot_id);
  UPDATE jobs SET shot_id = coalesce((SELECT json_extract(record, '$.shotId') FROM job_records r WHERE r.seq = jobs.seq), '') WHERE shot_id IS NULL;`;

export interface ListQuery {
  /** Case-insensitive substring of the prompt, negative prompt, request id or job id. */
  search?: string;
  states?: readonly string[];
  favourite?: boolean;
  sort?: 'newest' | 'oldest';
  limit?: number;
  offset?: number;
}

export interface JobRow {
  id: string;
  summary: string;
  /** null when a hand edit removed it: row-check.ts reports that like any unreadable record. */
  record: string | null;
}

/** What search looks through, the same four fields the journal's in-memory index searched. */
const searchText = (r: JobRecord): string => [r.params.prompt, r.params.negativePrompt ?? '', r.requestId ?? '', r.id].join('\n');

const createdMs = (r: JobRecord): number => {
  const ms = Date.parse(r.createdAt);
  return Number.isNaN(ms) ? 0 : ms;
};

const hasShotColumn = (db: Db): boolean => (db.prepare(`SELECT 1 FROM pragma_table_info('jobs') WHERE name = 'shot_id'`) as unknown as Statement).raw().get() !== undefined;

/** Address space, not memory: pages are read on demand and shared with the OS page cache. */
const MMAP_BYTES = 1024 * 1024 * 1024;

const TRIGRAM = 3;
/** Around here walking the list index to fill a page gets cheaper than fetching and sorting every hit. */
const WALK_INDEX_FROM_HITS = 1000;

export class JobTable {
  private readonly shotColumn: boolean;
  private readonly insertJob: Statement;
  private readonly updateJob: Statement;
  private readonly upsertRecord: Statement;
  private readonly seqOf: Statement;
  private readonly textOf: Statement;
  private readonly removeText: Statement;
  private readonly addText: Statement;
  private readonly removeRecord: Statement;
  private readonly removeJob: Statement;
  private readonly byId: Statement;
  /**
   * The rows the last search matched, until the next write: the Library asks for a page and the
   * total of the same search, then more pages as it scrolls — the FTS index is asked once.
   */
  private lastMatch: { needle: string; seqs: string; count: number } | undefined;

  private constructor(
    private readonly db: Db,
    /** True when this open found no library in the file (new, or 0 bytes) and laid out the schema. */
    readonly createdNow = false,
  ) {
    const prepare = (sql: string) => db.prepare(sql) as unknown as Statement;
    // Not one upsert with RETURNING: libsql answers RETURNING ~15× slower than a plain insert (0.57 ms
    // a row), which made migrating 10,000 jobs take seconds longer.
    // A read-only look at a file an older build wrote may lack shot_id: it never writes, so never asks.
    this.shotColumn = hasShotColumn(db);
    this.insertJob = prepare(
      this.shotColumn
        ? 'INSERT INTO jobs (id, created_ms, state, favourite, summary, shot_id) VALUES (?, ?, ?, ?, ?, ?)'
        : 'INSERT INTO jobs (id, created_ms, state, favourite, summary) VALUES (?, ?, ?, ?, ?)',
    );
    this.updateJob = prepare(
      `UPDATE jobs SET created_ms = ?, state = ?, favourite = ?, summary = ?${this.shotColumn ? ', shot_id = ?' : ''} WHERE seq = ?`,
    );
    this.upsertRecord = prepare('INSERT OR REPLACE INTO job_records (seq, record) VALUES (?, ?)');
    this.seqOf = prepare('SELECT seq FROM jobs WHERE id = ?').raw();
    this.textOf = prepare('SELECT text FROM jobs_text WHERE rowid = ?').raw();
    this.removeText = prepare('DELETE FROM jobs_text WHERE rowid = ?');
    this.addText = prepare('INSERT INTO jobs_text (rowid, text) VALUES (?, ?)');
    this.removeRecord = prepare('DELETE FROM job_records WHERE seq = ?');
    this.removeJob = prepare('DELETE FROM jobs WHERE seq = ?');
    this.byId = prepare('SELECT j.id, j.summary, r.record FROM jobs j LEFT JOIN job_records r ON r.seq = j.seq WHERE j.id = ?');
  }

  /**
   * Opens (creating when missing) the database file; ':memory:' for a read-only look at a library
   * that has no database yet. Throws a readable error for a file that is not a library database.
   */
  static open(file: string, readOnly: boolean): JobTable {
    const db = new Database(file);
    try {
      const version = Number(first((db.prepare('PRAGMA user_version') as unknown as Statement).raw()));
      if (version > SCHEMA_VERSION) {
        throw new SaidError(say('app.library.newerFormat', { file, version }));
      }
      if (readOnly && version === 0) {
        // An empty file (never a library written by this app): nothing to read, and nothing may be written.
        db.close();
        return JobTable.open(':memory:', false);
      }
      db.pragma(`mmap_size = ${MMAP_BYTES}`);
      if (readOnly) {
        db.pragma('query_only = 1');
      } else {
        db.pragma('journal_mode = WAL');
        db.pragma('synchronous = FULL');
        if (version < SCHEMA_VERSION) db.exec(`BEGIN; ${SCHEMA} PRAGMA user_version = ${SCHEMA_VERSION}; COMMIT;`);
        if (!hasShotColumn(db)) db.exec('ALTER TABLE jobs ADD COLUMN shot_id TEXT');
        db.exec(SHOT_COLUMN);
      }
      return new JobTable(db, !readOnly && version === 0);
    } catch (error) {
      db.close();
      if (error instanceof Error && /not a database|malformed|file is encrypted/i.test(error.message)) {
        throw new SaidError(say('app.library.damaged', { file, detail: error.message }), { cause: error });
      }
      throw error;
    }
  }

  /**
   * Writes (inserts or replaces) validated records in one transaction — one fsync for all of them —
   * with an optional note in `meta` that commits with them or not at all.
   */
  putAll(records: readonly JobRecord[], note?: { key: string; value: string }): void {
    this.lastMatch = undefined;
    this.db.transaction(() => {
      for (const record of records) this.write(record);
      if (note !== undefined) this.statement('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)').run(note.key, note.value);
    })();
  }

  remove(id: string): void {
    this.lastMatch = undefined;
    this.db.transaction(() => {
      const seq = first(this.seqOf, id);
      if (seq === undefined) return;
      for (const statement of [this.removeText, this.removeRecord, this.removeJob]) statement.run(seq);
    })();
  }

  row(id: string): JobRow | undefined {
    return this.byId.get(id) as JobRow | undefined;
  }

  /** Ids of the jobs of a shot: those that name it, and the shot's first job (whose id it is), oldest first. */
  shotIds(shotId: string): string[] {
    const shotOf = this.shotColumn ? 'shot_id = ?1' : `seq IN (SELECT seq FROM job_records WHERE json_extract(record, '$.shotId') = ?1)`;
    const sql = `SELECT id FROM jobs WHERE id = ?1 OR ${shotOf} ORDER BY created_ms, id`;
    return (this.statement(sql).raw().all(shotId) as unknown[][]).map((row) => String(row[0]));
  }

  has(id: string): boolean {
    return first(this.seqOf, id) !== undefined;
  }

  /** The rows a query selects, newest first by default; `skip` leaves out rows known to be unreadable. */
  rows(query: ListQuery, skip: ReadonlySet<string>): Array<Pick<JobRow, 'id' | 'summary'>> {
    const { where, args } = this.whereClause(query, skip, query.limit !== undefined);
    const order = (query.sort ?? 'newest') === 'newest' ? 'DESC' : 'ASC';
    const limit = query.limit === undefined ? -1 : Math.max(0, Math.trunc(query.limit));
    const offset = Math.max(0, Math.trunc(query.offset ?? 0));
    const sql = `SELECT id, summary FROM jobs ${where} ORDER BY created_ms ${order}, id ${order} LIMIT ? OFFSET ?`;
    return this.statement(sql).all(...args, limit, offset) as Array<Pick<JobRow, 'id' | 'summary'>>;
  }

  count(query: ListQuery, skip: ReadonlySet<string>): number {
    const needle = query.search?.trim() ?? '';
    if (needle !== '' && query.states === undefined && query.favourite === undefined && skip.size === 0) return this.matching(needle).count;
    const { where, args } = this.whereClause(query, skip);
    return Number(first(this.statement(`SELECT count(*) FROM jobs ${where}`).raw(), ...args));
  }

  /** Every row that can still be read from a damaged file (salvage.ts). */
  salvage(): Salvaged {
    return salvage(this.db);
  }

  /** Copies the WAL into the database file: libsql's close leaves it behind, and a file about to be renamed must be whole. */
  checkpoint(): void {
    this.db.pragma('wal_checkpoint(TRUNCATE)');
  }

  getMeta(key: string): string | undefined {
    return first(this.statement('SELECT value FROM meta WHERE key = ?').raw(), key) as string | undefined;
  }


  close(): void {
    if (this.db.open) this.db.close();
  }

  /** `onePage`: the caller wants a page, so a search with many hits may walk the list index instead. */
  private whereClause(query: ListQuery, skip: ReadonlySet<string>, onePage = false): { where: string; args: unknown[] } {
    const conditions: string[] = [];
    const args: unknown[] = [];
    if (query.states !== undefined) {
      conditions.push(`state IN (SELECT value FROM json_each(?))`);
      args.push(JSON.stringify(query.states));
    }
    if (query.favourite !== undefined) {
      conditions.push('favourite = ?');
      args.push(query.favourite ? 1 : 0);
    }
    const needle = query.search?.trim() ?? '';
    if (needle !== '') {
      // Few hits: fetch them by rowid and sort them. Many hits and one page wanted: the unary + keeps
      // SQLite walking jobs_by_created in list order and stopping after the page, instead of fetching
      // and sorting every hit (a common word matches a quarter of all jobs).
      const match = this.matching(needle);
      conditions.push(`${onePage && match.count >= WALK_INDEX_FROM_HITS ? '+' : ''}seq IN (SELECT value FROM json_each(?))`);
      args.push(match.seqs);
    }
    if (skip.size > 0) {
      conditions.push('id NOT IN (SELECT value FROM json_each(?))');
      args.push(JSON.stringify([...skip]));
    }
    return { where: conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '', args };
  }

  /** The rows whose searchable text contains `needle`, case-insensitively (a JSON array of seq). */
  private matching(needle: string): { seqs: string; count: number } {
    if (this.lastMatch?.needle === needle) return this.lastMatch;
    // One quoted phrase: the trigram tokenizer makes it a substring match. A trigram index needs three
    // characters: shorter needles scan the indexed text (lower() folds ASCII only).
    // The list is made as JSON inside SQLite: no JavaScript value per hit.
    const [where, arg] =
      needle.length >= TRIGRAM ? ['jobs_text MATCH ?', `"${needle.replaceAll('"', '""')}"`] : ['instr(lower(text), ?) > 0', needle.toLowerCase()];
    const [seqs, count] = this.statement(`SELECT json_group_array(rowid), count(*) FROM jobs_text WHERE ${where}`).raw().get(arg) as [string, number];
    this.lastMatch = { needle, seqs, count: Number(count) };
    return this.lastMatch;
  }

  private statement(sql: string): Statement {
    return this.db.prepare(sql) as unknown as Statement;
  }

  private write(record: JobRecord): void {
    const before = first(this.seqOf, record.id) as number | undefined;
    const columns = [createdMs(record), record.state, record.favourite ? 1 : 0, JSON.stringify(toSummary(record))];
    if (this.shotColumn) columns.push(record.shotId ?? '');
    let seq: number;
    if (before === undefined) seq = Number(this.insertJob.run(record.id, ...columns).lastInsertRowid);
    else {
      this.updateJob.run(...columns, before);
      seq = before;
    }
    this.upsertRecord.run(seq, JSON.stringify(record));
    // Most updates (state, logs, result) leave the searchable text as it was: the index is not touched.
    const text = searchText(record);
    if (before !== undefined && first(this.textOf, seq) === text) return;
    this.removeText.run(seq);
    this.addText.run(seq, text);
  }
}
