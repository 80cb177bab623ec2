import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { LibraryProblem } from '../../../electron/core/library';
import { makeJobRecord } from '../../support/records';
import { useTempLibrary } from '../../support/temp-library';

const lib = useTempLibrary('veo-journal-');

let journal: string;
const readLines = async (file = journal) => (await fsp.readFile(file, 'utf8')).split('\n').filter((l) => l !== '');

beforeEach(() => {
  journal = path.join(lib.dir, 'library.jsonl');
});

describe('journal damage is reported, skipped, never fatal', () => {
  it('skips a torn last line, keeps the previous version, and appends on a fresh line afterwards', async () => {
    const first = await lib.openStore();
    const r = await first.put(makeJobRecord({ state: 'running' }));
    await first.close();
    const newer = JSON.stringify({ op: 'put', record: { ...r, state: 'completed' } });
    await fsp.appendFile(journal, newer.slice(0, newer.length - 25)); // cut off mid-write, no newline

    const problems: LibraryProblem[] = [];
    const second = await lib.openStore((p) => problems.push(p));
    expect(second.get(r.id)?.state).toBe('running');
    expect(problems).toEqual([{ line: 2, reason: expect.stringMatching(/torn/) }]);
    expect(second.problems).toEqual(problems);

    await second.update(r.id, { state: 'downloading' });
    await second.close();
    const third = await lib.openStore();
    expect(third.get(r.id)?.state).toBe('downloading');
    expect(third.problems).toHaveLength(1); // the torn line is still there, still skipped
    expect(third.problems[0]?.line).toBe(2);
  });

  it('skips a garbage line and a schema-invalid record in the middle, keeping earlier good versions', async () => {
    const first = await lib.openStore();
    const a = await first.put(makeJobRecord({ state: 'queued' }));
    const b = await first.put(makeJobRecord({ state: 'queued' }));
    await first.close();
    await fsp.appendFile(
      journal,
      [
        '{"op":"put","record":{"id":"half',
        JSON.stringify({ op: 'put', record: { ...a, state: 'teleported' } }),
        JSON.stringify({ op: 'put', record: { ...b, state: 'running' } }),
        JSON.stringify({ op: 'explode' }),
        '',
      ].join('\n'),
    );
    const problems: LibraryProblem[] = [];
    const store = await lib.openStore((p) => problems.push(p));
    expect(store.get(a.id)?.state).toBe('queued');
    expect(store.get(b.id)?.state).toBe('running');
    expect(problems.map((p) => p.line)).toEqual([3, 4, 6]);
    expect(problems[0]?.reason).toMatch(/not valid JSON/);
    expect(problems[1]?.reason).toMatch(/state/);
    expect(problems[2]?.reason).toMatch(/invalid entry/);
  });

  it('survives an empty or whitespace-only journal and a listener that throws', async () => {
    await fsp.writeFile(journal, '\n\n   \nnot json\n');
    const store = await lib.openStore(() => {
      throw new Error('listener bug');
    });
    expect(store.count()).toBe(0);
    expect(store.problems).toEqual([{ line: 4, reason: expect.stringMatching(/not valid JSON/) }]);
  });
});

describe('compaction', () => {
  it('rewrites a bloated journal to one line per live record, losing nothing and leaving no tmp', async () => {
    const store = await lib.openStore();
    const keep = await store.put(makeJobRecord());
    const gone = await store.put(makeJobRecord());
    await store.delete(gone.id);
    const busy = await store.put(makeJobRecord({ logs: [] }));
    for (let i = 0; i < 520; i++) await store.update(busy.id, (r) => ({ ...r, queuePosition: i }));
    const lines = await readLines();
    // 524 lines were appended in all; compaction (threshold 2 × 2 live + 500) cut them down.
    expect(lines.length).toBeLessThan(30);
    expect(new Set(lines.map((l) => JSON.parse(l).record?.id))).toEqual(new Set([keep.id, busy.id]));
    expect((await fsp.readdir(lib.dir)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    const before = store.list();
    await store.close();
    const reopened = await lib.openStore();
    expect(reopened.list()).toEqual(before);
    expect(reopened.get(busy.id)?.queuePosition).toBe(519);
    expect(reopened.get(gone.id)).toBeUndefined();
  });

  it('moves unreadable lines aside to library.rejected.jsonl instead of dropping them', async () => {
    const first = await lib.openStore();
    const r = await first.put(makeJobRecord());
    await first.close();
    await fsp.appendFile(journal, 'garbage that someone may want to look at\n');
    const store = await lib.openStore();
    expect(store.problems).toHaveLength(1);
    for (let i = 0; i < 505; i++) await store.update(r.id, { queuePosition: i });
    const rejected = (await readLines(path.join(lib.dir, 'library.rejected.jsonl'))).map((l) => JSON.parse(l));
    expect(rejected).toEqual([
      expect.objectContaining({ line: 2, text: 'garbage that someone may want to look at', reason: expect.any(String) }),
    ]);
    expect((await readLines()).length).toBeLessThan(10);
    await store.close();
    const reopened = await lib.openStore();
    expect(reopened.problems).toEqual([]);
    expect(reopened.get(r.id)?.queuePosition).toBe(504);
  });

  it('removes a stray library.jsonl.tmp left by a crash during compaction', async () => {
    const first = await lib.openStore();
    const r = await first.put(makeJobRecord());
    await first.close();
    await fsp.writeFile(path.join(lib.dir, 'library.jsonl.tmp'), '{"op":"put","record":{"id":"partial');
    const store = await lib.openStore();
    expect(store.list().map((x) => x.id)).toEqual([r.id]);
    expect(await fsp.readdir(lib.dir)).not.toContain('library.jsonl.tmp');
  });
});
