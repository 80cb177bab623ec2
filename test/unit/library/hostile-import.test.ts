// Issue 10: imported libraries are hostile. Prototype-name ids, giant strings and records that would
// make this machine talk to someone else's server are all neutralised on the way in.
import { randomUUID } from 'node:crypto';
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { importLibrary } from '../../../electron/core/library/portable';
import { OUTCOME_UNKNOWN_IMPORT_NOTE } from '../../../electron/core/library/portable-import';
import { RECORD_LIMITS } from '../../../electron/core/library/record-bounds';
import { LibraryStore } from '../../../electron/core/library/store';
import { makeJobRecord } from '../../support/records';
import { useTempLibrary } from '../../support/temp-library';

const lib = useTempLibrary('veo-hostile-import-');
let store: LibraryStore;
beforeEach(async () => {
  lib.dir = path.join(lib.root, 'lib');
  store = await lib.openStore();
});

async function importJobs(jobs: unknown[]) {
  const dir = path.join(lib.root, `export-${randomUUID()}`);
  await fsp.mkdir(dir);
  await fsp.writeFile(path.join(dir, 'index.json'), JSON.stringify({ format: 'veo-studio.library', version: 1, exportedAt: 'now', jobs }));
  return importLibrary(store, dir);
}

const urlJob = (overrides: Parameters<typeof makeJobRecord>[0]) =>
  makeJobRecord({ state: 'failed', input: { kind: 'url', url: 'https://example.com/p.png' }, ...overrides });

describe('importing a hostile library', () => {
  it('prototype-name ids get fresh UUIDs, and the library reopens with them', async () => {
    const names = ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf'];
    const parent = urlJob({ id: 'constructor', requestId: 'p-1' });
    const child = urlJob({ id: 'toString', requestId: 'p-2', parentId: 'constructor' });
    const others = names.slice(2).map((id, i) => urlJob({ id, requestId: `p-${i + 3}` }));
    const result = await importJobs([parent, child, ...others]);

    expect(result).toMatchObject({ imported: names.length, problems: [] });
    const ids = store.list().map((r) => r.id);
    expect(ids.every((id) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(id))).toBe(true);
    expect(ids.some((id) => names.includes(id))).toBe(false);
    const importedParent = store.list().find((r) => r.requestId === 'p-1');
    expect(store.list().find((r) => r.requestId === 'p-2')?.parentId).toBe(importedParent?.id);

    await store.close();
    store = await LibraryStore.open(path.join(lib.root, 'lib'));
    expect(store.count()).toBe(names.length);
  });

  it('a journal line naming a prototype member as its id is refused on open (it never reaches a face)', async () => {
    await store.close();
    const good = makeJobRecord({ id: randomUUID() });
    const lines = [...['constructor', '__proto__', 'toString'].map((id) => makeJobRecord({ id })), good].map((record) => JSON.stringify({ op: 'put', record }));
    await fsp.writeFile(path.join(lib.root, 'lib', 'library.jsonl'), `${lines.join('\n')}\n`);
    const problems: string[] = [];
    store = await LibraryStore.open(path.join(lib.root, 'lib'), { onProblem: (p) => problems.push(p.reason) });
    expect(store.list().map((r) => r.id)).toEqual([good.id]);
    expect(problems).toHaveLength(3);
    expect(problems.every((p) => /is not a safe folder name/.test(p))).toBe(true);
  });

  it('a giant error detail and giant log lines are cut to their bounds; the database stays small', async () => {
    const huge = 'A'.repeat(3 * 1024 * 1024);
    const job = urlJob({
      id: randomUUID(),
      error: { kind: 'unknown', message: huge, detail: huge },
      // ~14 MB in all: under the import's 16 MB index cap (portable-limits.ts), far over every record bound.
      logs: Array.from({ length: 20 }, (_, i) => ({ message: `${i} ${'L'.repeat(400 * 1024)}` })),
    });
    expect((await importJobs([job])).imported).toBe(1);

    const [got] = store.list();
    expect(got?.error?.detail?.length).toBeLessThanOrEqual(RECORD_LIMITS.detailChars);
    expect(got?.error?.message.length).toBeLessThanOrEqual(RECORD_LIMITS.messageChars);
    expect(got?.logs.every((l) => l.message.length <= RECORD_LIMITS.logLineChars)).toBe(true);
    expect(got?.logs.reduce((n, l) => n + l.message.length, 0)).toBeLessThanOrEqual(RECORD_LIMITS.logsTotalChars);
    const onDisk = await Promise.all(['library.db', 'library.db-wal'].map((f) => fsp.stat(path.join(store.dir, f)).then((st) => st.size, () => 0)));
    expect(onDisk[0]! + onDisk[1]!).toBeLessThan(1024 * 1024);
  });

  it('outcome-unknown and unfinished jobs arrive finished, with no addresses and no "Check again"', async () => {
    const evil = 'http://127.0.0.1:9';
    const urls = { status: `${evil}/s`, response: `${evil}/r`, cancel: `${evil}/c` };
    const unknown = urlJob({ id: randomUUID(), requestId: 'u-1', apiBase: evil, urls, provider: 'aggregator', error: { kind: 'outcome_unknown', message: 'maybe' } });
    const queued = urlJob({ id: randomUUID(), requestId: 'u-2', apiBase: evil, urls, state: 'queued', cancelRequested: true });
    const downloading = urlJob({ id: randomUUID(), requestId: 'u-3', apiBase: evil, urls, state: 'downloading', result: { url: `${evil}/video.mp4` } });
    expect((await importJobs([unknown, queued, downloading])).imported).toBe(3);

    for (const rec of store.list()) {
      expect(rec.state).toBe('failed');
      expect(rec.urls).toBeUndefined();
      expect(rec.result).toBeUndefined();
      expect(rec.apiBase).toBe('');
      expect(rec.cancelRequested).toBe(false);
      expect(rec.error?.kind).not.toBe('outcome_unknown');
    }
    expect(store.list().find((r) => r.requestId === 'u-1')?.error?.message).toBe(OUTCOME_UNKNOWN_IMPORT_NOTE);
  });
});
