// Issue 12 item 5: a deletion (one job or a selection) is one key away from coming back, its Undo
// stays long enough to reach, and a newer notice on the same subject replaces a stale one — "Could
// not check the key" never sits beside "API key saved"; a key that cannot be a key says so under
// the field, not in a toast.
import { describe, expect, it } from 'vitest';
import type { InvokeInput, SummaryPage } from '../../shared/contract';
import type { JobRecord } from '../../shared/domain';
import { DEFAULT_SETTINGS } from '../../shared/settings';
import { toSummary } from '../../shared/job-summary';
import { connectEvents, createStores } from '../../renderer/stores';
import { toastLifetimeMs } from '../../renderer/stores/toast-store';
import { makeJobRecord } from '../support/records';
import { createFakeApi, fail, memoryStorage, ok } from './fake-api';

function libraryOf(count: number, storage = memoryStorage()) {
  const records: JobRecord[] = Array.from({ length: count }, (_, i) =>
    makeJobRecord({ state: 'completed', createdAt: new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString(), params: { prompt: `take ${i}` } }),
  );
  const trash = new Map<string, JobRecord>();
  const fake = createFakeApi({
    'library:summaries': (q: InvokeInput<'library:summaries'>) => {
      const items = [...records].sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1));
      const offset = q.offset ?? 0;
      return ok<SummaryPage>({ items: items.slice(offset, offset + (q.limit ?? items.length)).map(toSummary), total: items.length });
    },
    'library:get': ({ id }) => ok(records.find((r) => r.id === id) ?? null),
    'library:delete': ({ id }) => {
      const i = records.findIndex((r) => r.id === id);
      if (i < 0) return fail('not_found', 'No such job.');
      trash.set(id, records.splice(i, 1)[0]!);
      return ok(undefined);
    },
    'library:undoDelete': ({ id }) => {
      const r = trash.get(id);
      if (!r) return fail('not_found', 'This job can no longer be restored: deleted jobs are kept only until the app closes.');
      trash.delete(id);
      records.push(r);
      return ok(r);
    },
  });
  const stores = createStores(fake.api, { storage });
  /** The same page reloaded: new stores over the same core and the same page storage. */
  const reload = () => createStores(fake.api, { storage });
  return { fake, stores, library: stores.library, records, trash, reload };
}

describe('undo a deletion', () => {
  it('a deleted job imported again since: Undo says it is back, not that restoring failed', async () => {
    const { fake, stores, library, records, trash } = libraryOf(3);
    connectEvents(fake.api, stores);
    await library.getState().refresh();
    const victim = library.getState().itemAt(1)!;
    await library.getState().remove(victim.id);
    // An import brings the same job back; the core then refuses to "restore" it.
    records.push(trash.get(victim.id)!);
    trash.delete(victim.id);
    fake.handle('library:undoDelete', () => ({ ok: false, error: { kind: 'invalid_input', message: 'This job is not deleted, so there is nothing to undo.', code: 'app.library.notDeleted' } }));
    fake.emit('app:command', { command: 'edit:undo-delete' });
    await expect.poll(() => library.getState().lastDeletion).toBeUndefined();
    const shown = stores.toasts.getState().toasts;
    expect(shown.some((t) => t.tone === 'error')).toBe(false);
    expect(shown.at(-1)).toMatchObject({ tone: 'info', title: 'Nothing to undo', message: 'That job is in the library again (it was imported since it was deleted).' });
  });

  it('⌘/Ctrl+Z (the edit:undo-delete command) brings back the last deleted job', async () => {
    const { fake, stores, library } = libraryOf(3);
    connectEvents(fake.api, stores);
    await library.getState().refresh();
    const victim = library.getState().itemAt(1)!;
    await library.getState().remove(victim.id);
    expect(library.getState().total).toBe(2);
    expect(library.getState().lastDeletion).toMatchObject({ ids: [victim.id], index: 1 });

    fake.emit('app:command', { command: 'edit:undo-delete' });
    await expect.poll(() => library.getState().total).toBe(3);
    expect(library.getState().lastDeletion).toBeUndefined();
    // Its Undo toast has nothing left to undo: it goes.
    expect(stores.toasts.getState().toasts.filter((t) => t.action)).toEqual([]);
  });

  it('a selection is deleted with one toast, and one Undo restores all of it', async () => {
    const { stores, library, records } = libraryOf(5);
    await library.getState().refresh();
    const ids = [1, 2, 3].map((i) => library.getState().itemAt(i)!.id);
    expect(await library.getState().removeMany(ids)).toEqual(ids);
    expect(library.getState().total).toBe(2);
    const toasts = stores.toasts.getState().toasts;
    expect(toasts).toHaveLength(1);
    expect(toasts[0]!.title).toBe('3 jobs deleted');

    expect(await library.getState().undoLastDelete()).toBe(true);
    expect(library.getState().total).toBe(5);
    expect(records.map((r) => r.id)).toEqual(expect.arrayContaining(ids));
  });

  it('a second deletion replaces the first one’s Undo toast, and Undo restores the newer one', async () => {
    const { stores, library } = libraryOf(4);
    await library.getState().refresh();
    const first = library.getState().itemAt(0)!.id;
    await library.getState().remove(first);
    const second = library.getState().itemAt(0)!.id;
    await library.getState().remove(second);
    expect(stores.toasts.getState().toasts.filter((t) => t.title === 'Job deleted')).toHaveLength(1);
    await library.getState().undoLastDelete();
    expect(library.getState().itemAt(0)!.id).toBe(second);
    expect(library.getState().total).toBe(3);
  });

  it('Undo survives a page reload while the core still has the jobs in its trash', async () => {
    const { library, reload } = libraryOf(4);
    await library.getState().refresh();
    const ids = [0, 1].map((i) => library.getState().itemAt(i)!.id);
    await library.getState().removeMany(ids);

    const after = reload();
    await after.library.getState().refresh();
    expect(after.library.getState().total).toBe(2);
    expect(await after.library.getState().undoLastDelete()).toBe(true);
    expect(after.library.getState().total).toBe(4);
    // Done once: a second reload has nothing left to undo.
    expect(reload().library.getState().lastDeletion).toBeUndefined();
  });

  it('after a reload, an Undo whose trash is gone says so instead of doing nothing', async () => {
    const { library, reload, trash } = libraryOf(2);
    await library.getState().refresh();
    await library.getState().remove(library.getState().itemAt(0)!.id);
    trash.clear(); // the host closed: the core emptied its trash

    const after = reload();
    expect(await after.library.getState().undoLastDelete()).toBe(false);
    const toast = after.toasts.getState().toasts.at(-1)!;
    expect(`${toast.title} ${toast.message ?? ''}`).toMatch(/no longer be restored|trash/i);
    expect(after.library.getState().lastDeletion).toBeUndefined();
  });

  it('Ctrl+Z with nothing deleted says there is nothing to undo', async () => {
    const { stores, library } = libraryOf(1);
    expect(await library.getState().undoLastDelete()).toBe(false);
    expect(stores.toasts.getState().toasts.at(-1)?.title).toMatch(/nothing to undo/i);
  });

  it('Undo stays on screen long enough to read and reach', () => {
    const undo = { tone: 'info' as const, action: { label: 'Undo', run: () => {} } };
    expect(toastLifetimeMs(undo)).toBeGreaterThanOrEqual(15_000);
    expect(toastLifetimeMs(undo)).toBeGreaterThan(toastLifetimeMs({ tone: 'error' }));
  });
});

describe('notices on one subject', () => {
  function keyStores(check: () => ReturnType<typeof ok> | ReturnType<typeof fail>) {
    const fake = createFakeApi({
      'settings:get': () => ok({ ...DEFAULT_SETTINGS }),
      'key:check': () => check() as never,
      'key:set': () => ok({ isSet: true, last4: 'abcd' }),
    });
    return createStores(fake.api, { storage: memoryStorage() });
  }

  it('"API key saved" replaces the stale "Could not check the key"', async () => {
    let online = false;
    const stores = keyStores(() => (online ? ok({ verdict: 'works', message: 'Works.', origin: 'https://api.example' }) : fail('failed', 'The network is down.')));
    expect(await stores.settings.getState().saveKey('aggregator', 'sk-long-enough-key')).toBe(false);
    expect(stores.toasts.getState().toasts.map((t) => t.tone)).toEqual(['error']);
    online = true;
    expect(await stores.settings.getState().saveKey('aggregator', 'sk-long-enough-key')).toBe(true);
    expect(stores.toasts.getState().toasts.map((t) => t.title)).toEqual(['API key saved']);
  });

  it('a key too short to be a key is a problem under the field, not a toast', async () => {
    const stores = keyStores(() => fail('invalid_input', 'That is too short to be an API key.'));
    expect(await stores.settings.getState().saveKey('aggregator', 'sk-1')).toBe(false);
    expect(stores.toasts.getState().toasts).toEqual([]);
    expect(stores.settings.getState().keyInputProblems.aggregator).toBe('That is too short to be an API key.');
  });

  it('unrelated notices stay side by side', () => {
    const stores = keyStores(() => ok({}));
    stores.toasts.getState().push({ tone: 'error', title: 'Could not save the video', topic: 'file' });
    stores.toasts.getState().push({ tone: 'success', title: 'API key saved', topic: 'key:aggregator' });
    expect(stores.toasts.getState().toasts).toHaveLength(2);
  });
});
