// Group 3 — the library at 10,000 and 50,000 jobs. Realistic records (library-data.ts) are written as
// the journal a compacted library has on disk, and as the largest journal that can exist before
// compaction kicks in (users meet that one too); each cold open runs in a fresh process. Side by side,
// in the same run, the same jobs in SQLite (library-sqlite.ts, a prototype that is not shipped), and
// the first open of a library in today's format (logs inline, no summaries), which migrates it.
import { cp, mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JOURNAL_FILE } from '../electron/core/library/paths';
import { runChild } from './child';
import { legacyLine, makeLibraryRecords, recordsBeforeCompaction, writeJournal, type OpenResult } from './library-data';
import { makeRow, REPORT_ONLY, type Row } from './rows';
import { median } from './stats';

const COLD_OPENS = 3;
const TARGET_MS: Record<number, number> = { 10_000: 150, 50_000: 600 };
const fmt = (n: number): string => n.toLocaleString('en-US');

async function coldOpens(worker: string, args: string[], jobs: number): Promise<OpenResult[]> {
  const results: OpenResult[] = [];
  for (let i = 0; i < COLD_OPENS; i++) {
    const result = await runChild<OpenResult>(worker, args, 300_000);
    if (result.total !== jobs || result.firstScreen === 0) throw new Error(`${worker} listed ${result.total} jobs, not ${jobs}`);
    results.push(result);
  }
  return results;
}

const openMs = (rs: OpenResult[]): number => median(rs.map((r) => r.openMs));
const describeOpens = (rs: OpenResult[]): string =>
  `${rs.map((r) => r.openMs.toFixed(0)).join(', ')} ms (CPU ${rs.map((r) => r.cpuMs.toFixed(0)).join('/')} ms, rss ${rs.map((r) => r.rssMb.toFixed(0)).join('/')} MB)`;
const cpuMs = (rs: OpenResult[]): number => median(rs.map((r) => r.cpuMs));

async function journalSize(tmp: string, jobs: number, log: (line: string) => void): Promise<Row[]> {
  const records = makeLibraryRecords(jobs);
  const compacted = join(tmp, `compacted-${jobs}`);
  const worst = join(tmp, `before-compaction-${jobs}`);
  await mkdir(compacted);
  await mkdir(worst);
  await writeJournal(join(compacted, JOURNAL_FILE), records);
  await writeJournal(join(worst, JOURNAL_FILE), recordsBeforeCompaction(records));
  const bytes = (await stat(join(compacted, JOURNAL_FILE))).size;
  const worstBytes = (await stat(join(worst, JOURNAL_FILE))).size;
  const opens = await coldOpens('./library-worker.ts', [compacted, 'open'], jobs);
  const worstOpens = await coldOpens('./library-worker.ts', [worst, 'open'], jobs);
  const full = await runChild<OpenResult>('./library-worker.ts', [compacted, 'full'], 300_000);
  log(`  ${fmt(jobs)} jobs, journal ${(bytes / 1e6).toFixed(1)} MB compacted / ${(worstBytes / 1e6).toFixed(1)} MB before compaction`);
  log(`    cold opens, compacted: ${describeOpens(opens)}; before compaction: ${describeOpens(worstOpens)}`);
  log(`    searches: ${(full.searches ?? []).map((s) => `"${s.term}" ${s.ms.toFixed(1)} ms/${s.hits}`).join(', ')}`);
  log(`    updates ms: ${(full.updatesMs ?? []).map((t) => t.toFixed(1)).join(', ')}`);
  const target = TARGET_MS[jobs] ?? Infinity;
  return [
    makeRow({ name: `library: cold open → first screen (${fmt(jobs)} jobs)`, unit: 'ms', ours: openMs(opens), target: `< ${target} ms`, check: (r) => r.ours < target }),
    makeRow({ name: `library: cold open → first screen, before compaction (${fmt(jobs)})`, unit: 'ms', ours: openMs(worstOpens), target: `< ${target} ms`, check: (r) => r.ours < target }),
    makeRow({ name: `library: CPU time of that open (${fmt(jobs)} jobs)`, unit: 'ms', ours: cpuMs(opens), ...REPORT_ONLY }),
    makeRow({ name: `library: memory (RSS) at first screen (${fmt(jobs)} jobs)`, unit: 'MB', ours: median(opens.map((r) => r.rssMb)), ...REPORT_ONLY }),
    makeRow({ name: `library: JS heap at first screen (${fmt(jobs)} jobs)`, unit: 'MB', ours: median(opens.map((r) => r.heapMb)), ...REPORT_ONLY }),
    makeRow({ name: `library: search across all prompts (${fmt(jobs)}, median)`, unit: 'ms', ours: median((full.searches ?? []).map((s) => s.ms)), target: '< 30 ms', check: (r) => r.ours < 30 }),
    makeRow({ name: `library: one record update, fsynced (${fmt(jobs)}, median)`, unit: 'ms', ours: median(full.updatesMs ?? []), target: '< 5 ms', check: (r) => r.ours < 5 }),
    makeRow({ name: `library: disk per job, excluding media (${fmt(jobs)})`, unit: 'bytes', ours: bytes / jobs, ...REPORT_ONLY }),
  ];
}

/** The same jobs in SQLite (libsql): report-only rows, so the choice stays visible in every run. */
async function sqliteSize(db: string, jobs: number, log: (line: string) => void): Promise<Row[]> {
  try {
    await runChild('./library-sqlite.ts', ['build', db, String(jobs)], 600_000);
  } catch (error) {
    log(`  SQLite (libsql) skipped: ${(error as Error).message.split('\n')[0]} — set LIBSQL_PATH to a scratch \`npm install libsql\``);
    return [];
  }
  const opens = await coldOpens('./library-sqlite.ts', ['open', db], jobs);
  const full = await runChild<OpenResult>('./library-sqlite.ts', ['full', db], 300_000);
  const bytes = (await stat(db)).size;
  log(`  SQLite ${fmt(jobs)} jobs (${(bytes / 1e6).toFixed(1)} MB): cold opens ${describeOpens(opens)}`);
  log(`    FTS5 searches: ${(full.searches ?? []).map((s) => `"${s.term}" ${s.ms.toFixed(1)} ms/${s.hits}`).join(', ')}`);
  log(`    updates ms: ${(full.updatesMs ?? []).map((t) => t.toFixed(1)).join(', ')}`);
  return [
    makeRow({ name: `library (SQLite prototype): cold open → first screen (${fmt(jobs)})`, unit: 'ms', ours: openMs(opens), ...REPORT_ONLY }),
    makeRow({ name: `library (SQLite prototype): CPU time of that open (${fmt(jobs)})`, unit: 'ms', ours: cpuMs(opens), ...REPORT_ONLY }),
    makeRow({ name: `library (SQLite prototype): FTS5 search (${fmt(jobs)}, median)`, unit: 'ms', ours: median((full.searches ?? []).map((s) => s.ms)), ...REPORT_ONLY }),
    makeRow({ name: `library (SQLite prototype): update, WAL fsynced (${fmt(jobs)}, median)`, unit: 'ms', ours: median(full.updatesMs ?? []), ...REPORT_ONLY }),
  ];
}

/** Today's format (logs inline, no summaries): its first open validates everything and rewrites it. */
async function migration(tmp: string, log: (line: string) => void): Promise<Row> {
  const jobs = 10_000;
  const source = join(tmp, 'legacy-source');
  await mkdir(source);
  await writeJournal(join(source, JOURNAL_FILE), makeLibraryRecords(jobs), legacyLine);
  const times: number[] = [];
  for (let i = 0; i < COLD_OPENS; i++) {
    const copy = join(tmp, `legacy-${i}`);
    await cp(source, copy, { recursive: true });
    const first = await runChild<OpenResult>('./library-worker.ts', [copy, 'open'], 300_000);
    if (first.total !== jobs) throw new Error(`the migrated library listed ${first.total} jobs, not ${jobs}`);
    times.push(first.openMs);
    await rm(copy, { recursive: true, force: true });
  }
  log(`  first open of a today's-format library (10,000 jobs, migrates): ${times.map((t) => t.toFixed(0)).join(', ')} ms`);
  return makeRow({ name: 'library: first open of a today\'s-format library, migrating (10,000)', unit: 'ms', ours: median(times), ...REPORT_ONLY });
}

export async function benchLibrary(log: (line: string) => void): Promise<Row[]> {
  const tmp = await mkdtemp(join(tmpdir(), 'veo-bench-library-'));
  try {
    const rows: Row[] = [];
    for (const jobs of [10_000, 50_000]) {
      rows.push(...(await journalSize(tmp, jobs, log)));
      rows.push(...(await sqliteSize(join(tmp, `sqlite-${jobs}.db`), jobs, log)));
      await rm(join(tmp, `before-compaction-${jobs}`), { recursive: true, force: true });
    }
    rows.push(await migration(tmp, log));
    return rows;
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}
