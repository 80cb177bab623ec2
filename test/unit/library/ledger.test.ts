// The cost ledger: which jobs count as spend, how they group by local day and month, and that sums
// are exact to the cent.
import { describe, expect, it } from 'vitest';
import { computeLedger, countsAsSpend, localDate } from '../../../electron/core/library/ledger';
import { makeJobRecord } from '../../support/records';

const at = (iso: string) => ({ createdAt: iso, submittedAt: iso });

describe('countsAsSpend', () => {
  it('counts jobs the server received, except failures it does not bill', () => {
    expect(countsAsSpend(makeJobRecord({ state: 'completed' }))).toBe(true);
    expect(countsAsSpend(makeJobRecord({ state: 'cancelled', requestId: 'req-1' }))).toBe(true);
    expect(countsAsSpend(makeJobRecord({ state: 'cancelled', requestId: undefined }))).toBe(false);
    expect(countsAsSpend(makeJobRecord({ state: 'failed', requestId: undefined }))).toBe(false);
    expect(countsAsSpend(makeJobRecord({ state: 'failed', error: { kind: 'transient', message: 'x', notCharged: true } }))).toBe(false);
    expect(countsAsSpend(makeJobRecord({ state: 'failed', error: { kind: 'content_policy', message: 'x' } }))).toBe(true);
  });
});

describe('computeLedger', () => {
  it('groups by day and month, newest first, in exact cents', () => {
    const records = [
      makeJobRecord(at('2025-03-01T10:00:00.000Z')), // 8s audio: 3.20
      makeJobRecord({ ...at('2025-03-01T12:00:00.000Z'), params: { duration: '4s', generateAudio: false } }), // 0.80
      makeJobRecord({ ...at('2025-03-02T09:00:00.000Z'), params: { duration: '6s', generateAudio: false } }), // 1.20
      makeJobRecord({ ...at('2025-02-28T09:00:00.000Z'), params: { duration: '6s', generateAudio: true } }), // 2.40
      makeJobRecord({ ...at('2025-03-02T09:00:00.000Z'), state: 'cancelled', requestId: undefined }), // never sent
    ];
    const ledger = computeLedger(records, 0);
    expect(ledger.days).toEqual([
      { date: '2025-03-02', usd: 1.2, jobs: 1 },
      { date: '2025-03-01', usd: 4, jobs: 2 },
      { date: '2025-02-28', usd: 2.4, jobs: 1 },
    ]);
    expect(ledger.months).toEqual([
      { month: '2025-03', usd: 5.2, jobs: 3 },
      { month: '2025-02', usd: 2.4, jobs: 1 },
    ]);
    expect(ledger.totalUsd).toBe(7.6);
  });

  it('dates a job by local time: 23:30 UTC is the next day east of Greenwich', () => {
    expect(localDate('2025-03-01T23:30:00.000Z', 0)).toBe('2025-03-01');
    expect(localDate('2025-03-01T23:30:00.000Z', -120)).toBe('2025-03-02');
    expect(localDate('not a date', 0)).toBeUndefined();
    const ledger = computeLedger([makeJobRecord(at('2025-03-31T23:30:00.000Z'))], -120);
    expect(ledger.months).toEqual([{ month: '2025-04', usd: 3.2, jobs: 1 }]);
  });

  it('is empty for an empty library', () => {
    expect(computeLedger([])).toEqual({ days: [], months: [], totalUsd: 0 });
  });
});
