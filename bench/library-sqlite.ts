// The other candidate for issue 16, measured side by side with the journal and NOT shipped: the same
// library in SQLite through libsql (N-API prebuilds from npm, better-sqlite3's API, no per-Electron
// rebuild), WAL with synchronous=FULL for crash safety, an FTS5 trigram index so search keeps the
// substring semantics of RecordIndex. A child process like library-worker.ts:
//   build <db> <jobs>   write the library (not timed)
//   open <db>           cold open → first screen (the newest page of full records, each validated, + total)
//   full <db>           then searches and fsynced updates
// libsql is not a dependency of the app: it is loaded from LIBSQL_PATH (a scratch `npm install libsql`)
// or from node_modules if present; without it the group reports the SQLite rows as skipped.
import { createRequire } from 'node:module';
import { JobRecordSchema, type JobRecord } from '../shared/domain';
import { FIRST_SCREEN, makeLibraryRecords, SEARCH_TERMS, type OpenResult } from './library-data';

interface Statement {
  run(...args: unknown[]): unknown;
  get(...args: unknown[]): unknown;
  all(...args: unknown[]): unknown[];
}
interface Database {
  exec(sql: string): void;
  pragma(sql: string): unknown;
  prepare(sql: string): Statement;
  transaction<A extends unknown[]>(fn: (...args: A) => void): (...args: A) => void;
  close(): void;
}
type DatabaseClass = new (path: string) => Database;

function loadLibsql(): DatabaseClass | undefined {
  try {
    return createRequire(import.meta.url)(process.env.LIBSQL_PATH ?? 'libsql') as DatabaseClass;
  } catch {
    return undefined;
  }
}

const haystack = (r: JobRecord): string => [r.params.prompt, r.params.negativePrompt ?? '', r.requestId ?? '', r.id].join('\n');

function openDb(Db: DatabaseClass, path: string): Database {
  const db = new Db(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  return db;
}

function build(db: Database, jobs: number): void {
  db.exec(`CREATE TABLE jobs (id TEXT PRIMARY KEY, created_ms INTEGER NOT NULL, record TEXT NOT NULL);
           CREATE INDEX jobs_by_created ON jobs (created_ms, id);
           CREATE VIRTUAL TABLE search USING fts5 (id UNINDEXED, text, tokenize = 'trigram');`);
  const insert = db.prepare('INSERT INTO jobs (id, created_ms, record) VALUES (?, ?, ?)');
  const index = db.prepare('INSERT INTO search (id, text) VALUES (?, ?)');
  db.transaction((records: JobRecord[]) => {
    for (const r of records) {
      insert.run(r.id, Date.parse(r.createdAt), JSON.stringify(r));
      index.run(r.id, haystack(r));
    }
  })(makeLibraryRecords(jobs));
}

async function main(): Promise<void> {
  const [mode, path, jobs] = process.argv.slice(2);
  const Db = loadLibsql();
  if (!Db || !path) throw new Error('usage: library-sqlite.ts build|open|full <db> [jobs] (needs libsql)');
  if (mode === 'build') {
    const db = openDb(Db, path);
    build(db, Number(jobs));
    db.close();
    console.log(JSON.stringify({ built: true }));
    return;
  }
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const db = openDb(Db, path);
  const rows = db.prepare('SELECT record FROM jobs ORDER BY created_ms DESC, id DESC LIMIT ?').all(FIRST_SCREEN) as Array<{ record: string }>;
  // Rows from disk are untrusted here too: the page shown is validated, as the journal's is.
  const page = rows.map((row) => JobRecordSchema.parse(JSON.parse(row.record)));
  const { n: total } = db.prepare('SELECT count(*) AS n FROM jobs').get() as { n: number };
  const openMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  const memory = process.memoryUsage();
  const result: OpenResult = { openMs, cpuMs: (cpu.user + cpu.system) / 1000, total, firstScreen: page.length, rssMb: memory.rss / 1e6, heapMb: memory.heapUsed / 1e6 };
  if (mode === 'full') {
    const count = db.prepare('SELECT count(*) AS n FROM search WHERE text MATCH ?');
    result.searches = SEARCH_TERMS.map((term) => {
      const t = performance.now();
      const { n } = count.get(`"${term.replaceAll('"', '""')}"`) as { n: number };
      return { term, ms: performance.now() - t, hits: n };
    });
    const update = db.prepare('UPDATE jobs SET record = ? WHERE id = ?');
    const select = db.prepare('SELECT record FROM jobs WHERE id = ?');
    const ids = (db.prepare('SELECT id FROM jobs ORDER BY created_ms DESC LIMIT 20').all() as Array<{ id: string }>).map((r) => r.id);
    result.updatesMs = ids.map((id) => {
      const current = JobRecordSchema.parse(JSON.parse((select.get(id) as { record: string }).record));
      const t = performance.now();
      update.run(JSON.stringify({ ...current, favourite: !current.favourite, updatedAt: new Date().toISOString() }), id);
      return performance.now() - t;
    });
  }
  db.close();
  console.log(JSON.stringify(result));
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
