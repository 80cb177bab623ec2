// What the library does when SQLite says a page of library.db is damaged (salvage.ts reads around
// it): the readable jobs are written to a new database, the damaged file is kept beside it as
// library.db.damaged (never deleted: a backup tool or a later version may get more out of it), and
// the new file takes its place — so one bad page costs the jobs on it, not the library. A read-only
// open (`cli list`) changes no file: it gets the readable jobs in memory.
import { existsSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { JobRecord } from '../../../shared/domain';
import { JobTable } from './job-table';
import { DATABASE_FILE } from './paths';
import { checkRecord, type LibraryProblem } from './row-check';

const REBUILT_FILE = `${DATABASE_FILE}.rebuilt`;
const DAMAGED_FILE = `${DATABASE_FILE}.damaged`;
const SIDE_FILES = ['-wal', '-shm'];

/** A crash between the two renames below left no library.db but a complete rebuilt one: finish. */
export function finishInterruptedRebuild(root: string): void {
  const file = path.join(root, DATABASE_FILE);
  if (!existsSync(file) && existsSync(path.join(root, REBUILT_FILE))) renameSync(path.join(root, REBUILT_FILE), file);
}

export function rebuildDamagedTable(root: string, damaged: JobTable, readOnly: boolean): { table: JobTable; problem: LibraryProblem } {
  const found = damaged.salvage();
  const records: JobRecord[] = [];
  let invalid = 0;
  for (const text of found.records) {
    const record = parseRecord(text);
    if (record === undefined) invalid++;
    else records.push(record);
  }
  const unreadable = found.lost + invalid;
  if (readOnly) {
    const table = JobTable.open(':memory:', false);
    fill(table, records, found.meta);
    const reason = `${DATABASE_FILE} is damaged: ${records.length} jobs could be read and are listed, ${unreadable} could not. Open the library in Veo Studio to repair it (the damaged file is kept), or restore ${DATABASE_FILE} from a backup.`;
    return { table, problem: { line: 0, reason } };
  }
  const rebuilt = path.join(root, REBUILT_FILE);
  for (const suffix of ['', ...SIDE_FILES]) rmSync(rebuilt + suffix, { force: true });
  const fresh = JobTable.open(rebuilt, false);
  fill(fresh, records, found.meta);
  fresh.checkpoint();
  fresh.close();
  damaged.close();
  const keptAs = freeName(root);
  const live = path.join(root, DATABASE_FILE);
  renameSync(live, path.join(root, keptAs));
  for (const suffix of SIDE_FILES) if (existsSync(live + suffix)) renameSync(live + suffix, path.join(root, keptAs + suffix));
  renameSync(rebuilt, live);
  for (const suffix of SIDE_FILES) rmSync(rebuilt + suffix, { force: true });
  const reason =
    `${DATABASE_FILE} is damaged (a bad page on disk?): the library was rebuilt from the ${records.length} jobs that could be read` +
    (unreadable > 0 ? `; ${unreadable} jobs could not be read and are not listed` : '') +
    `. The damaged file is kept as ${keptAs}: to get missing jobs back, quit Veo Studio and restore ${DATABASE_FILE} from a backup.`;
  return { table: JobTable.open(live, false), problem: { line: 0, reason } };
}

function parseRecord(text: string): JobRecord | undefined {
  try {
    const record = checkRecord(JSON.parse(text));
    return 'problem' in record ? undefined : record;
  } catch {
    return undefined;
  }
}

function fill(table: JobTable, records: JobRecord[], meta: Array<{ key: string; value: string }>): void {
  table.putAll(records);
  for (const note of meta) table.putAll([], note);
}

/** library.db.damaged, or .damaged-2, -3 … when an earlier repair kept one. */
function freeName(root: string): string {
  for (let n = 1; ; n++) {
    const name = n === 1 ? DAMAGED_FILE : `${DAMAGED_FILE}-${n}`;
    if (!existsSync(path.join(root, name))) return name;
  }
}
