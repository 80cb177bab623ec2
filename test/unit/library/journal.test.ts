import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { LibraryProblem } from '../../../electron/core/library';
import { toSummary } from '../../../shared/job-summary';
import { makeJobRecord } from '../../support/records';
import { useTempLibrary } from '../../support/temp-library';

const lib = useTempLibrary('veo-journal-');

let journal: string;
const readLines = async (file = journal) => (await fsp.readFile(file, 'utf8')).split('\n').filter((l) => l !== '');
const logs = (n: number) => Array.from({ length: n }, (_, i) => ({ message: `step ${i}`, level: 'INFO', timestamp: '2025-01-01T00:00:00.000Z' }));

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

// Opening reads job summaries and reads full records on demand (journal-format.ts,
// journal-records.ts): an existing journal migrates without loss, and bytes behind a good summary are
// still validated before anyone gets them.
describe('a library opened from summaries', () => {
  it('migrates a journal in the format before summaries (logs inline) on first open, losing nothing', async () => {
    const kept = [makeJobRecord({ logs: logs(12) }), makeJobRecord({ state: 'failed', logs: logs(3) }), makeJobRecord({ favourite: true })];
    const deleted = makeJobRecord();
    const earlier = { ...kept[0]!, state: 'running' as const, logs: logs(4) };
    const legacy = [earlier, ...kept, deleted].map((record) => JSON.stringify({ op: 'put', record }));
    legacy.push(JSON.stringify({ op: 'del', id: deleted.id }));
    await fsp.writeFile(journal, `${legacy.join('\n')}\n`);

    const problems: LibraryProblem[] = [];
    const store = await lib.openStore((p) => problems.push(p));
    expect(problems).toEqual([]);
    expect(store.list({ sort: 'oldest' })).toEqual(kept);
    // Rewritten once, one summary line per live job, each still carrying the whole record.
    const lines = await readLines();
    expect(lines).toHaveLength(3);
    for (const line of lines) expect(line.startsWith(`{"op":"put","id":"${JSON.parse(line).record.id}","summaryBytes":`)).toBe(true);
    expect(lines.map((l) => JSON.parse(l).record)).toEqual(kept);
    await store.close();

    const again = await lib.openStore();
    expect(again.summaries({ sort: 'oldest' })).toEqual(kept.map(toSummary));
    expect(kept.map((r) => again.get(r.id))).toEqual(kept);
  });

  it('lists summaries without reading records, and a record that fails validation falls back to its earlier version', async () => {
    const first = await lib.openStore();
    const job = await first.put(makeJobRecord({ state: 'running' }));
    await first.update(job.id, { state: 'completed' });
    await first.close();
    // Damage the newest record but not its summary: the summary is valid, the record is not.
    const lines = await readLines();
    lines[1] = lines[1]!.replace('"apiBase":"', '"apiBase":7,"was":"');
    await fsp.writeFile(journal, `${lines.join('\n')}\n`);

    const problems: LibraryProblem[] = [];
    const store = await lib.openStore((p) => problems.push(p));
    expect(store.summaries().map((s) => s.state)).toEqual(['completed']);
    expect(problems).toEqual([]);

    expect(store.get(job.id)?.state).toBe('running');
    expect(problems).toEqual([expect.objectContaining({ line: 2, reason: expect.stringContaining('apiBase') })]);
    // The list now shows the version that reads back.
    expect(store.summaries().map((s) => s.state)).toEqual(['running']);
  });

  it('a job whose only record is unreadable leaves the list when it is opened', async () => {
    const first = await lib.openStore();
    const job = await first.put(makeJobRecord());
    await first.close();
    const [line] = await readLines();
    await fsp.writeFile(journal, `${line!.replace('"provider":"simulator"', '"provider":"nobody"')}\n`);

    const problems: LibraryProblem[] = [];
    const store = await lib.openStore((p) => problems.push(p));
    expect(store.count()).toBe(1);
    expect(store.get(job.id)).toBeUndefined();
    expect(store.count()).toBe(0);
    expect(problems).toHaveLength(1);
  });

  it('a summary that does not pass its schema is ignored in favour of the record behind it', async () => {
    const first = await lib.openStore();
    const job = await first.put(makeJobRecord({ params: { prompt: 'the real prompt' } }));
    await first.close();
    const [line] = await readLines();
    const forged = line!.replace('"summary":{"id"', '"summary":{"state":"exploded","id"');
    // Keep the byte count honest so only the schema can refuse it.
    const count = Number(/"summaryBytes":(\d+)/.exec(forged)![1]) + '"state":"exploded",'.length;
    await fsp.writeFile(journal, `${forged.replace(/"summaryBytes":\d+/, `"summaryBytes":${count}`)}\n`);

    const store = await lib.openStore();
    expect(store.summaries()).toEqual([toSummary(job)]);
    expect(store.get(job.id)).toEqual(job);
  });

  it('search and filters work on summaries, and every summary is the summary of its record', async () => {
    const store = await lib.openStore();
    await store.put(makeJobRecord({ params: { prompt: 'A red fox in snow' }, favourite: true }));
    await store.put(makeJobRecord({ params: { prompt: 'A lighthouse', negativePrompt: 'fox' } }));
    await store.put(makeJobRecord({ state: 'failed', params: { prompt: 'Rain' } }));
    expect(store.summaries({ search: 'FOX' })).toHaveLength(2);
    expect(store.summaries({ favourite: true }).map((s) => s.params.prompt)).toEqual(['A red fox in snow']);
    for (const summary of store.summaries()) expect(summary).toEqual(toSummary(store.get(summary.id)!));
  });
});
