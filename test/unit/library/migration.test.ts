// Issue 16: the library moved from the journal (library.jsonl) to SQLite. A library written by the
// journal versions must open with every job as it was, on first open and without loss; the journal is
// kept (renamed), and a journal with damaged lines migrates too — the damage is reported, not fatal.
// The fixture was written by the journal LibraryStore itself (fixtures/make-journal-fixture.mts).
import { existsSync, promises as fsp } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { JobTable } from '../../../electron/core/library/job-table';
import { LibraryStore } from '../../../electron/core/library/store';
import { makeJobRecord } from '../../support/records';
import { useTempLibrary } from '../../support/temp-library';

const lib = useTempLibrary('veo-migrate-');
const FIXTURE = path.join(import.meta.dirname, 'fixtures', 'journal-library.jsonl');
const journal = () => path.join(lib.dir, 'library.jsonl');

async function withFixture(extra = ''): Promise<string> {
  const text = (await fsp.readFile(FIXTURE, 'utf8')) + extra;
  await fsp.writeFile(journal(), text);
  return text;
}

function expectFixtureJobs(store: LibraryStore): void {
  expect(store.summaries({ sort: 'oldest' }).map((s) => s.id)).toEqual(['fixture-1', 'fixture-2', 'fixture-3', 'fixture-5', 'fixture-6']);
  expect(store.get('fixture-1')).toMatchObject({ state: 'completed', favourite: true, videoPath: 'media/fixture-1/video.mp4' });
  expect(store.get('fixture-2')?.error).toMatchObject({ kind: 'content_policy' });
  expect(store.get('fixture-3')?.logs.map((l) => l.message)).toEqual(['step 3', 'step 3b']);
  expect(store.get('fixture-4')).toBeUndefined();
  expect(store.get('fixture-5')?.params.negativePrompt).toBe('blurry');
  expect(store.get('fixture-6')?.state).toBe('running');
  expect(store.summaries({ search: 'RED FOX at dusk' }).map((s) => s.id)).toEqual(['fixture-6', 'fixture-2']);
}

describe('migrating a journal library to SQLite', () => {
  it('brings every job over on first open, keeps the journal renamed, and does it only once', async () => {
    const original = await withFixture();
    const problems: string[] = [];
    const store = await lib.openStore((p) => problems.push(p.reason));
    expectFixtureJobs(store);
    expect(problems).toEqual([]);
    expect(existsSync(journal())).toBe(false);
    expect(await fsp.readFile(`${journal()}.migrated`, 'utf8')).toBe(original);

    await store.update('fixture-6', { state: 'completed' });
    await store.close();
    const again = await lib.openStore();
    expect(again.get('fixture-6')?.state).toBe('completed');
    expect(again.count()).toBe(5);
  });

  it('reports damaged lines, skips them and keeps the last good version of their job', async () => {
    const badUpdate = JSON.stringify({ op: 'put', record: { ...makeJobRecord({ id: 'fixture-3' }), state: 'exploded' } });
    const legacy = JSON.stringify({ op: 'put', record: makeJobRecord({ id: 'legacy-7' }) });
    await withFixture(`not json at all\n${badUpdate}\n${legacy}\n{"op":"put","record":{"id":"torn`);
    const problems: string[] = [];
    const store = await lib.openStore((p) => problems.push(`line ${p.line}: ${p.reason}`));
    expect(problems).toEqual([
      'line 12: not valid JSON (torn or garbled write)',
      expect.stringMatching(/^line 13: invalid job record, state/),
      'line 15: the last write was cut off (torn line)',
    ]);
    expect(store.get('fixture-3')?.logs.map((l) => l.message)).toEqual(['step 3', 'step 3b']);
    expect(store.get('legacy-7')).toBeDefined();
    expect(store.count()).toBe(6);
  });

  it('a crash after the commit but before the rename: the next open only renames, it does not import again', async () => {
    const original = await withFixture();
    const store = await lib.openStore();
    await store.delete('fixture-6');
    await store.close();
    await fsp.writeFile(journal(), original); // as if the rename had not happened

    const reopened = await lib.openStore();
    expect(reopened.get('fixture-6')).toBeUndefined();
    expect(reopened.count()).toBe(4);
    expect(existsSync(journal())).toBe(false);
    expect(existsSync(`${journal()}.migrated-2`)).toBe(true);
  });

  it('a crash before the commit (a database with no jobs yet): the journal is migrated', async () => {
    await withFixture();
    JobTable.open(path.join(lib.dir, 'library.db'), false).close();
    const store = await lib.openStore();
    expectFixtureJobs(store);
  });

  it('a read-only open (`cli list`) reads the journal and changes no file', async () => {
    await withFixture();
    const before = (await fsp.readdir(lib.dir)).sort();
    const store = await LibraryStore.open(lib.dir, { readOnly: true });
    try {
      expectFixtureJobs(store);
    } finally {
      await store.close();
    }
    expect((await fsp.readdir(lib.dir)).sort()).toEqual(before);
  });
});
