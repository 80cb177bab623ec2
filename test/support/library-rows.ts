// What a library holds on disk, read from outside the store, for tests that check what reached the
// disk (a key that must not, a refused command that must write nothing). The jobs live in SQLite
// (electron/core/library/job-table.ts); a long record spans pages there, so a byte search of the file
// alone could miss a string cut across two pages: the records are read back as text with SQL too.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import Database from 'libsql';

/** The saved record (JSON text) of every job, in id order; [] when the library has no database yet. */
export function savedRecordTexts(libraryDir: string): string[] {
  const file = join(libraryDir, 'library.db');
  if (!existsSync(file)) return [];
  const db = new Database(file);
  try {
    const rows = db.prepare('SELECT r.record FROM jobs j JOIN job_records r ON r.seq = j.seq ORDER BY j.id').raw().all() as Array<[string]>;
    return rows.map(([text]) => text);
  } finally {
    db.close();
  }
}

/** The records as text plus the raw bytes of the database files (latin1), for "never contains" checks. */
export async function libraryText(libraryDir: string): Promise<string> {
  const raw = await Promise.all(['library.db', 'library.db-wal'].map((f) => readFile(join(libraryDir, f)).then((b) => b.toString('latin1'), () => '')));
  return [...savedRecordTexts(libraryDir), ...raw].join('\n');
}
