// The database is a file on the user's disk like the journal was: hand-edited, written by a buggy or
// newer version, damaged. A row that does not validate must never stop the library from opening, is
// reported, and stays in the file (nothing saved is ever deleted); a file that is not a database at
// all is refused with a sentence that says what to do, and left untouched.
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import Database from 'libsql';
import { describe, expect, it } from 'vitest';
import { makeJobRecord } from '../../support/records';
import { useTempLibrary } from '../../support/temp-library';
import { JobTable } from '../../../electron/core/library/job-table';
import { LibraryStore } from '../../../electron/core/library/store';

const lib = useTempLibrary('veo-rows-');
const dbFile = () => path.join(lib.dir, 'library.db');
const OLDEST = '(SELECT seq FROM jobs ORDER BY created_ms LIMIT 1)';
const NEWEST = '(SELECT seq FROM jobs ORDER BY created_ms DESC LIMIT 1)';

/** Writes three jobs through the store, then edits their rows behind its back. */
async function libraryWithEditedRows(edit: (db: InstanceType<typeof Database>) => void): Promise<string[]> {
  const store = await LibraryStore.open(lib.dir);
  const ids: string[] = [];
  for (let i = 0; i < 3; i++) ids.push((await store.put(makeJobRecord({ params: { prompt: `A paper boat, take ${i}` } }))).id);
  await store.close();
  const db = new Database(dbFile());
  edit(db);
  db.close();
  return ids;
}

describe('rows that do not validate', () => {
  it('a garbled summary falls back to the validated record; the job is still listed', async () => {
    const [a] = await libraryWithEditedRows((db) => db.prepare(`UPDATE jobs SET summary = '{"id":' WHERE seq = ${OLDEST}`).run());
    const problems: string[] = [];
    const store = await lib.openStore((p) => problems.push(p.reason));
    expect(store.summaries().map((s) => s.id)).toContain(a);
    expect(store.summaries({ search: 'take 0' })[0]?.params.prompt).toBe('A paper boat, take 0');
    expect(problems).toEqual([]);
  });

  it('a row whose record fails validation is reported and left out, never stops the open, and stays in the file', async () => {
    const [a, b, c] = await libraryWithEditedRows((db) => {
      db.prepare(`UPDATE jobs SET summary = 'garbage' WHERE seq = ${OLDEST}`).run();
      db.prepare(`UPDATE job_records SET record = json_set(record, '$.state', 'exploded') WHERE seq = ${OLDEST}`).run();
    });
    const problems: string[] = [];
    const store = await lib.openStore((p) => problems.push(p.reason));
    expect(store.summaries().map((s) => s.id)).toEqual([c, b]);
    expect(store.count()).toBe(2);
    expect(store.get(a!)).toBeUndefined();
    expect(store.list({ limit: 1, offset: 1 }).map((r) => r.id)).toEqual([b]);
    expect(problems).toEqual([expect.stringMatching(/invalid job record, state.*stays in library\.db/)]);
    await store.close();
    const db = new Database(dbFile());
    expect((db.prepare('SELECT count(*) FROM jobs').raw().get() as number[])[0]).toBe(3);
    db.close();
  });

  it('a row whose record is another job (bytes moved between rows) is not believed', async () => {
    const [a, b] = await libraryWithEditedRows((db) => {
      db.prepare(`UPDATE jobs SET summary = 'x' WHERE seq = ${OLDEST}`).run();
      db.prepare(`UPDATE job_records SET record = (SELECT record FROM job_records WHERE seq = ${NEWEST}) WHERE seq = ${OLDEST}`).run();
    });
    const problems: string[] = [];
    const store = await lib.openStore((p) => problems.push(p.reason));
    expect(store.get(a!)).toBeUndefined();
    expect(store.summaries()).toHaveLength(2);
    expect(store.get(b!)).toBeDefined();
    expect(problems).toEqual([expect.stringMatching(new RegExp(`the row of job ${a} holds the record of job`))]);
  });

  it('a file that is not a database is refused with what to do, and left as it was', async () => {
    await fsp.mkdir(lib.dir, { recursive: true });
    const garbage = Buffer.from('this is not a SQLite database, it only has its name '.repeat(200));
    await fsp.writeFile(dbFile(), garbage);
    await expect(LibraryStore.open(lib.dir)).rejects.toThrow(/library\.db is damaged .*move the file aside/);
    expect(await fsp.readFile(dbFile())).toEqual(garbage);
    // …and the lock was released: the next attempt is not told the library is in use.
    await expect(LibraryStore.open(lib.dir)).rejects.toThrow(/is damaged/);
  });
});

describe('search through the FTS5 index', () => {
  it('finds substrings case-insensitively, with short needles, quotes and non-ASCII', async () => {
    const store = await lib.openStore();
    const a = await store.put(makeJobRecord({ params: { prompt: 'Ein Fuchs läuft über die Brücke, "slowly"' } }));
    const b = await store.put(makeJobRecord({ params: { prompt: 'A fox at dusk' }, requestId: 'req-ABC-123' }));
    const ids = (search: string) => store.summaries({ search }).map((s) => s.id);
    expect(ids('BRÜCKE')).toEqual([a.id]);
    expect(ids('"slowly"')).toEqual([a.id]);
    expect(ids('ox')).toEqual([b.id]);
    expect(ids('abc-12')).toEqual([b.id]);
    expect(ids(b.id.toUpperCase())).toEqual([b.id]);
    expect(ids('   ')).toHaveLength(2);
    expect(ids('no such prompt')).toEqual([]);
    expect(store.count({ search: 'fuchs' })).toBe(1);
  });

  it('pages of a search with many hits (walking the list index) and with few (sorting the hits) agree with the full list', async () => {
    await fsp.mkdir(lib.dir, { recursive: true });
    const records = Array.from({ length: 1500 }, (_, i) => makeJobRecord({ params: { prompt: i % 3 === 0 ? `A rare heron, take ${i}` : `A common gull, take ${i}` } }));
    const table = JobTable.open(dbFile(), false);
    table.putAll(records);
    table.close();
    const store = await lib.openStore();
    for (const search of ['common gull', 'rare heron']) {
      const all = store.summaries({ search }).map((s) => s.id);
      expect(all).toHaveLength(search === 'common gull' ? 1000 : 500);
      expect(store.summaries({ search, limit: 60, offset: 120 }).map((s) => s.id)).toEqual(all.slice(120, 180));
      expect(store.summaries({ search, limit: 60, sort: 'oldest' }).map((s) => s.id)).toEqual([...all].reverse().slice(0, 60));
      expect(store.count({ search })).toBe(all.length);
    }
  });

  it('a search repeated after a write sees the write (the last search is remembered only until then)', async () => {
    const store = await lib.openStore();
    const first = await store.put(makeJobRecord({ params: { prompt: 'A koi pond at dawn' } }));
    expect(store.count({ search: 'koi pond' })).toBe(1);
    const second = await store.put(makeJobRecord({ params: { prompt: 'Another koi pond' } }));
    expect(store.summaries({ search: 'koi pond' }).map((s) => s.id)).toEqual([second.id, first.id]);
    await store.update(first.id, { params: { ...first.params, prompt: 'A lily pond' } });
    expect(store.count({ search: 'koi pond' })).toBe(1);
    await store.delete(second.id);
    expect(store.summaries({ search: 'koi pond' })).toEqual([]);
  });
});
