// The spend ledger: a job is charged once, when a provider accepts it, at that provider's price; the
// simulator is free; failures a provider does not bill are voided; imports and deletes never move
// it; it survives a reopen and a torn last line; totals are exact to the cent.
import { appendFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LEDGER_FILE, SpendLedger } from '../../../electron/core/library/ledger';
import { localDate } from '../../../electron/core/library/ledger-summary';
import { makeJobRecord, type JobRecordOverrides } from '../../support/records';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'veo-ledger-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const accepted = (o: JobRecordOverrides = {}) =>
  makeJobRecord({ provider: 'fal', state: 'queued', submittedAt: '2025-03-01T10:00:00.000Z', ...o });

describe('what is charged', () => {
  it('charges each billed provider its price when it accepts the job, split by provider', async () => {
    const ledger = await SpendLedger.open(dir);
    await ledger.observe(accepted({ provider: 'fal' })); // 8 s with audio: $3.20
    await ledger.observe(accepted({ provider: 'aggregator', params: { duration: '4s', generateAudio: false } })); // $0.80
    const info = ledger.summary(0);
    expect(info.totalUsd).toBe(4);
    expect(info.byProvider).toEqual([
      { provider: 'aggregator', usd: 0.8, jobs: 1 },
      { provider: 'fal', usd: 3.2, jobs: 1 },
    ]);
    expect(info.days).toEqual([{ date: '2025-03-01', usd: 4, jobs: 2 }]);
  });

  it('charges a job once, however many times it is updated', async () => {
    const ledger = await SpendLedger.open(dir);
    const rec = accepted();
    await ledger.observe(rec);
    await ledger.observe({ ...rec, state: 'running' });
    await ledger.observe({ ...rec, state: 'completed' });
    expect(ledger.summary(0)).toMatchObject({ totalUsd: 3.2, days: [{ jobs: 1 }] });
  });

  it('the simulator is free: never spend, shown as "would cost"', async () => {
    const ledger = await SpendLedger.open(dir);
    const rec = accepted({ provider: 'simulator' });
    await ledger.observe(rec);
    expect(ledger.summary(0)).toMatchObject({ totalUsd: 0, days: [], byProvider: [], free: { jobs: 1, wouldCostUsd: 3.2 } });
    expect(ledger.costOf(rec)).toMatchObject({ status: 'free', usd: 3.2 });
  });

  it('a job never sent is not charged; one cancelled after it was queued stays charged', async () => {
    const ledger = await SpendLedger.open(dir);
    const unsent = accepted({ state: 'cancelled', requestId: undefined });
    const queued = accepted({ state: 'cancelled' });
    await ledger.observe(unsent);
    await ledger.observe(queued);
    expect(ledger.summary(0).totalUsd).toBe(3.2);
    expect(ledger.costOf(unsent).status).toBe('not_sent');
    expect(ledger.costOf(queued)).toMatchObject({ status: 'charged', usd: 3.2 });
  });

  it('a failure the provider does not bill (fal 5xx) is voided; a content-policy failure is not', async () => {
    const ledger = await SpendLedger.open(dir);
    const serverError = accepted();
    const policy = accepted();
    await ledger.observe(serverError);
    await ledger.observe(policy);
    await ledger.observe({ ...serverError, state: 'failed', error: { kind: 'transient', message: 'x', notCharged: true } });
    await ledger.observe({ ...policy, state: 'failed', error: { kind: 'content_policy', message: 'x' } });
    expect(ledger.summary(0).totalUsd).toBe(3.2);
    expect(ledger.costOf(serverError).status).toBe('not_charged');
  });

  it('a job marked "not charged" that then completes (Check again fetched the video) is charged again, also after a reopen', async () => {
    const ledger = await SpendLedger.open(dir);
    const rec = accepted();
    await ledger.observe(rec);
    await ledger.observe({ ...rec, state: 'failed', error: { kind: 'transient', message: 'x', notCharged: true } });
    expect(ledger.costOf(rec).status).toBe('not_charged');
    await ledger.observe({ ...rec, state: 'completed' });
    expect(ledger.costOf(rec)).toMatchObject({ status: 'charged', usd: 3.2 });
    expect(ledger.summary(0).totalUsd).toBe(3.2);
    const reopened = await SpendLedger.open(dir);
    expect(reopened.costOf(rec).status).toBe('charged');
    await reopened.reconcile([{ ...rec, state: 'completed' }]);
    expect((await readFile(join(dir, LEDGER_FILE), 'utf8')).trim().split('\n')).toHaveLength(3);
  });

  it('an imported job is never charged here, even when it carries a request id', async () => {
    const ledger = await SpendLedger.open(dir);
    const imported = accepted({ importedAt: '2025-03-05T00:00:00.000Z', createdAt: '2024-12-24T10:00:00.000Z' });
    await ledger.observe(imported);
    await ledger.reconcile([imported]);
    expect(ledger.summary(0)).toMatchObject({ totalUsd: 0, days: [] });
    expect(ledger.costOf(imported)).toMatchObject({ status: 'imported', usd: 3.2 });
  });

  it('keeps the price of the day it was charged, not a price computed again later', async () => {
    const ledger = await SpendLedger.open(dir);
    const rec = accepted();
    await ledger.observe(rec);
    const raw = (await readFile(join(dir, LEDGER_FILE), 'utf8')).replace('"usd":3.2', '"usd":2.5');
    await writeFile(join(dir, LEDGER_FILE), raw);
    const reopened = await SpendLedger.open(dir);
    expect(reopened.costOf(rec)).toMatchObject({ status: 'charged', usd: 2.5 });
  });
});

describe('durability', () => {
  it('survives a reopen, and nothing done to the records (a delete) moves it', async () => {
    const ledger = await SpendLedger.open(dir);
    await ledger.observe(accepted());
    await ledger.observe(accepted({ provider: 'aggregator' }));
    const reopened = await SpendLedger.open(dir);
    // The library no longer has either record: the ledger does not ask it.
    await reopened.reconcile([]);
    expect(reopened.summary(0).totalUsd).toBe(6.4);
  });

  it('skips a torn last line and starts the next entry on a fresh line', async () => {
    const ledger = await SpendLedger.open(dir);
    await ledger.observe(accepted());
    await appendFile(join(dir, LEDGER_FILE), '{"type":"charge","at":"2025-03-01T1');
    const reopened = await SpendLedger.open(dir);
    expect(reopened.problems).toBe(1);
    await reopened.observe(accepted({ provider: 'aggregator' }));
    const again = await SpendLedger.open(dir);
    expect(again.summary(0).totalUsd).toBe(6.4);
    expect(again.problems).toBe(1);
  });

  it('reconcile adds what a crash between the journal and the ledger missed, once', async () => {
    const ledger = await SpendLedger.open(dir);
    const records = [accepted(), accepted({ provider: 'aggregator' }), accepted({ requestId: undefined })];
    await ledger.reconcile(records);
    await ledger.reconcile(records);
    expect(ledger.summary(0)).toMatchObject({ totalUsd: 6.4, days: [{ jobs: 2 }] });
    const lines = (await readFile(join(dir, LEDGER_FILE), 'utf8')).trim().split('\n');
    expect(lines).toHaveLength(2);
  });
});

describe('reconciling from summaries (issue 16, F5: startup no longer reads every record)', () => {
  it('mayNeedEntries picks every job reconcile would add an entry for, and none it would not', async () => {
    const ledger = await SpendLedger.open(dir);
    const charged = accepted();
    const voided = accepted({ state: 'failed', error: { kind: 'transient', message: 'x', notCharged: true } });
    await ledger.reconcile([charged, voided]);
    const jobs = [
      charged,
      voided,
      { ...voided, state: 'completed' as const },
      accepted(),
      accepted({ state: 'failed', error: { kind: 'transient', message: 'x', notCharged: true } }),
      accepted({ requestId: undefined }),
    ];
    const picked = jobs.filter((j) => ledger.mayNeedEntries(j)).map((j) => j.id);
    expect(picked).toEqual([jobs[2]?.id, jobs[3]?.id, jobs[4]?.id]);
  });
});

describe('grouping', () => {
  it('groups by day and month, newest first, in exact cents', async () => {
    const ledger = await SpendLedger.open(dir);
    const on = (iso: string, params: JobRecordOverrides['params'] = {}) => accepted({ submittedAt: iso, params });
    await ledger.reconcile([
      on('2025-03-01T10:00:00.000Z'), // 3.20
      on('2025-03-01T12:00:00.000Z', { duration: '4s', generateAudio: false }), // 0.80
      on('2025-03-02T09:00:00.000Z', { duration: '6s', generateAudio: false }), // 1.20
      on('2025-02-28T09:00:00.000Z', { duration: '6s', generateAudio: true }), // 2.40
    ]);
    const info = ledger.summary(0);
    expect(info.days).toEqual([
      { date: '2025-03-02', usd: 1.2, jobs: 1 },
      { date: '2025-03-01', usd: 4, jobs: 2 },
      { date: '2025-02-28', usd: 2.4, jobs: 1 },
    ]);
    expect(info.months).toEqual([
      { month: '2025-03', usd: 5.2, jobs: 3 },
      { month: '2025-02', usd: 2.4, jobs: 1 },
    ]);
    expect(info.totalUsd).toBe(7.6);
  });

  it('dates a charge by local time: 23:30 UTC is the next day east of Greenwich', () => {
    expect(localDate('2025-03-01T23:30:00.000Z', 0)).toBe('2025-03-01');
    expect(localDate('2025-03-01T23:30:00.000Z', -120)).toBe('2025-03-02');
    expect(localDate('not a date', 0)).toBeUndefined();
  });

  it('is empty for a new library', async () => {
    expect((await SpendLedger.open(dir)).summary()).toEqual({ days: [], months: [], totalUsd: 0, byProvider: [], free: { jobs: 0, wouldCostUsd: 0 } });
  });
});
