// The Jobs panel's model: recent and active jobs, newest first, plus the live numbers (queue
// position, elapsed time, logs, download progress) that ride on job:progress and are never persisted.
// Re-running a job spends money, so it is not here: it goes through spend-guard.ts.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { VeoApi } from '../../shared/contract';
import { isFinalState, type JobProgress, type JobRecord } from '../../shared/domain';
import type { Locale } from '../../shared/i18n/locales';
import type { MessageId } from '../../shared/i18n/messages';
import { stateWord } from '../../shared/job-outcome';
import { describeIpcError } from '../api/errors';
import { tr } from '../i18n/intl';
import type { ToastStore } from './toast-store';

/** Finished jobs kept in the panel; active ones are always kept. */
export const RECENT_JOBS_LIMIT = 40;

export interface LiveProgress extends JobProgress {
  /** When this update arrived (deps.now), so elapsed time can keep ticking between updates. */
  receivedAt: number;
  /** Smoothed download speed, once two samples exist. */
  bytesPerSecond?: number;
}

// Job ids come from outside (an imported library, a server): a plain object keyed by them would
// answer `records['constructor']` with Object's constructor, and `records['__proto__'] = r` would
// replace its prototype. Maps have no inherited keys.
export interface JobsState {
  records: ReadonlyMap<string, JobRecord>;
  progress: ReadonlyMap<string, LiveProgress>;
  /** Ids, newest first. */
  order: string[];
  loaded: boolean;
  load(): Promise<void>;
  applyUpdated(record: JobRecord): void;
  applyProgress(progress: JobProgress): void;
  forget(id: string): void;
  cancel(id: string): Promise<void>;
  recheck(id: string): Promise<void>;
}

export type JobsStore = StoreApi<JobsState>;

export interface JobsDeps {
  api: VeoApi;
  toasts: ToastStore;
  now?: () => number;
}

export function createJobsStore({ api, toasts, now = Date.now }: JobsDeps): JobsStore {
  const fetching = new Set<string>();

  const store = createStore<JobsState>((set, get) => {
    const commit = (records: ReadonlyMap<string, JobRecord>, progress = get().progress): void => {
      const { kept, order } = trimToRecent(records);
      const keptProgress = new Map<string, LiveProgress>();
      for (const id of order) {
        const p = progress.get(id);
        if (p && !isFinalState(kept.get(id)!.state)) keptProgress.set(id, p);
      }
      // Progress for a job whose record has not arrived yet is kept until it does.
      for (const [id, p] of progress) if (!kept.has(id) && !records.has(id)) keptProgress.set(id, p);
      set({ records: kept, order, progress: keptProgress });
    };

    const fetchRecord = async (id: string): Promise<void> => {
      if (fetching.has(id)) return;
      fetching.add(id);
      const result = await api.library.get({ id });
      fetching.delete(id);
      if (result.ok && result.value) get().applyUpdated(result.value);
    };

    // The title is looked up when the failure happens, in the language the page shows then.
    const reportFailure = (title: MessageId) => (error: Parameters<typeof describeIpcError>[0]) =>
      toasts.getState().error(describeIpcError(error, tr(title)));

    return {
      records: new Map(),
      progress: new Map(),
      order: [],
      loaded: false,

      async load() {
        const [recent, active] = await Promise.all([
          api.library.list({ sort: 'newest', limit: RECENT_JOBS_LIMIT }),
          api.jobs.active(),
        ]);
        const records = new Map<string, JobRecord>();
        if (recent.ok) for (const r of recent.value.items) records.set(r.id, r);
        const progress = new Map<string, LiveProgress>();
        const at = now();
        if (active.ok) for (const p of active.value) progress.set(p.id, { ...p, receivedAt: at });
        commit(records, progress);
        set({ loaded: true });
        // Active jobs older than the recent page still belong in the panel.
        await Promise.all([...progress.keys()].filter((id) => !records.has(id)).map(fetchRecord));
      },

      applyUpdated(record) {
        commit(new Map(get().records).set(record.id, record));
      },

      applyProgress(p) {
        const record = get().records.get(p.id);
        if (record && isFinalState(record.state)) return;
        const at = now();
        const previous = get().progress.get(p.id);
        const next: LiveProgress = { ...p, receivedAt: at, bytesPerSecond: downloadRate(previous, p, at) };
        set({ progress: new Map(get().progress).set(p.id, next) });
        if (!record) void fetchRecord(p.id);
      },

      forget(id) {
        const records = new Map(get().records);
        records.delete(id);
        const progress = new Map(get().progress);
        progress.delete(id);
        commit(records, progress);
      },

      async cancel(id) {
        const result = await api.jobs.cancel({ id });
        if (result.ok) get().applyUpdated(result.value);
        else reportFailure('jobs.error.cancel')(result.error);
      },

      async recheck(id) {
        const result = await api.jobs.recheck({ id });
        if (result.ok) get().applyUpdated(result.value);
        else reportFailure('jobs.error.recheck')(result.error);
      },
    };
  });
  return store;
}

export function compareNewestFirst(a: JobRecord, b: JobRecord): number {
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? 1 : -1;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

function trimToRecent(records: ReadonlyMap<string, JobRecord>): { kept: Map<string, JobRecord>; order: string[] } {
  const sorted = [...records.values()].sort(compareNewestFirst);
  const kept = new Map<string, JobRecord>();
  const order: string[] = [];
  let finished = 0;
  for (const r of sorted) {
    if (isFinalState(r.state) && ++finished > RECENT_JOBS_LIMIT) continue;
    kept.set(r.id, r);
    order.push(r.id);
  }
  return { kept, order };
}

/** Exponentially smoothed bytes/second so the MB/s figure does not jitter with every chunk. */
function downloadRate(previous: LiveProgress | undefined, next: JobProgress, at: number): number | undefined {
  if (!previous?.download || !next.download) return undefined;
  const seconds = (at - previous.receivedAt) / 1000;
  const bytes = next.download.receivedBytes - previous.download.receivedBytes;
  if (seconds <= 0 || bytes < 0) return previous.bytesPerSecond;
  const sample = bytes / seconds;
  return previous.bytesPerSecond === undefined ? sample : previous.bytesPerSecond * 0.7 + sample * 0.3;
}

/** Elapsed milliseconds to show now: the last reported figure plus the time since it arrived. */
export function liveElapsedMs(record: JobRecord | undefined, progress: LiveProgress | undefined, nowMs: number): number {
  if (record && isFinalState(record.state)) {
    const end = Date.parse(record.finishedAt ?? record.updatedAt);
    return Math.max(0, end - Date.parse(record.createdAt));
  }
  if (progress) return progress.elapsedMs + Math.max(0, nowMs - progress.receivedAt);
  return record ? Math.max(0, nowMs - Date.parse(record.createdAt)) : 0;
}

/** Jobs still moving, for the panel's and the rail's "N active" badges (a zustand selector). */
export function activeJobCount(s: Pick<JobsState, 'order' | 'records'>): number {
  return s.order.filter((id) => {
    const rec = s.records.get(id);
    return rec !== undefined && !isFinalState(rec.state);
  }).length;
}

/**
 * The word a job's badge shows. A job in `submitting` that has not been sent yet is waiting for a
 * free slot (two run at once): "submitting" would say it is on its way when it has not left.
 */
export function jobStateLabel(record: Pick<JobRecord, 'state' | 'submitSentAt'>, locale: Locale = 'en'): string {
  return stateWord(record.state === 'submitting' && !record.submitSentAt ? 'waiting' : record.state, locale);
}
