import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LibraryStore} from '../../../electron/core/library';
import { type LibraryChange } from '../../../electron/core/library';
import { makeJobRecord } from '../../support/records';
import { useTempLibrary } from '../../support/temp-library';

const lib = useTempLibrary('veo-lib-');

describe('LibraryStore basics', () => {
  it('creates the folder and starts empty', async () => {
    lib.dir = path.join(lib.dir, 'nested', 'library');
    const store = await lib.openStore();
    expect(store.dir).toBe(lib.dir);
    expect(store.list()).toEqual([]);
    expect(store.count()).toBe(0);
    expect(store.problems).toEqual([]);
    expect((await fsp.stat(lib.dir)).isDirectory()).toBe(true);
  });

  it('puts and gets a record, stamping updatedAt and applying schema defaults', async () => {
    const store = await lib.openStore();
    const input = makeJobRecord({ updatedAt: '2000-01-01T00:00:00.000Z' });
    const saved = await store.put(input);
    expect(saved.id).toBe(input.id);
    expect(saved.updatedAt).not.toBe('2000-01-01T00:00:00.000Z');
    expect(Date.parse(saved.updatedAt)).toBeGreaterThan(Date.parse('2020-01-01'));
    expect(store.get(input.id)).toEqual(saved);
    expect(store.get('nope')).toBeUndefined();
  });

  it('rejects an invalid record with a readable error and writes nothing', async () => {
    const store = await lib.openStore();
    const bad = { ...makeJobRecord(), state: 'exploded' } as unknown as Parameters<LibraryStore['put']>[0];
    await expect(store.put(bad)).rejects.toThrow(/not a valid job record[\s\S]*state/);
    const unsafe = makeJobRecord({ id: '../escape' });
    await expect(store.put(unsafe)).rejects.toThrow(/cannot be used as a job id/);
    expect(store.count()).toBe(0);
    const journal = await fsp.readFile(path.join(lib.dir, 'library.jsonl'), 'utf8').catch(() => '');
    expect(journal).toBe('');
  });

  it('hands out frozen records so callers cannot change memory behind the disk', async () => {
    const store = await lib.openStore();
    const saved = await store.put(makeJobRecord());
    expect(() => {
      (saved as { state: string }).state = 'failed';
    }).toThrow(TypeError);
    expect(() => saved.logs.push({ message: 'x' })).toThrow(TypeError);
  });

  it('lists newest first by default, oldest on request, with limit and offset', async () => {
    const store = await lib.openStore();
    const records = [makeJobRecord(), makeJobRecord(), makeJobRecord(), makeJobRecord()];
    // Insert out of order: listing must follow createdAt, not insertion.
    for (const r of [records[2], records[0], records[3], records[1]]) await store.put(r!);
    const ids = records.map((r) => r.id);
    expect(store.list().map((r) => r.id)).toEqual([...ids].reverse());
    expect(store.list({ sort: 'oldest' }).map((r) => r.id)).toEqual(ids);
    expect(store.list({ sort: 'oldest', limit: 2, offset: 1 }).map((r) => r.id)).toEqual(ids.slice(1, 3));
    expect(store.list({ limit: 0 })).toEqual([]);
    expect(store.list({ offset: 10 })).toEqual([]);
  });

  it('searches prompt, negative prompt and request id case-insensitively, and filters by state and favourite', async () => {
    const store = await lib.openStore();
    const cat = await store.put(makeJobRecord({ params: { prompt: 'A Cat on a windowsill' }, state: 'completed', favourite: true }));
    const dog = await store.put(makeJobRecord({ params: { prompt: 'A dog', negativePrompt: 'no CATS please' }, state: 'failed' }));
    const other = await store.put(makeJobRecord({ params: { prompt: 'A boat' }, requestId: 'REQ-cat-123', state: 'running' }));
    const plain = await store.put(makeJobRecord({ params: { prompt: 'A tree' }, state: 'queued' }));
    const ids = (q: Parameters<LibraryStore['list']>[0]) => store.list({ ...q, sort: 'oldest' }).map((r) => r.id);
    expect(ids({ search: '  cAt ' })).toEqual([cat.id, dog.id, other.id]);
    expect(ids({ search: 'cat', states: ['failed', 'running'] })).toEqual([dog.id, other.id]);
    expect(ids({ states: ['queued'] })).toEqual([plain.id]);
    expect(ids({ states: [] })).toEqual([]);
    expect(ids({ favourite: true })).toEqual([cat.id]);
    expect(ids({ favourite: false, search: 'a' })).toEqual([dog.id, other.id, plain.id]);
    expect(ids({ search: 'zebra' })).toEqual([]);
    expect(store.count({ search: 'cat' })).toBe(3);
    expect(store.count({ favourite: true })).toBe(1);
    expect(store.count()).toBe(4);
  });

  it('updates with a patch or a function, keeps order and search in step, and refuses unknown ids', async () => {
    const store = await lib.openStore();
    const a = await store.put(makeJobRecord({ state: 'running' }));
    const b = await store.put(makeJobRecord({ state: 'running' }));
    const patched = await store.update(a.id, { state: 'completed', favourite: true });
    expect(patched.state).toBe('completed');
    expect(patched.params).toEqual(a.params);
    const renamed = await store.update(b.id, (r) => ({ ...r, params: { ...r.params, prompt: 'brand new words' } }));
    expect(renamed.params.prompt).toBe('brand new words');
    expect(store.list({ search: 'brand new' }).map((r) => r.id)).toEqual([b.id]);
    expect(store.list({ search: a.params.prompt }).map((r) => r.id)).toEqual([a.id]);
    expect(store.list({ states: ['running'] }).map((r) => r.id)).toEqual([b.id]);
    expect(store.list().map((r) => r.id)).toEqual([b.id, a.id]);
    await expect(store.update('missing', { favourite: true })).rejects.toThrow(/no job missing/);
    await expect(store.update(a.id, (r) => ({ ...r, id: 'other' }))).rejects.toThrow(/Cannot change the id/);
    await expect(store.update(a.id, { state: 'bogus' as never })).rejects.toThrow(/not a valid job record/);
    expect(store.get(a.id)?.state).toBe('completed');
  });

  it('serializes concurrent updates so none is lost', async () => {
    const store = await lib.openStore();
    const r = await store.put(makeJobRecord({ logs: [] }));
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        store.update(r.id, (cur) => ({ ...cur, logs: [...cur.logs, { message: `line ${i}` }] })),
      ),
    );
    expect(store.get(r.id)?.logs.map((l) => l.message)).toEqual(Array.from({ length: 20 }, (_, i) => `line ${i}`));
    await store.close();
    const reopened = await lib.openStore();
    expect(reopened.get(r.id)?.logs.map((l) => l.message)).toEqual(Array.from({ length: 20 }, (_, i) => `line ${i}`));
  });

  it('tells change listeners about puts and deletes, and stops after unsubscribe', async () => {
    const store = await lib.openStore();
    const changes: LibraryChange[] = [];
    const off = store.onChange((c) => changes.push(c));
    const r = await store.put(makeJobRecord());
    await store.update(r.id, { favourite: true });
    await store.delete(r.id);
    off();
    await store.put(makeJobRecord());
    expect(changes.map((c) => c.type)).toEqual(['put', 'put', 'delete']);
    expect(changes[1]).toMatchObject({ type: 'put', record: { id: r.id, favourite: true } });
    expect(changes[2]).toEqual({ type: 'delete', id: r.id });
  });

  it('replays the journal after reopening: last put wins, deletes stay deleted', async () => {
    const first = await lib.openStore();
    const a = await first.put(makeJobRecord());
    const b = await first.put(makeJobRecord());
    const c = await first.put(makeJobRecord());
    await first.update(a.id, { state: 'failed', error: { kind: 'transient', message: 'try again' } });
    await first.delete(b.id);
    const before = first.list();
    await first.close();
    const second = await lib.openStore();
    expect(second.list()).toEqual(before);
    expect(second.get(a.id)?.error?.message).toBe('try again');
    expect(second.get(b.id)).toBeUndefined();
    expect(second.get(c.id)).toEqual(c);
  });

  it('refuses writes after close but close can be called twice', async () => {
    const store = await lib.openStore();
    await store.close();
    await store.close();
    await expect(store.put(makeJobRecord())).rejects.toThrow(/closed/);
    await expect(store.writeMediaFile('a', 'x.bin', new Uint8Array(1))).rejects.toThrow(/closed/);
  });
});
