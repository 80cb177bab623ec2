// Group 3 — the library at 10,000 jobs. Realistic records (library-data.ts) are written as the
// journal a compacted library has on disk; each cold open runs in a fresh process. We also open the
// largest journal that can exist before compaction kicks in, because users will meet that one too.
import { mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JOURNAL_FILE } from '../electron/core/library/paths';
import { runChild } from './child';
import { journalBeforeCompaction, journalText, makeLibraryRecords, writeJournal } from './library-data';
import type { OpenResult } from './library-worker';
import { makeRow, REPORT_ONLY, type Row } from './rows';
import { median } from './stats';

const JOBS = 10_000;
const COLD_OPENS = 3;

async function coldOpens(dir: string): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < COLD_OPENS; i++) {
    const result = await runChild<OpenResult>('./library-worker.ts', [dir, 'open']);
    if (result.listed !== JOBS) throw new Error(`the library listed ${result.listed} jobs, not ${JOBS}`);
    times.push(result.openMs);
  }
  return times;
}

export async function benchLibrary(log: (line: string) => void): Promise<Row[]> {
  const tmp = await mkdtemp(join(tmpdir(), 'veo-bench-library-'));
  try {
    const records = makeLibraryRecords(JOBS);
    const compacted = join(tmp, 'compacted');
    const worst = join(tmp, 'before-compaction');
    await mkdir(compacted);
    await mkdir(worst);
    await writeJournal(join(compacted, JOURNAL_FILE), journalText(records));
    await writeJournal(join(worst, JOURNAL_FILE), journalBeforeCompaction(records));
    const journalBytes = (await stat(join(compacted, JOURNAL_FILE))).size;

    const opens = await coldOpens(compacted);
    const worstOpens = await coldOpens(worst);
    const full = await runChild<OpenResult>('./library-worker.ts', [compacted, 'full']);
    const searches = full.searches ?? [];
    const updates = full.updatesMs ?? [];
    log(`  cold opens (compacted, ${(journalBytes / 1e6).toFixed(1)} MB): ${opens.map((t) => t.toFixed(0)).join(', ')} ms`);
    log(`  cold opens (before compaction, 20,500 lines): ${worstOpens.map((t) => t.toFixed(0)).join(', ')} ms`);
    log(`  searches: ${searches.map((s) => `"${s.term}" ${s.ms.toFixed(1)} ms/${s.hits}`).join(', ')}`);
    log(`  updates ms: ${updates.map((t) => t.toFixed(1)).join(', ')}`);

    return [
      makeRow({ name: 'library: cold open → list ready (10,000 jobs)', unit: 'ms', ours: median(opens), target: '< 300 ms', check: (r) => r.ours < 300 }),
      makeRow({
        name: 'library: cold open, journal just before compaction',
        unit: 'ms',
        ours: median(worstOpens),
        target: '< 300 ms',
        check: (r) => r.ours < 300,
      }),
      makeRow({ name: 'library: search across all prompts (median)', unit: 'ms', ours: median(searches.map((s) => s.ms)), target: '< 30 ms', check: (r) => r.ours < 30 }),
      makeRow({ name: 'library: one record update, fsynced (median)', unit: 'ms', ours: median(updates), target: '< 5 ms', check: (r) => r.ours < 5 }),
      makeRow({ name: 'library: disk per job, excluding media', unit: 'bytes', ours: journalBytes / JOBS, ...REPORT_ONLY }),
    ];
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}
