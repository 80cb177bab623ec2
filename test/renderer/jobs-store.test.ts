import { describe, expect, it, vi } from 'vitest';
import type { JobProgress } from '../../shared/domain';
import { connectEvents, createStores } from '../../renderer/stores';
import { createJobsStore, liveElapsedMs, RECENT_JOBS_LIMIT } from '../../renderer/stores/jobs-store';
import { createToastStore } from '../../renderer/stores/toast-store';
import { makeJobRecord } from '../support/records';
import { createFakeApi, ok } from './fake-api';

const progress = (id: string, patch: Partial<JobProgress> = {}): JobProgress => ({
  id,
  state: 'running',
  elapsedMs: 1000,
  latestLogs: [],
  ...patch,
});

function setup(now = () => 0) {
  const fake = createFakeApi();
  const store = createJobsStore({ api: fake.api, toasts: createToastStore(), now });
  return { fake, store };
}

describe('jobs store', () => {
  it('keeps jobs newest first whatever order the updates arrive in', () => {
    const { store } = setup();
    const older = makeJobRecord({ state: 'queued' });
    const newer = makeJobRecord({ state: 'running' });
    const newest = makeJobRecord({ state: 'submitting' });
    store.getState().applyUpdated(newer);
    store.getState().applyUpdated(newest);
    store.getState().applyUpdated(older);
    expect(store.getState().order).toEqual([newest.id, newer.id, older.id]);

    store.getState().applyUpdated({ ...older, state: 'completed' });
    expect(store.getState().order).toEqual([newest.id, newer.id, older.id]);
    expect(store.getState().records.get(older.id)!.state).toBe('completed');
  });

  it('loads recent jobs plus active ones that fall outside the recent page', async () => {
    const { fake, store } = setup();
    const recent = [makeJobRecord(), makeJobRecord()];
    const oldActive = makeJobRecord({ state: 'running', createdAt: '2020-01-01T00:00:00.000Z' });
    fake.handle('library:list', () => ok({ items: recent, total: 3 }));
    fake.handle('jobs:active', () => ok([progress(oldActive.id, { queuePosition: 4, state: 'queued' })]));
    fake.handle('library:get', ({ id }) => ok(id === oldActive.id ? oldActive : null));

    await store.getState().load();

    expect(fake.callsTo('library:list')[0]).toMatchObject({ sort: 'newest', limit: RECENT_JOBS_LIMIT });
    expect(store.getState().order).toEqual([recent[1]!.id, recent[0]!.id, oldActive.id]);
    expect(store.getState().progress.get(oldActive.id)).toMatchObject({ queuePosition: 4, state: 'queued' });
  });

  it('applies job:progress and job:updated events delivered through the API, until unsubscribed', () => {
    const fake = createFakeApi();
    const stores = createStores(fake.api);
    const off = connectEvents(fake.api, stores);
    const job = makeJobRecord({ state: 'queued' });

    fake.emit('job:updated', job);
    fake.emit('job:progress', progress(job.id, { state: 'queued', queuePosition: 2 }));
    expect(stores.jobs.getState().order).toEqual([job.id]);
    expect(stores.jobs.getState().progress.get(job.id)?.queuePosition).toBe(2);

    fake.emit('job:updated', { ...job, state: 'completed' });
    expect(stores.jobs.getState().records.get(job.id)!.state).toBe('completed');
    // A finished job has no live numbers left to show.
    expect(stores.jobs.getState().progress.get(job.id)).toBeUndefined();

    off();
    expect(fake.listenerCount('job:updated')).toBe(0);
    expect(fake.listenerCount('job:progress')).toBe(0);
    expect(fake.listenerCount('library:changed')).toBe(0);
    expect(fake.listenerCount('app:command')).toBe(0);
  });

  it('ignores late progress for a job that already finished', () => {
    const { store } = setup();
    const job = makeJobRecord({ state: 'failed' });
    store.getState().applyUpdated(job);
    store.getState().applyProgress(progress(job.id));
    expect(store.getState().progress.get(job.id)).toBeUndefined();
  });

  it('fetches the record for progress about a job it has not seen yet', async () => {
    const { fake, store } = setup();
    const job = makeJobRecord({ state: 'running' });
    fake.handle('library:get', () => ok(job));
    store.getState().applyProgress(progress(job.id));
    await vi.waitFor(() => expect(store.getState().order).toEqual([job.id]));
    expect(store.getState().progress.get(job.id)?.state).toBe('running');
  });

  it('works out a smoothed download speed from successive progress events', () => {
    let now = 10_000;
    const { store } = setup(() => now);
    const job = makeJobRecord({ state: 'downloading' });
    store.getState().applyUpdated(job);
    store.getState().applyProgress(progress(job.id, { state: 'downloading', download: { receivedBytes: 0, totalBytes: 4e6 } }));
    expect(store.getState().progress.get(job.id)?.bytesPerSecond).toBeUndefined();
    now += 1000;
    store.getState().applyProgress(progress(job.id, { state: 'downloading', download: { receivedBytes: 2e6, totalBytes: 4e6 } }));
    expect(store.getState().progress.get(job.id)?.bytesPerSecond).toBe(2e6);
    now += 1000;
    store.getState().applyProgress(progress(job.id, { state: 'downloading', download: { receivedBytes: 3e6, totalBytes: 4e6 } }));
    expect(store.getState().progress.get(job.id)?.bytesPerSecond).toBeCloseTo(2e6 * 0.7 + 1e6 * 0.3);
  });

  it('keeps every active job but only the most recent finished ones', () => {
    const { store } = setup();
    const active = makeJobRecord({ state: 'queued', createdAt: '2000-01-01T00:00:00.000Z' });
    store.getState().applyUpdated(active);
    for (let i = 0; i < RECENT_JOBS_LIMIT + 5; i++) store.getState().applyUpdated(makeJobRecord({ state: 'completed' }));
    const { order, records } = store.getState();
    expect(order).toHaveLength(RECENT_JOBS_LIMIT + 1);
    expect(order.at(-1)).toBe(active.id);
    expect(records.size).toBe(RECENT_JOBS_LIMIT + 1);
  });

  it('keeps jobs whose ids are names Object inherits (from an imported library) like any other', () => {
    const { store } = setup();
    const ids = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'];
    for (const id of ids) store.getState().applyUpdated(makeJobRecord({ id, state: 'running' }));
    for (const id of ids) store.getState().applyProgress({ ...progress(id), elapsedMs: 5 });
    const { order, records, progress: live } = store.getState();
    expect([...order].sort()).toEqual([...ids].sort());
    for (const id of ids) {
      expect(records.get(id)?.id).toBe(id);
      expect(live.get(id)?.elapsedMs).toBe(5);
    }
    // An id that was never added is not found through the prototype either.
    expect(records.get('isPrototypeOf')).toBeUndefined();
    store.getState().forget('__proto__');
    expect(store.getState().order).not.toContain('__proto__');
    expect(store.getState().records.size).toBe(ids.length - 1);
  });

  it('forgets a deleted job when the library says so', () => {
    const fake = createFakeApi();
    const stores = createStores(fake.api);
    const off = connectEvents(fake.api, stores);
    const job = makeJobRecord();
    stores.jobs.getState().applyUpdated(job);
    fake.emit('library:changed', { type: 'delete', id: job.id });
    expect(stores.jobs.getState().order).toEqual([]);
    off();
  });

  it('reports a failed cancel in words and leaves the job as it was', async () => {
    const fake = createFakeApi({ 'jobs:cancel': () => ({ ok: false, error: { kind: 'not_found', message: 'No job with that id.' } }) });
    const toasts = createToastStore();
    const store = createJobsStore({ api: fake.api, toasts });
    const job = makeJobRecord({ state: 'running' });
    store.getState().applyUpdated(job);
    await store.getState().cancel(job.id);
    expect(store.getState().records.get(job.id)!.state).toBe('running');
    expect(toasts.getState().toasts).toMatchObject([{ tone: 'error', title: 'Could not cancel the job', message: 'No job with that id.' }]);
  });

  it('asks the core to recheck outcome-unknown jobs (re-runs spend: they go through the spend guard)', async () => {
    const original = makeJobRecord({ state: 'failed', error: { kind: 'outcome_unknown', message: 'maybe sent' } });
    const fake = createFakeApi({
      'jobs:recheck': () => ok({ ...original, state: 'running', error: undefined }),
    });
    const store = createJobsStore({ api: fake.api, toasts: createToastStore() });
    store.getState().applyUpdated(original);
    expect(store.getState()).not.toHaveProperty('rerun');
    await store.getState().recheck(original.id);
    expect(fake.callsTo('jobs:recheck')).toEqual([{ id: original.id }]);
    expect(store.getState().records.get(original.id)!.state).toBe('running');
  });

  it('ticks elapsed time from the last progress report and freezes it once the job ends', () => {
    const running = makeJobRecord({ state: 'running' });
    const live = { ...progress(running.id, { elapsedMs: 40_000 }), receivedAt: 1_000 };
    expect(liveElapsedMs(running, live, 3_500)).toBe(42_500);
    const done = makeJobRecord({ state: 'completed', createdAt: '2025-01-01T00:00:00.000Z', finishedAt: '2025-01-01T00:01:35.000Z' });
    expect(liveElapsedMs(done, undefined, 9_999_999_999)).toBe(95_000);
  });
});
