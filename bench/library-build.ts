// Child process for group 3: writes a library of realistic jobs into a fresh folder (not timed).
//   library-build.ts <dir> <jobs> [updates]
// With `updates`, it then leaves the worst state SQLite can be opened in: that many fsynced updates
// since the last checkpoint, all still in the WAL (a reader holds its snapshot, so no checkpoint can
// move them into the database), and the process ends without closing — as if killed. The next open
// has to read the whole WAL back, which is what the "without a checkpoint" rows measure.
import { statSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import Database from 'libsql';
import { JobTable } from '../electron/core/library/job-table';
import { DATABASE_FILE } from '../electron/core/library/paths';
import type { JobRecord } from '../shared/domain';
import { makeLibraryRecords, writeLibraryDatabase } from './library-data';

const [dir, jobs, updates = '0'] = process.argv.slice(2);
if (!dir || !jobs) throw new Error('usage: library-build.ts <dir> <jobs> [updates]');
await mkdir(dir, { recursive: true });
const records = makeLibraryRecords(Number(jobs));
writeLibraryDatabase(dir, records).close();
const file = join(dir, DATABASE_FILE);
if (Number(updates) > 0) {
  const reader = new Database(file);
  reader.exec('BEGIN');
  reader.prepare('SELECT count(*) FROM jobs').raw().get();
  const table = JobTable.open(file, false);
  for (let i = 0; i < Number(updates); i++) {
    const record = records[i % records.length] as JobRecord;
    table.putAll([{ ...record, favourite: !record.favourite, updatedAt: new Date().toISOString() }]);
  }
  console.log(JSON.stringify({ walBytes: statSync(`${file}-wal`).size }));
  process.exit(0);
}
console.log(JSON.stringify({ walBytes: 0 }));
