import { describe, expect, it } from 'vitest';
import type { InvokeInput, SummaryPage } from '../../shared/contract';
import type { JobRecord } from '../../shared/domain';
import { createStores } from '../../renderer/stores';
import { LIBRARY_KEEP_PAGES, LIBRARY_PAGE_SIZE, LIBRARY_PREFETCH_ITEMS } from '../../renderer/stores/library-store';
import { toSummary } from '../../shared/job-summary';
import { makeJobRecord } from '../support/records';
import { createFakeApi, deferred, ok } from './fake-api';

/** A fake library of `count` records answering library:summaries like the core (newest first, paged). */
function libraryOf(count: number) {
  const records: JobRecord[] = Array.from({ length: count }, (_, i) =>
    makeJobRecord({ state: i % 10 === 0 ? 'failed' : 'completed', params: { prompt: i % 2 ? `fox ${i}` : `owl ${i}` } }),
  );
  const trash = new Map<string, JobRecord>();
  const fake = createFakeApi({
    'library:summaries': (q: InvokeInput<'library:summaries'>) => {
      let items = records.filter((r) => !q.search || r.params.prompt.includes(q.search));
      if (q.states) items = items.filter((r) => q.states!.includes(r.state));
      if (q.favourite) items = items.filter((r) => r.favourite);
      items = [...items].sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1));
      if (q.sort === 'oldest') items.reverse();
      const offset = q.offset ?? 0;
      return ok<SummaryPage>({ items: items.slice(offset, offset + (q.limit ?? items.length)).map(toSummary), total: items.length });
    },
    'library:get': ({ id }) => ok(records.find((r) => r.id === id) ?? null),
    'library:delete': ({ id }) => {
      const i = records.findIndex((r) => r.id === id);
      trash.set(id, records.splice(i, 1)[0]!);
      return ok(undefined);
    },
    'library:undoDelete': ({ id }) => {
      const r = trash.get(id)!;
      records.push(r);
      return ok(r);
    },
    'library:favourite': ({ id, favourite }) => {
      const r = records.find((x) => x.id === id)!;
      r.favourite = favourite;
      return ok({ ...r });
    },
  });
  const stores = createStores(fake.api);
  return { fake, stores, library: stores.library, records };
}

describe('library store', () => {
  it('sends the query with paging and loads only the pages the grid asks for', async () => {
    const { fake, library } = libraryOf(10_000);
    await library.getState().setQuery({ search: 'fox', states: ['completed'], sort: 'oldest' });
    expect(fake.callsTo('library:summaries').at(-1)).toEqual({
      search: 'fox',
      states: ['completed'],
      sort: 'oldest',
      limit: LIBRARY_PAGE_SIZE,
      offset: 0,
    });
    expect(library.getState().total).toBe(5000);

    // Scrolling far down asks for that page first, then its neighbours within the prefetch margin,
    // not everything before it.
    fake.calls.length = 0;
    await library.getState().ensureRange(4900, 4910);
    const pageOf = (index: number) => Math.floor(index / LIBRARY_PAGE_SIZE);
    const pagesAsked = fake.callsTo('library:summaries').map((q) => q.offset! / LIBRARY_PAGE_SIZE);
    expect(pagesAsked[0]).toBe(pageOf(4900));
    expect([...pagesAsked].sort((a, b) => a - b)).toEqual(
      Array.from({ length: pageOf(4910 + LIBRARY_PREFETCH_ITEMS) - pageOf(4900 - LIBRARY_PREFETCH_ITEMS) + 1 }, (_, i) => pageOf(4900 - LIBRARY_PREFETCH_ITEMS) + i),
    );
    expect(library.getState().itemAt(4900)?.params.prompt).toMatch(/^fox/);
    expect(library.getState().itemAt(4910 + LIBRARY_PREFETCH_ITEMS)).toBeDefined();
    expect(library.getState().itemAt(200)).toBeUndefined();

    // Pages already loaded are not fetched again.
    await library.getState().ensureRange(4900, 4910);
    expect(fake.callsTo('library:summaries')).toHaveLength(pagesAsked.length);
  });

  it('prefetches at least a screenful either side: a 2560×1440 grid shows more cards than the fixed margin', async () => {
    const { fake, library } = libraryOf(10_000);
    await library.getState().setQuery({});
    fake.calls.length = 0;
    const screen = 3 * LIBRARY_PREFETCH_ITEMS; // the cards one (very large) viewport shows
    const from = 5000;
    await library.getState().ensureRange(from, from + screen - 1);
    const asked = fake.callsTo('library:summaries').map((q) => q.offset! / LIBRARY_PAGE_SIZE);
    const pageOf = (index: number) => Math.floor(index / LIBRARY_PAGE_SIZE);
    expect(Math.max(...asked)).toBe(pageOf(from + 2 * screen - 1));
    expect(Math.min(...asked)).toBe(pageOf(from - screen));
  });

  it('drops answers to a query that has since changed', async () => {
    const { fake, library, records } = libraryOf(3);
    const slow = deferred<ReturnType<typeof ok<SummaryPage>>>();
    fake.handle('library:summaries', (q) => (q.search === 'old' ? slow.promise : ok({ items: records.slice(0, 1), total: 1 })));
    const stale = library.getState().setQuery({ search: 'old' });
    await library.getState().setQuery({ search: 'new' });
    slow.resolve(ok({ items: records, total: 3 }));
    await stale;
    expect(library.getState().total).toBe(1);
    expect(library.getState().pages[0]).toHaveLength(1);
  });

  it('deletes with an Undo toast that restores the job', async () => {
    const { fake, stores, library, records } = libraryOf(5);
    await library.getState().refresh();
    const victim = records.find((r) => r.id === library.getState().itemAt(0)!.id)!;
    stores.jobs.getState().applyUpdated(victim);
    await library.getState().select(victim.id);

    expect(await library.getState().remove(victim.id)).toBe(true);
    expect(fake.callsTo('library:delete')).toEqual([{ id: victim.id }]);
    expect(library.getState().total).toBe(4);
    expect(library.getState().selectedId).toBeUndefined();
    expect(stores.jobs.getState().order).not.toContain(victim.id);
    const toast = stores.toasts.getState().toasts.at(-1)!;
    expect(toast.title).toBe('Job deleted');
    expect(toast.action?.label).toBe('Undo');

    await library.getState().undoRemove(victim.id);
    expect(fake.callsTo('library:undoDelete')).toEqual([{ id: victim.id }]);
    expect(library.getState().total).toBe(5);
    expect(library.getState().selectedId).toBe(victim.id);
    expect(records.map((r) => r.id)).toContain(victim.id);
    expect(stores.jobs.getState().order).toContain(victim.id);
  });

  it('the Undo action in the toast calls library:undoDelete', async () => {
    const { fake, stores, library } = libraryOf(2);
    await library.getState().refresh();
    const victim = library.getState().itemAt(1)!;
    await library.getState().remove(victim.id);
    await stores.toasts.getState().toasts.at(-1)!.action!.run();
    await expect.poll(() => fake.callsTo('library:undoDelete')).toEqual([{ id: victim.id }]);
  });

  it('updates a record in place when the core reports a change, including the selected one', async () => {
    const { library } = libraryOf(3);
    await library.getState().refresh();
    const target = library.getState().itemAt(1)!;
    await library.getState().select(target.id);
    await library.getState().setFavourite(target.id, true);
    expect(library.getState().itemAt(1)!.favourite).toBe(true);
    expect(library.getState().selected?.favourite).toBe(true);
  });

  it('revision moves when the library changes, not when the grid loads another page while scrolling', async () => {
    const { library, records } = libraryOf(1_000);
    await library.getState().refresh();
    const afterRefresh = library.getState().revision;
    expect(afterRefresh).toBeGreaterThan(0);
    // Scrolling loads pages (and drops far ones): the library itself is the same.
    await library.getState().ensureRange(500, 520);
    await library.getState().ensureRange(900, 999);
    expect(Object.keys(library.getState().pages).length).toBeGreaterThan(1);
    expect(library.getState().revision).toBe(afterRefresh);
    // A job the core reports changed, or a re-read, may move what depends on the whole library.
    library.getState().applyUpdated({ ...records[0]!, favourite: true });
    expect(library.getState().revision).toBe(afterRefresh + 1);
    await library.getState().refresh();
    expect(library.getState().revision).toBe(afterRefresh + 2);
  });

  it('pages hold summaries; selecting a job on a loaded page fetches its full record for the detail', async () => {
    const { fake, library, records } = libraryOf(3);
    await library.getState().refresh();
    const card = library.getState().itemAt(0)!;
    expect(card).not.toHaveProperty('logs');
    await library.getState().select(card.id);
    expect(fake.callsTo('library:get')).toEqual([{ id: card.id }]);
    expect(library.getState().selected).toEqual(records.find((r) => r.id === card.id));
  });

  it('selects a job that is not on a loaded page by fetching it', async () => {
    const { fake, library, records } = libraryOf(300);
    await library.getState().refresh();
    const far = records[0]!; // oldest: last page in "newest" order
    await library.getState().select(far.id);
    expect(fake.callsTo('library:get')).toEqual([{ id: far.id }]);
    expect(library.getState().selected?.id).toBe(far.id);
  });

  it('resetQuery clears search and filters and tells the search box', async () => {
    const { library } = libraryOf(4);
    await library.getState().setQuery({ search: 'zebra', favourite: true });
    expect(library.getState().total).toBe(0);
    await library.getState().resetQuery();
    expect(library.getState().query).toEqual({ search: '', states: [], favourite: false, sort: 'newest' });
    expect(library.getState().resetCount).toBe(1);
    expect(library.getState().total).toBe(4);
  });
});

describe('library store: refresh at scale', () => {
  it('re-reads only the pages near the viewport (and the first), not every page ever loaded', async () => {
    const { fake, library } = libraryOf(10_000);
    await library.getState().refresh();
    for (let page = 0; page < 20; page++) await library.getState().ensureRange(page * LIBRARY_PAGE_SIZE, page * LIBRARY_PAGE_SIZE + 10);
    await library.getState().ensureRange(10 * LIBRARY_PAGE_SIZE, 10 * LIBRARY_PAGE_SIZE + 30);
    fake.calls.length = 0;

    await library.getState().refresh();

    const offsets = fake.callsTo('library:summaries').map((q) => q.offset! / LIBRARY_PAGE_SIZE).sort((a, b) => a - b);
    expect(offsets).toEqual([0, 9, 10, 11]);
    expect(Object.keys(library.getState().pages).map(Number).sort((a, b) => a - b)).toEqual([0, 9, 10, 11]);
    expect(library.getState().itemAt(10 * LIBRARY_PAGE_SIZE)).toBeDefined();
  });

  it('drops pages far from the viewport as the grid scrolls, so memory stays bounded', async () => {
    const { fake, library } = libraryOf(10_000);
    await library.getState().refresh();
    for (let page = 0; page < 40; page++) await library.getState().ensureRange(page * LIBRARY_PAGE_SIZE, page * LIBRARY_PAGE_SIZE + 10);
    const kept = Object.keys(library.getState().pages).map(Number);
    expect(Math.min(...kept)).toBeGreaterThanOrEqual(39 - LIBRARY_KEEP_PAGES);
    expect(kept.length).toBeLessThanOrEqual(2 * LIBRARY_KEEP_PAGES + 1);
    expect(library.getState().itemAt(39 * LIBRARY_PAGE_SIZE)).toBeDefined();

    // Scrolling back fetches a dropped page again.
    fake.calls.length = 0;
    await library.getState().ensureRange(0, 10);
    expect(fake.callsTo('library:summaries').map((q) => q.offset)).toContain(0);
    expect(library.getState().itemAt(0)).toBeDefined();
  });
});
