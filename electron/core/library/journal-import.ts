// Migration of a library written by the journal versions (library.jsonl: one JSON line per put or
// delete, fsynced, replayed on open) into the database, on the first open by this version. Every line
// is read as untrusted: a torn, garbled or invalid line is reported and skipped, never fatal, and never
// erases an earlier good version of its job (replay keeps the last version that validates). All live
// records go into the database in one transaction together with a note that the migration happened;
// only after that commit is the journal renamed to library.jsonl.migrated — kept, never deleted. A
// crash before the commit leaves the journal in place (the next open migrates again); a crash after
// it leaves the note, so the next open only finishes the rename. Trash folders and the spend ledger
// (spend-ledger.jsonl) are files of their own and need no migration.
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, promises as fsp } from 'node:fs';
import path from 'node:path';
import type { JobRecord } from '../../../shared/domain';
import { fsyncDirectory } from '../fs/atomic';
import type { JobTable } from './job-table';
import { forEachJournalLine, MAX_JOURNAL_LINE_BYTES } from './journal-lines';
import { DATABASE_FILE, JOURNAL_FILE, MEDIA_DIR } from './paths';
import { checkRecord, recordFromRow, type LibraryProblem } from './row-check';

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

/** What opening found beyond the jobs themselves. */
export interface JournalOutcome {
  problems: LibraryProblem[];
  /** The database was empty although this folder held a library before: media must not be quarantined. */
  keepMedia: boolean;
}

/**
 * Brings an existing journal into `table` (see the top of this file); returns the journal lines that
 * could not be read. `keepJournal` (a read-only look into an in-memory table) leaves every file as it is.
 * A journal that appears after the migration was written by an older version the user went back to:
 * its jobs are merged (new ones, and newer versions by updatedAt), never set aside unread. An empty
 * database next to a migrated journal (a 0-byte file after a cut copy or a full disk) is rebuilt from it.
 */
export async function migrateJournal(root: string, table: JobTable, keepJournal: boolean): Promise<JournalOutcome> {
  const journalPath = path.join(root, JOURNAL_FILE);
  const problems: LibraryProblem[] = [];
  let keepMedia = false;
  if (table.createdNow && !keepJournal) {
    const rebuilt = await rebuildFromMigrated(root, table, problems);
    keepMedia = rebuilt.keepMedia;
  }
  if (!existsSync(journalPath)) return { problems, keepMedia };
  const migratedNote = table.getMeta(MIGRATED_KEY);
  const digest = await fileDigest(journalPath);
  // The very journal already taken in (a crash between the commit and the rename): only rename it,
  // so jobs deleted since are not brought back.
  if (migratedNote !== undefined && noteDigest(migratedNote) === digest) {
    if (!keepJournal) await setJournalAside(root);
    return { problems, keepMedia };
  }
  const afterMigration = migratedNote !== undefined;
  const replay = await replayJournal(journalPath);
  problems.push(...replay.problems);
  const merged = mergeInto(table, replay.records.values(), keepJournal ? undefined : noteFor(replay, digest));
  if (afterMigration && merged > 0) {
    problems.push({ line: 0, reason: `${merged} jobs from a ${JOURNAL_FILE} written after the migration (by an earlier version) were merged into the library` });
  }
  if (!keepJournal) await setJournalAside(root);
  return { problems, keepMedia };
}

const noteFor = (replay: JournalReplay, sha256: string) => ({
  key: MIGRATED_KEY,
  value: JSON.stringify({ at: new Date().toISOString(), records: replay.records.size, unreadableLines: replay.problems.length, sha256 }),
});

function noteDigest(note: string): string | undefined {
  try {
    const { sha256 } = JSON.parse(note) as { sha256?: unknown };
    return typeof sha256 === 'string' ? sha256 : undefined;
  } catch {
    return undefined;
  }
}

async function fileDigest(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Writes the records the table lacks or holds an older version of (by updatedAt); returns how many. */
function mergeInto(table: JobTable, records: Iterable<JobRecord>, note?: { key: string; value: string }): number {
  const newer: JobRecord[] = [];
  for (const record of records) {
    const held = table.has(record.id) ? recordFromRow(record.id, table.row(record.id)?.record) : undefined;
    if (held === undefined || 'problem' in held || held.updatedAt < record.updatedAt) newer.push(record);
  }
  table.putAll(newer, note);
  return newer.length;
}

/** library.jsonl.migrated, then -2, -3 …: oldest first, so a later journal's version wins a tie. */
function migratedJournals(root: string): string[] {
  const found: string[] = [];
  for (let n = 1; ; n++) {
    const file = path.join(root, n === 1 ? MIGRATED_JOURNAL_FILE : `${MIGRATED_JOURNAL_FILE}-${n}`);
    if (!existsSync(file)) return found;
    found.push(file);
  }
}

async function rebuildFromMigrated(root: string, table: JobTable, problems: LibraryProblem[]): Promise<{ keepMedia: boolean }> {
  const journals = migratedJournals(root);
  const mediaFolders = await fsp.readdir(path.join(root, MEDIA_DIR)).catch(() => [] as string[]);
  // A journal never migrated explains a new database (the first open of this version); so does an empty folder.
  if (journals.length === 0 && (mediaFolders.length === 0 || existsSync(path.join(root, JOURNAL_FILE)))) return { keepMedia: false };
  let rebuilt = 0;
  for (const journal of journals) rebuilt += mergeInto(table, (await replayJournal(journal)).records.values());
  const from = journals.map((j) => path.basename(j)).join(', ');
  problems.push({
    line: 0,
    reason:
      journals.length > 0
        ? `${DATABASE_FILE} was empty (an interrupted copy or a full disk?); ${rebuilt} jobs were rebuilt from ${from}. Jobs made since that journal was set aside are not in it: restore ${DATABASE_FILE} from a backup to get them back. No media was moved.`
        : `${DATABASE_FILE} was empty although media/ holds ${mediaFolders.length} folders: restore ${DATABASE_FILE} from a backup. The media was left where it is.`,
  });
  return { keepMedia: true };
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
