// The Library's model. A library can hold 10,000+ jobs, so job summaries (what a card shows) are
// fetched in pages as the virtualized grid scrolls to them, and a job's full record only when it is
// selected; a query change starts a new "generation" and answers from an
// older one are dropped. Changes pushed by the core refresh the pages already on screen in place.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { VeoApi } from '../../shared/contract';
import type { JobRecord, JobState } from '../../shared/domain';
import { toSummary, type JobSummary } from '../../shared/job-summary';
import { shotSizesOf } from '../../shared/job-tag';
import { describeIpcError } from '../api/errors';
import { tr } from '../i18n/intl';
import { deleteJobs, recallDeletion, rememberDeletion, restoreJobs, undoLastDeletion, type Deletion, type DeletionHost } from './library-deletion';
import type { KeyValueStorage } from './create-store';
import type { ToastStore } from './toast-store';

/** Small pages: each one is parsed in a single task on the UI thread, so its size bounds that task. */
export const LIBRARY_PAGE_SIZE = 60;
/** Items fetched beyond each edge of the visible range (or a screenful, if more), so cards are loaded before they scroll in. */
export const LIBRARY_PREFETCH_ITEMS = LIBRARY_PAGE_SIZE;
/**
 * Pages kept either side of the visible ones; farther pages are dropped (and fetched again if the
 * user scrolls back), so a long scroll does not keep 10,000 full records alive for the GC to walk.
 */
export const LIBRARY_KEEP_PAGES = 3;

export interface LibraryQuery {
  search: string;
  states: JobState[];
  favourite: boolean;
  sort: 'newest' | 'oldest';
}

export const DEFAULT_LIBRARY_QUERY: LibraryQuery = { search: '', states: [], favourite: false, sort: 'newest' };

export interface LibraryState {
  query: LibraryQuery;
  total: number;
  status: 'idle' | 'loading' | 'ready' | 'error';
  error?: string;
  /** Loaded pages by page index: job summaries, what the grid shows. */
  pages: Record<number, JobSummary[]>;
  selectedId?: string;
  /** The selected job's full record (fetched on selection), kept even when its page is not loaded. */
  selected?: JobRecord;
  /** Bumped by resetQuery so the search box can clear its own (debounced) text. */
  resetCount: number;
  /**
   * Bumped when the library's content may have changed (a re-read after the core said so, an
   * updated job) — not when the grid loads another page while scrolling. What depends on the whole
   * library rather than on the cards on screen (the spend totals) re-reads on this.
   */
  revision: number;
  setQuery(patch: Partial<LibraryQuery>): Promise<void>;
  resetQuery(): Promise<void>;
  /** Makes sure the items in [from, to] are loaded (or loading). */
  ensureRange(from: number, to: number): Promise<void>;
  refresh(): Promise<void>;
  itemAt(index: number): JobSummary | undefined;
  select(id: string | undefined): Promise<void>;
  /** A job's full record from the core (read and validated there on demand), or undefined. */
  fullRecord(id: string): Promise<JobRecord | undefined>;
  applyUpdated(record: JobRecord): void;
  setFavourite(id: string, favourite: boolean): Promise<void>;
  remove(id: string): Promise<boolean>;
  /** Deletes a selection with one Undo for all of it; returns the ids that went. */
  removeMany(ids: string[]): Promise<string[]>;
  undoRemove(id: string): Promise<boolean>;
  /** The last deletion, while it can still be undone (⌘/Ctrl+Z, Edit ▸ Undo Delete). */
  lastDeletion?: Deletion;
  undoLastDelete(): Promise<boolean>;
}

export type LibraryStore = StoreApi<LibraryState>;

const shotSizesByPages = new WeakMap<Record<number, JobSummary[]>, Map<string, number>>();
/**
 * Shot id → its size among the loaded pages, computed once per pages object: every card on screen
 * asks on every store change, and flattening the pages for each of them was garbage while scrolling.
 */
export function loadedShotSizes(pages: Record<number, JobSummary[]>): Map<string, number> {
  let sizes = shotSizesByPages.get(pages);
  if (!sizes) {
    sizes = shotSizesOf(Object.values(pages).flat());
    shotSizesByPages.set(pages, sizes);
  }
  return sizes;
}

export interface LibraryDeps {
  api: VeoApi;
  toasts: ToastStore;
  /** Deleted jobs leave the Jobs panel too. */
  onDeleted?: (id: string) => void;
  onRestored?: (record: JobRecord) => void;
  /** Keeps the last deletion's Undo across a page reload. */
  storage?: KeyValueStorage;
}

export function createLibraryStore({ api, toasts, onDeleted, onRestored, storage }: LibraryDeps): LibraryStore {
  let generation = 0;
  const inFlight = new Set<string>();
  /** Pages the grid last asked for: a refresh re-reads these (and page 0), not everything ever loaded. */
  let visiblePages = { first: 0, last: 0 };

  return createStore<LibraryState>((set, get) => {
    const listQuery = (q: LibraryQuery, page: number) => ({
      ...(q.search.trim() ? { search: q.search.trim() } : {}),
      ...(q.states.length ? { states: q.states } : {}),
      ...(q.favourite ? { favourite: true } : {}),
      sort: q.sort,
      limit: LIBRARY_PAGE_SIZE,
      offset: page * LIBRARY_PAGE_SIZE,
    });

    const fetchPage = async (page: number, gen: number): Promise<{ items: JobSummary[]; total: number } | undefined> => {
      const result = await api.library.summaries(listQuery(get().query, page));
      if (gen !== generation) return undefined;
      if (!result.ok) {
        set({ status: 'error', error: describeIpcError(result.error).message });
        return undefined;
      }
      return result.value;
    };

    const loadPage = async (page: number): Promise<void> => {
      const gen = generation;
      const key = `${gen}:${page}`;
      if (inFlight.has(key) || get().pages[page]) return;
      inFlight.add(key);
      const answer = await fetchPage(page, gen);
      inFlight.delete(key);
      if (!answer) return;
      const pages = nearVisible(get().pages);
      // A page the user has already scrolled far past is not worth a render.
      if (isNearVisible(page)) pages[page] = answer.items;
      set({ pages, total: answer.total, status: 'ready', error: undefined });
    };

    const isNearVisible = (page: number): boolean =>
      page >= visiblePages.first - LIBRARY_KEEP_PAGES && page <= visiblePages.last + LIBRARY_KEEP_PAGES;

    /** A copy of `pages` without those far from the viewport. */
    const nearVisible = (pages: Record<number, JobSummary[]>): Record<number, JobSummary[]> => {
      const kept: Record<number, JobSummary[]> = {};
      for (const [key, items] of Object.entries(pages)) if (isNearVisible(Number(key))) kept[Number(key)] = items;
      return kept;
    };

    const deletion: DeletionHost = {
      api,
      toasts,
      loaded: () =>
        Object.entries(get().pages).flatMap(([page, items]) =>
          items.map((summary, i) => ({ index: Number(page) * LIBRARY_PAGE_SIZE + i, summary })),
        ),
      lastDeletion: () => get().lastDeletion,
      setLastDeletion: (lastDeletion) => {
        rememberDeletion(storage, lastDeletion);
        set({ lastDeletion });
      },
      onDeleted: (ids) => {
        if (get().selectedId && ids.includes(get().selectedId!)) set({ selectedId: undefined, selected: undefined });
        for (const id of ids) onDeleted?.(id);
      },
      onRestored: (records) => {
        for (const record of records) onRestored?.(record);
        // One job back: show it, as the user was looking at it when it went.
        if (records.length === 1) set({ selectedId: records[0]!.id, selected: records[0] });
      },
      refresh: () => get().refresh(),
    };

    return {
      query: DEFAULT_LIBRARY_QUERY,
      total: 0,
      status: 'idle',
      lastDeletion: recallDeletion(storage),
      pages: {},

      resetCount: 0,
      revision: 0,

      async setQuery(patch) {
        generation++;
        // A new query starts at the top until the grid says otherwise.
        visiblePages = { first: 0, last: 0 };
        set({ query: { ...get().query, ...patch }, pages: {}, status: 'loading' });
        await loadPage(0);
      },

      async resetQuery() {
        set({ resetCount: get().resetCount + 1 });
        await get().setQuery(DEFAULT_LIBRARY_QUERY);
      },

      async ensureRange(from, to) {
        const pageOf = (index: number) => Math.max(0, Math.floor(index / LIBRARY_PAGE_SIZE));
        const first = pageOf(from);
        const last = Math.max(first, pageOf(to));
        visiblePages = { first, last };
        const total = get().total;
        // At least a screenful ahead and behind: a 2560×1440 grid shows ~110 cards at once.
        const margin = Math.max(LIBRARY_PREFETCH_ITEMS, to - from + 1);
        const lastWanted = pageOf(total > 0 ? Math.min(to + margin, total - 1) : to);
        // Visible pages first (the transport answers in order), then the ones either side.
        const wanted: number[] = [];
        for (let page = first; page <= last; page++) wanted.push(page);
        for (let page = last + 1; page <= lastWanted; page++) wanted.push(page);
        for (let page = first - 1; page >= pageOf(from - margin) && page >= 0; page--) wanted.push(page);
        await Promise.all(wanted.map(loadPage));
      },

      async refresh() {
        // Re-read what is on screen without blanking it, then swap everything in at once.
        // Pages far from the viewport are dropped and fetched again if the user scrolls back.
        const gen = ++generation;
        const pageIndexes = Object.keys(get().pages)
          .map(Number)
          .filter((p) => p >= visiblePages.first - 1 && p <= visiblePages.last + 1);
        if (!pageIndexes.includes(0)) pageIndexes.push(0);
        if (get().status === 'idle') set({ status: 'loading' });
        const answers = await Promise.all(pageIndexes.map((p) => fetchPage(p, gen)));
        if (gen !== generation || answers.some((a) => !a)) return;
        const pages: Record<number, JobSummary[]> = {};
        pageIndexes.forEach((p, i) => (pages[p] = answers[i]!.items));
        set({ pages, total: answers[0]!.total, status: 'ready', error: undefined, revision: get().revision + 1 });
      },

      itemAt(index) {
        return get().pages[Math.floor(index / LIBRARY_PAGE_SIZE)]?.[index % LIBRARY_PAGE_SIZE];
      },

      async select(id) {
        if (!id) {
          set({ selectedId: undefined, selected: undefined });
          return;
        }
        // The grid holds summaries; the detail needs the whole record.
        set({ selectedId: id, selected: get().selected?.id === id ? get().selected : undefined });
        const record = await get().fullRecord(id);
        if (get().selectedId !== id) return;
        if (record) set({ selected: record });
        else set({ selectedId: undefined, selected: undefined });
      },

      async fullRecord(id) {
        const result = await api.library.get({ id });
        return result.ok && result.value ? result.value : undefined;
      },

      applyUpdated(record) {
        const pages = { ...get().pages };
        for (const [key, items] of Object.entries(pages)) {
          const i = items.findIndex((r) => r.id === record.id);
          if (i >= 0) pages[Number(key)] = items.map((r, j) => (j === i ? toSummary(record) : r));
        }
        set({ pages, revision: get().revision + 1, ...(get().selectedId === record.id ? { selected: record } : {}) });
      },

      async setFavourite(id, favourite) {
        const result = await api.library.favourite({ id, favourite });
        if (result.ok) get().applyUpdated(result.value);
        else toasts.getState().error(describeIpcError(result.error, tr('library.favouriteFailed')));
      },

      async remove(id) {
        return (await deleteJobs(deletion, [id])).length === 1;
      },

      removeMany: (ids) => deleteJobs(deletion, ids),

      async undoRemove(id) {
        return (await restoreJobs(deletion, [id])).length === 1;
      },

      undoLastDelete: () => undoLastDeletion(deletion),
    };
  });
}
