// Sums the spend ledger by local day, month and provider. Pure: the ledger file is the only input,
// so nothing done to the library (delete, undo, import) can move these numbers.
import type { LedgerInfo } from '../../../shared/contract';
import type { Provider } from '../../../shared/domain';
import { isBilledProvider } from '../../../shared/pricing';
import type { LedgerCharges } from './ledger';

/** Local calendar date (YYYY-MM-DD) of an ISO timestamp; `offsetMinutes` as Date#getTimezoneOffset. */
export function localDate(iso: string, offsetMinutes?: number): string | undefined {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return undefined;
  const offset = offsetMinutes ?? new Date(t).getTimezoneOffset();
  return new Date(t - offset * 60_000).toISOString().slice(0, 10);
}

const cents = (usd: number): number => Math.round(usd * 100);

interface Tally {
  cents: number;
  jobs: number;
}

const add = (map: Map<string, Tally>, key: string, c: number): void => {
  const t = map.get(key) ?? { cents: 0, jobs: 0 };
  t.cents += c;
  t.jobs += 1;
  map.set(key, t);
};

const newestFirst = (map: Map<string, Tally>) => [...map.entries()].sort(([a], [b]) => (a < b ? 1 : a > b ? -1 : 0));

export function summarizeLedger({ charges, voided }: LedgerCharges, offsetMinutes?: number): LedgerInfo {
  // Sum in whole cents so 0.1 + 0.2 style drift never shows up in a total.
  const days = new Map<string, Tally>();
  const providers = new Map<string, Tally>();
  let total = 0;
  const free = { jobs: 0, cents: 0 };
  for (const charge of charges.values()) {
    if (voided.has(charge.jobId)) continue;
    if (!isBilledProvider(charge.provider)) {
      free.jobs++;
      free.cents += cents(charge.listUsd);
      continue;
    }
    const date = localDate(charge.at, offsetMinutes);
    if (!date) continue;
    const c = cents(charge.usd);
    add(days, date, c);
    add(providers, charge.provider, c);
    total += c;
  }
  const months = new Map<string, Tally>();
  for (const [date, d] of days) {
    const m = months.get(date.slice(0, 7)) ?? { cents: 0, jobs: 0 };
    m.cents += d.cents;
    m.jobs += d.jobs;
    months.set(date.slice(0, 7), m);
  }
  return {
    days: newestFirst(days).map(([date, d]) => ({ date, usd: d.cents / 100, jobs: d.jobs })),
    months: newestFirst(months).map(([month, m]) => ({ month, usd: m.cents / 100, jobs: m.jobs })),
    totalUsd: total / 100,
    byProvider: [...providers.entries()]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([provider, t]) => ({ provider: provider as Provider, usd: t.cents / 100, jobs: t.jobs })),
    free: { jobs: free.jobs, wouldCostUsd: free.cents / 100 },
  };
}
