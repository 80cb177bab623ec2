// Group 3 — the library at 10,000 and 50,000 jobs, in SQLite (electron/core/library/job-table.ts).
// Realistic records (library-data.ts) are written into a library's database as the store writes them,
// and into the worst state a database can be opened in: many fsynced updates still in the WAL after a
// kill (library-build.ts). Each cold open runs in a fresh process (library-worker.ts). Also timed:
// the first open of a library written by the journal versions, which migrates it.
import { cp, mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DATABASE_FILE, JOURNAL_FILE } from '../electron/core/library/paths';
import { runChild } from './child';
import { makeLibraryRecords, writeJournal, type OpenResult } from './library-data';
import { makeRow, REPORT_ONLY, type Row } from './rows';
import { median } from './stats';

const COLD_OPENS = 3;
const TARGET_MS: Record<number, number> = { 10_000: 150, 50_000: 600 };
/** Updates left in the WAL for the worst-state rows: one for every tenth job. */
const WAL_UPDATES_PER_JOB = 0.1;
const fmt = (n: number): string => n.toLocaleString('en-US');

async function coldOpen(dir: string, jobs: number): Promise<OpenResult> {
  const result = await runChild<OpenResult>('./library-worker.ts', [dir, 'open'], 300_000);
  if (result.total !== jobs || result.firstScreen === 0) throw new Error(`library-worker listed ${result.total} jobs, not ${jobs}`);
  return result;
}

async function coldOpens(dir: string, jobs: number): Promise<OpenResult[]> {
  const results: OpenResult[] = [];
  for (let i = 0; i < COLD_OPENS; i++) results.push(await coldOpen(dir, jobs));
  return results;
}

/** Each open of a library in its worst state gets a fresh copy: closing it checkpoints the WAL. */
async function worstOpens(source: string, tmp: string, jobs: number): Promise<OpenResult[]> {
  const results: OpenResult[] = [];
  for (let i = 0; i < COLD_OPENS; i++) {
    const copy = join(tmp, `worst-copy-${i}`);
    await cp(source, copy, { recursive: true });
    results.push(await coldOpen(copy, jobs));
    await rm(copy, { recursive: true, force: true });
  }
  return results;
}

const openMs = (rs: OpenResult[]): number => median(rs.map((r) => r.openMs));
const describeOpens = (rs: OpenResult[]): string =>
  `${rs.map((r) => r.openMs.toFixed(0)).join(', ')} ms (CPU ${rs.map((r) => r.cpuMs.toFixed(0)).join('/')} ms, rss ${rs.map((r) => r.rssMb.toFixed(0)).join('/')} MB)`;
const cpuMs = (rs: OpenResult[]): number => median(rs.map((r) => r.cpuMs));
const sizeOf = (file: string): Promise<number> => stat(file).then((s) => s.size, () => 0);

async function librarySize(tmp: string, jobs: number, log: (line: string) => void): Promise<Row[]> {
  const dir = join(tmp, `library-${jobs}`);
  const worst = join(tmp, `unchecked-${jobs}`);
  const updates = Math.round(jobs * WAL_UPDATES_PER_JOB);
  await runChild('./library-build.ts', [dir, String(jobs)], 600_000);
  const { walBytes } = await runChild<{ walBytes: number }>('./library-build.ts', [worst, String(jobs), String(updates)], 600_000);
  const bytes = (await sizeOf(join(dir, DATABASE_FILE))) + (await sizeOf(join(dir, `${DATABASE_FILE}-wal`)));
  const opens = await coldOpens(dir, jobs);
  const unchecked = await worstOpens(worst, tmp, jobs);
  await rm(worst, { recursive: true, force: true });
  const full = await runChild<OpenResult>('./library-worker.ts', [dir, 'full'], 300_000);
  log(`  ${fmt(jobs)} jobs, library.db ${(bytes / 1e6).toFixed(1)} MB; worst state: ${fmt(updates)} updates in a ${(walBytes / 1e6).toFixed(1)} MB WAL, never checkpointed`);
  log(`    cold opens: ${describeOpens(opens)}; worst state: ${describeOpens(unchecked)}`);
  log(`    FTS5 searches, first page + total: ${(full.searches ?? []).map((s) => `"${s.term}" ${s.ms.toFixed(1)} ms/${s.hits}`).join(', ')}`);
  log(`    FTS5 searches, every hit: ${(full.allHitsSearches ?? []).map((s) => `"${s.term}" ${s.ms.toFixed(1)} ms/${s.hits}`).join(', ')}`);
  log(`    updates ms: ${(full.updatesMs ?? []).map((t) => t.toFixed(1)).join(', ')} (CPU ${(full.updatesCpuMs ?? []).map((t) => t.toFixed(1)).join(', ')})`);
  const target = TARGET_MS[jobs] ?? Infinity;
  return [
    makeRow({ name: `library: cold open → first screen (${fmt(jobs)} jobs)`, unit: 'ms', ours: openMs(opens), target: `< ${target} ms`, check: (r) => r.ours < target }),
    makeRow({ name: `library: cold open → first screen, ${fmt(updates)} updates in the WAL (${fmt(jobs)})`, unit: 'ms', ours: openMs(unchecked), target: `< ${target} ms`, check: (r) => r.ours < target }),
    makeRow({ name: `library: CPU time of that open (${fmt(jobs)} jobs)`, unit: 'ms', ours: cpuMs(opens), ...REPORT_ONLY }),
    makeRow({ name: `library: memory (RSS) at first screen (${fmt(jobs)} jobs)`, unit: 'MB', ours: median(opens.map((r) => r.rssMb)), ...REPORT_ONLY }),
    makeRow({ name: `library: JS heap at first screen (${fmt(jobs)} jobs)`, unit: 'MB', ours: median(opens.map((r) => r.heapMb)), ...REPORT_ONLY }),
    makeRow({ name: `library: search across all prompts → first page + total (${fmt(jobs)}, median)`, unit: 'ms', ours: median((full.searches ?? []).map((s) => s.ms)), target: '< 30 ms', check: (r) => r.ours < 30 }),
    makeRow({ name: `library: search, every hit's summary (${fmt(jobs)}, median)`, unit: 'ms', ours: median((full.allHitsSearches ?? []).map((s) => s.ms)), ...REPORT_ONLY }),
    makeRow({ name: `library: one record update, fsynced (${fmt(jobs)}, median)`, unit: 'ms', ours: median(full.updatesMs ?? []), target: '< 5 ms', check: (r) => r.ours < 5 }),
    makeRow({ name: `library: CPU time of that update (${fmt(jobs)}, median)`, unit: 'ms', ours: median(full.updatesCpuMs ?? []), ...REPORT_ONLY }),
    makeRow({ name: `library: disk per job, excluding media (${fmt(jobs)})`, unit: 'bytes', ours: bytes / jobs, ...REPORT_ONLY }),
  ];
}

/** A library written by the journal versions: its first open reads and validates every line and migrates it. */
async function migration(tmp: string, log: (line: string) => void): Promise<Row> {
  const jobs = 10_000;
  const source = join(tmp, 'journal-source');
  await mkdir(source);
  await writeJournal(join(source, JOURNAL_FILE), makeLibraryRecords(jobs));
  const times: number[] = [];
  for (let i = 0; i < COLD_OPENS; i++) {
    const copy = join(tmp, `journal-${i}`);
    await cp(source, copy, { recursive: true });
    times.push((await coldOpen(copy, jobs)).openMs);
    await rm(copy, { recursive: true, force: true });
  }
  log(`  first open of a journal library (10,000 jobs, migrates to SQLite): ${times.map((t) => t.toFixed(0)).join(', ')} ms`);
  return makeRow({ name: 'library: first open of a journal library, migrating (10,000)', unit: 'ms', ours: median(times), ...REPORT_ONLY });
}

export async function benchLibrary(log: (line: string) => void): Promise<Row[]> {
  const tmp = await mkdtemp(join(tmpdir(), 'veo-bench-library-'));
  try {
    const rows: Row[] = [];
    for (const jobs of [10_000, 50_000]) {
      rows.push(...(await librarySize(tmp, jobs, log)));
      await rm(join(tmp, `library-${jobs}`), { recursive: true, force: true });
    }
    rows.push(await migration(tmp, log));
    return rows;
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}
