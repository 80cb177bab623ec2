// Issue 16 (attack F5): the takes of a shot were found by reading and caching every full record of the
// library (library:takes, "Another take"), and the record cache was never trimmed — with 10k jobs the
// heap went from 11 to 166 MB. Takes are now a query on the shot; the record cache keeps only the
// recently used.
import path from 'node:path';
import Database from 'libsql';
import { describe, expect, it } from 'vitest';
import { JobTable } from '../../../electron/core/library/job-table';
import { RECORD_CACHE_LIMIT } from '../../../electron/core/library/store';
import { makeJobRecord } from '../../support/records';
import { useTempLibrary } from '../../support/temp-library';

const lib = useTempLibrary('veo-takes-');

describe('takes of a shot', () => {
  it('are found by the shot alone, oldest first, reading no other record', async () => {
    const store = await lib.openStore();
    const first = await store.put(makeJobRecord());
    for (let i = 0; i < 50; i++) await store.put(makeJobRecord());
    const second = await store.put(makeJobRecord({ shotId: first.id, take: 2 }));
    const elsewhere = await store.put(makeJobRecord({ shotId: 'another-shot', take: 2 }));
    const third = await store.put(makeJobRecord({ shotId: first.id, take: 3 }));
    await store.close();

    const reopened = await lib.openStore();
    expect(reopened.takesOf(first.id).map((r) => r.id)).toEqual([first.id, second.id, third.id]);
    expect(reopened.cachedRecords).toBe(3);
    expect(reopened.takesOf('another-shot').map((r) => r.id)).toEqual([elsewhere.id]);
    expect(reopened.takesOf('no-such-shot')).toEqual([]);
  });

  it('are found for rows an older build wrote without the shot column (filled in on open)', async () => {
    const first = makeJobRecord();
    const take = makeJobRecord({ shotId: first.id, take: 2 });
    const table = JobTable.open(path.join(lib.dir, 'library.db'), false);
    table.putAll([first, take, makeJobRecord()]);
    table.close();
    const db = new Database(path.join(lib.dir, 'library.db'));
    db.exec('UPDATE jobs SET shot_id = NULL');
    db.close();
    const store = await lib.openStore();
    expect(store.takesOf(first.id).map((r) => r.id)).toEqual([first.id, take.id]);
  });
});

describe('the record cache', () => {
  it('keeps at most RECORD_CACHE_LIMIT full records however many are listed', async () => {
    const table = JobTable.open(path.join(lib.dir, 'library.db'), false);
    table.putAll(Array.from({ length: RECORD_CACHE_LIMIT + 100 }, () => makeJobRecord()));
    table.close();
    const store = await lib.openStore();
    expect(store.list()).toHaveLength(RECORD_CACHE_LIMIT + 100);
    expect(store.cachedRecords).toBeLessThanOrEqual(RECORD_CACHE_LIMIT);
    // A record that fell out is read again, the same as before.
    const oldest = store.summaries({ sort: 'oldest', limit: 1 })[0];
    expect(store.get(oldest?.id ?? '')?.id).toBe(oldest?.id);
  });
});
