// Migration of a library written by the journal versions (library.jsonl: one JSON line per put or
// delete, fsynced, replayed on open) into the database, on the first open by this version. Every line
// is read as untrusted: a torn, garbled or invalid line is reported and skipped, never fatal, and never
// erases an earlier good version of its job (replay keeps the last version that validates). All live
// records go into the database in one transaction together with a note that the migration happened;
// only after that commit is the journal renamed to library.jsonl.migrated — kept, never deleted. A
// crash before the commit leaves the journal in place (the next open migrates again); a crash after
// it leaves the note, so the next open only finishes the rename. Trash folders and the spend ledger
// (spend-ledger.jsonl) are files of their own and need no migration.
import { existsSync, promises as fsp } from 'node:fs';
import path from 'node:path';
import type { JobRecord } from '../../../shared/domain';
import { fsyncDirectory } from '../fs/atomic';
import type { JobTable } from './job-table';
import { forEachJournalLine, MAX_JOURNAL_LINE_BYTES } from './journal-lines';
import { JOURNAL_FILE } from './paths';
import { checkRecord, type LibraryProblem } from './row-check';

const MIGRATED_KEY = 'journal-migrated';
export const MIGRATED_JOURNAL_FILE = `${JOURNAL_FILE}.migrated`;

export interface JournalReplay {
  records: Map<string, JobRecord>;
  problems: LibraryProblem[];
}

/** Reads the journal (a stream of lines, so no size stops it); the live records and the bad lines. */
export async function replayJournal(journalPath: string): Promise<JournalReplay> {
  const records = new Map<string, JobRecord>();
  const problems: LibraryProblem[] = [];
  let line = 0;
  await forEachJournalLine(journalPath, ({ text, bytes, terminated }) => {
    line++;
    if (text === undefined) {
      problems.push({ line, reason: `the entry is ${bytes} bytes, over the ${MAX_JOURNAL_LINE_BYTES}-byte limit for one job (skipped)` });
      return;
    }
    if (text.trim() === '') return;
    const result = parseJournalLine(text);
    if ('problem' in result) problems.push({ line, reason: terminated ? result.problem : 'the last write was cut off (torn line)' });
    else if ('record' in result) records.set(result.record.id, result.record);
    else records.delete(result.del);
  });
  return { records, problems };
}

function parseJournalLine(text: string): { record: JobRecord } | { del: string } | { problem: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { problem: 'not valid JSON (torn or garbled write)' };
  }
  const entry = (typeof json === 'object' && json !== null ? json : {}) as { op?: unknown; id?: unknown; record?: unknown };
  if (entry.op === 'del') return typeof entry.id === 'string' && entry.id !== '' ? { del: entry.id } : { problem: 'invalid delete entry, id: missing' };
  if (entry.op !== 'put') return { problem: 'invalid entry: "op" must be "put" or "del"' };
  const record = checkRecord(entry.record);
  return 'problem' in record ? record : { record };
}

/**
 * Brings an existing journal into `table` (see the top of this file); returns the journal lines that
 * could not be read. `keepJournal` (a read-only look into an in-memory table) leaves every file as it is.
 */
export async function migrateJournal(root: string, table: JobTable, keepJournal: boolean): Promise<LibraryProblem[]> {
  const journalPath = path.join(root, JOURNAL_FILE);
  if (!existsSync(journalPath)) return [];
  if (table.getMeta(MIGRATED_KEY) !== undefined) {
    if (!keepJournal) await setJournalAside(root);
    return [];
  }
  const { records, problems } = await replayJournal(journalPath);
  const note = { key: MIGRATED_KEY, value: JSON.stringify({ at: new Date().toISOString(), records: records.size, unreadableLines: problems.length }) };
  table.putAll([...records.values()], keepJournal ? undefined : note);
  if (!keepJournal) await setJournalAside(root);
  return problems;
}

/** library.jsonl → library.jsonl.migrated (or .migrated-2, -3 … when an older one is there). */
async function setJournalAside(root: string): Promise<void> {
  let target = path.join(root, MIGRATED_JOURNAL_FILE);
  for (let n = 2; existsSync(target); n++) target = path.join(root, `${MIGRATED_JOURNAL_FILE}-${n}`);
  await fsp.rename(path.join(root, JOURNAL_FILE), target);
  await fsyncDirectory(root);
}

/** True when this library still has a journal that no database has taken in. */
export function hasUnmigratedJournal(root: string, table: JobTable | undefined): boolean {
  return existsSync(path.join(root, JOURNAL_FILE)) && table?.getMeta(MIGRATED_KEY) === undefined;
}
