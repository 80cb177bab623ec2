// Reading around a damaged database (a zeroed page: a disk that lies, a cut copy). SQLite answers a
// query that touches a bad page with "database disk image is malformed", so one bad page would fail
// every full list. Here the rows are walked one at a time, by rowid and through each index, so a bad
// page costs only the rows on it: whatever can still be read is returned, the rest is counted.
import type Database from 'libsql';

type Db = InstanceType<typeof Database>;

/** SQLite's words for a damaged file (SQLITE_CORRUPT, SQLITE_NOTADB). */
export function isCorruption(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  return (typeof code === 'string' && /CORRUPT|NOTADB/.test(code)) || /malformed|not a database|database corruption/i.test(error.message);
}

export interface Salvaged {
  /** Full record texts that could be read (still unvalidated). */
  records: string[];
  /** Jobs known to exist (by id or rowid) whose record could not be read. */
  lost: number;
  meta: Array<{ key: string; value: string }>;
}

/** Consecutive failures before a walk gives up: the skip doubles each time, so this spans any rowid. */
const MAX_SKIPS = 64;

/** One row of `sql`, or 'damaged'. A statement that met a bad page keeps failing in libsql: each try prepares anew. */
function tryGet(db: Db, sql: string, arg: unknown): unknown[] | undefined | 'damaged' {
  try {
    return db.prepare(sql).raw().get(arg) as unknown[] | undefined;
  } catch (error) {
    if (!isCorruption(error)) throw error;
    return 'damaged';
  }
}

/** Walks `sql` (one row after a key) step by step; on a bad page, jumps ahead further each time. */
function walkIntegers(db: Db, sql: string, onRow: (row: unknown[]) => void): void {
  let after = 0;
  let skip = 1;
  for (let failures = 0; failures < MAX_SKIPS; ) {
    const row = tryGet(db, sql, after);
    if (row === 'damaged') {
      failures++;
      after += skip;
      skip *= 2;
      continue;
    }
    if (row === undefined) return;
    onRow(row);
    after = Number(row[0]);
    skip = 1;
    failures = 0;
  }
}

/** Walks an index in key order until it fails: an index gives ids even when table pages are gone. */
function walkTextIndex(db: Db, sql: string, onRow: (row: unknown[]) => void): void {
  let after = '';
  for (let row = tryGet(db, sql, after); row !== undefined && row !== 'damaged'; row = tryGet(db, sql, after)) {
    onRow(row);
    after = String(row[1]);
  }
}

export function salvage(db: Db): Salvaged {
  /** seq → id where known (null: a record whose jobs row is gone). */
  const seqs = new Map<number, string | null>();
  const note = (row: unknown[]) => seqs.set(Number(row[0]), typeof row[1] === 'string' ? row[1] : null);
  walkIntegers(db, 'SELECT seq, id FROM jobs WHERE seq > ? ORDER BY seq LIMIT 1', note);
  walkTextIndex(db, 'SELECT seq, id FROM jobs INDEXED BY sqlite_autoindex_jobs_1 WHERE id > ? ORDER BY id LIMIT 1', note);
  const records = new Map<number, string>();
  walkIntegers(db, 'SELECT seq, record FROM job_records WHERE seq > ? ORDER BY seq LIMIT 1', (row) => {
    if (typeof row[1] === 'string') records.set(Number(row[0]), row[1]);
    if (!seqs.has(Number(row[0]))) seqs.set(Number(row[0]), null);
  });
  let lost = 0;
  for (const [seq, id] of seqs) {
    if (records.has(seq)) continue;
    // The rowid walk skipped it: the index may still lead to it.
    const row = id === null ? undefined : tryGet(db, 'SELECT r.record FROM jobs j JOIN job_records r ON r.seq = j.seq WHERE j.id = ?', id);
    const text = Array.isArray(row) ? row[0] : undefined;
    if (typeof text === 'string') records.set(seq, text);
    else lost++;
  }
  const meta: Salvaged['meta'] = [];
  try {
    for (const [key, value] of db.prepare('SELECT key, value FROM meta').raw().all() as unknown[][]) {
      if (typeof key === 'string' && typeof value === 'string') meta.push({ key, value });
    }
  } catch (error) {
    if (!isCorruption(error)) throw error;
  }
  return { records: [...records.values()], lost, meta };
}
