// Issue 16 (attack F2): one zeroed 4 KB page of library.db made every full list throw "database disk
// image is malformed" — `cli list`, startup (ledger reconcile, resume) and so the host. A bad page is
// now read around like a bad row: the readable jobs are kept (the library is rebuilt from them, the
// damaged file kept beside it), the lost ones are reported with what to do, and nothing throws.
import { existsSync, promises as fsp } from 'node:fs';
import path from 'node:path';
import Database from 'libsql';
import { describe, expect, it } from 'vitest';
import { JobTable } from '../../../electron/core/library/job-table';
import { LibraryStore } from '../../../electron/core/library/store';
import { makeJobRecord } from '../../support/records';
import { useTempLibrary } from '../../support/temp-library';

const lib = useTempLibrary('veo-badpage-');
const JOBS = 300;
const dbFile = () => path.join(lib.dir, 'library.db');

/** A library of JOBS jobs with long logs (so both tables span many pages), closed and checkpointed. */
function seed(): string[] {
  const records = Array.from({ length: JOBS }, (_, i) =>
    makeJobRecord({ params: { prompt: `clone ${i} ${'lorem ipsum '.repeat(20)}` }, logs: Array.from({ length: 20 }, (_, j) => ({ at: new Date(0).toISOString(), message: `log ${j} `.repeat(10) })) }),
  );
  const table = JobTable.open(dbFile(), false);
  table.putAll(records);
  table.close();
  return records.map((r) => r.id);
}

/** Zeroes the middle leaf page of `tableName`, as a disk or a cut copy would. */
async function zeroLeafOf(tableName: string): Promise<void> {
  const db = new Database(dbFile());
  // Into the main file: libsql leaves the WAL behind on close, and a page there would shadow the zeroes.
  db.pragma('wal_checkpoint(TRUNCATE)');
  const pageSize = Number((db.prepare('PRAGMA page_size').raw().get() as unknown[])[0]);
  const leaves = (db.prepare(`SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY pageno`).raw().all(tableName) as unknown[][]).map((r) => Number(r[0]));
  db.close();
  expect(leaves.length).toBeGreaterThan(1);
  const page = leaves[Math.floor(leaves.length / 2)] as number;
  const file = await fsp.open(dbFile(), 'r+');
  await file.write(Buffer.alloc(pageSize), 0, pageSize, (page - 1) * pageSize);
  await file.close();
}

// A lost `jobs` page costs nothing (every job is rebuilt from its full record); a lost record page
// costs the few jobs on it.
describe.each([
  { tableName: 'jobs', lost: [0, 0] },
  { tableName: 'job_records', lost: [1, 5] },
])('a zeroed leaf page of $tableName', ({ tableName, lost }) => {
  it('is read around: the rest lists and opens, the loss is reported with what to do, writes work', async () => {
    const ids = seed();
    await zeroLeafOf(tableName);
    const problems: string[] = [];
    const store = await lib.openStore((p) => problems.push(p.reason));

    const full = store.list();
    const listed = store.summaries();
    expect(JOBS - listed.length).toBeGreaterThanOrEqual(lost[0] as number);
    expect(JOBS - listed.length).toBeLessThanOrEqual(lost[1] as number);
    expect(full.length).toBe(listed.length);
    expect(store.count()).toBe(listed.length);
    for (const id of ids) expect(() => store.get(id)).not.toThrow();
    expect(problems.join('\n')).toMatch(/library\.db is damaged.*kept as library\.db\.damaged.*restore/s);
    expect(problems.join('\n')).not.toMatch(/disk image is malformed$/m);
    expect(existsSync(path.join(lib.dir, 'library.db.damaged'))).toBe(true);

    const added = await store.put(makeJobRecord());
    await store.close();
    const again = await lib.openStore();
    expect(again.count()).toBe(listed.length + 1);
    expect(again.get(added.id)?.id).toBe(added.id);
  });

  it('a read-only open (`cli list`) reads around it and changes no file', async () => {
    seed();
    await zeroLeafOf(tableName);
    // -wal/-shm left out: libsql closes a connection for good only when it is garbage-collected, which
    // then removes them whenever it happens.
    const files = async () => (await fsp.readdir(lib.dir)).filter((f) => !/-(wal|shm)$/.test(f)).sort();
    const before = await files();
    const problems: string[] = [];
    const store = await LibraryStore.open(lib.dir, { readOnly: true, onProblem: (p) => problems.push(p.reason) });
    try {
      expect(JOBS - store.list().length).toBeGreaterThanOrEqual(lost[0] as number);
      expect(JOBS - store.summaries().length).toBeLessThanOrEqual(lost[1] as number);
      expect(problems.join('\n')).toMatch(/library\.db is damaged/);
    } finally {
      await store.close();
    }
    expect(await files()).toEqual(before);
  });
});

describe('a damaged page met while opening (the id index, asked for every media folder)', () => {
  it('is repaired there: the library opens and no media of a live job is quarantined', async () => {
    const ids = seed();
    for (const id of ids) {
      await fsp.mkdir(path.join(lib.dir, 'media', id), { recursive: true });
      await fsp.writeFile(path.join(lib.dir, 'media', id, 'input.png'), id);
    }
    await zeroLeafOf('sqlite_autoindex_jobs_1');
    const problems: string[] = [];
    const store = await lib.openStore((p) => problems.push(p.reason));
    expect(store.count()).toBe(JOBS);
    expect(existsSync(path.join(lib.dir, 'quarantine'))).toBe(false);
    expect(problems.join('\n')).toMatch(/library\.db is damaged/);
  });
});
