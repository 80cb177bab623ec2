// The cost ledger: estimated spend per day and per month, from the library's records.
// Rule (what counts as spend): a job counts once it reached the server, i.e. it has a request id,
// unless it failed with `notCharged` (fal does not bill 5xx failures). A job cancelled before it
// was sent has no request id and counts for nothing; one cancelled after it was queued still counts,
// because the provider may bill it. Amounts are list-price estimates (shared/pricing), dated by the
// day the job was sent (submittedAt, else createdAt) in local time unless an offset is given.
import type { JobRecord } from '../../../shared/domain';
import { estimateCostUsd } from '../../../shared/pricing';

export interface LedgerDay {
  date: string;
  usd: number;
  jobs: number;
}
export interface LedgerMonth {
  month: string;
  usd: number;
  jobs: number;
}
export interface Ledger {
  /** Newest first. */
  days: LedgerDay[];
  /** Newest first. */
  months: LedgerMonth[];
  totalUsd: number;
}

export function countsAsSpend(rec: JobRecord): boolean {
  if (!rec.requestId) return false;
  return !(rec.state === 'failed' && rec.error?.notCharged);
}

/** Local calendar date (YYYY-MM-DD) of an ISO timestamp; `offsetMinutes` as Date#getTimezoneOffset. */
export function localDate(iso: string, offsetMinutes?: number): string | undefined {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return undefined;
  const offset = offsetMinutes ?? new Date(t).getTimezoneOffset();
  return new Date(t - offset * 60_000).toISOString().slice(0, 10);
}

const cents = (usd: number): number => Math.round(usd * 100);

export function computeLedger(records: Iterable<JobRecord>, offsetMinutes?: number): Ledger {
  // Sum in whole cents so 0.1 + 0.2 style drift never shows up in a total.
  const days = new Map<string, { cents: number; jobs: number }>();
  let total = 0;
  for (const rec of records) {
    if (!countsAsSpend(rec)) continue;
    const date = localDate(rec.submittedAt ?? rec.createdAt, offsetMinutes);
    if (!date) continue;
    const c = cents(estimateCostUsd(rec.params));
    const day = days.get(date) ?? { cents: 0, jobs: 0 };
    day.cents += c;
    day.jobs += 1;
    days.set(date, day);
    total += c;
  }
  const months = new Map<string, { cents: number; jobs: number }>();
  for (const [date, d] of days) {
    const key = date.slice(0, 7);
    const m = months.get(key) ?? { cents: 0, jobs: 0 };
    m.cents += d.cents;
    m.jobs += d.jobs;
    months.set(key, m);
  }
  const newestFirst = <T>(map: Map<string, T>) => [...map.entries()].sort(([a], [b]) => (a < b ? 1 : a > b ? -1 : 0));
  return {
    days: newestFirst(days).map(([date, d]) => ({ date, usd: d.cents / 100, jobs: d.jobs })),
    months: newestFirst(months).map(([month, m]) => ({ month, usd: m.cents / 100, jobs: m.jobs })),
    totalUsd: total / 100,
  };
}
