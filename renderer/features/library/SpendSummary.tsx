// The Library's "Spend" line: what was charged today, this month and in total, split by provider,
// with a disclosure listing every day and month. It comes from the core's spend ledger
// (electron/core/library/ledger.ts), so deleting or importing jobs never moves it; simulator jobs
// are shown apart, as free. Re-read whenever the library changes.
import { useEffect, useState } from 'react';
import type { LedgerInfo } from '../../../shared/contract';
import { formatUsd } from '../../../shared/pricing';
import { PROVIDER_INFO } from '../../../shared/providers';
import { useLibrary, useStores } from '../../stores/hooks';

/** YYYY-MM-DD of `now` in local time, the same calendar the core's ledger uses. */
export function localDay(now: Date): string {
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
}

export function SpendSummary() {
  const { api } = useStores();
  // A new pages object means the library was re-read or a job changed: the totals may have moved.
  const pages = useLibrary((s) => s.pages);
  const [ledger, setLedger] = useState<LedgerInfo>();

  useEffect(() => {
    let live = true;
    void api.library.ledger().then((r) => {
      if (live && r.ok) setLedger(r.value);
    });
    return () => {
      live = false;
    };
  }, [api, pages]);

  if (!ledger) return null;
  const today = localDay(new Date());
  const todayUsd = ledger.days.find((d) => d.date === today)?.usd ?? 0;
  const monthUsd = ledger.months.find((m) => m.month === today.slice(0, 7))?.usd ?? 0;

  return (
    <section className="spend-summary" aria-label="Spend">
      <dl>
        <div>
          <dt>Spent today</dt>
          <dd>{formatUsd(todayUsd)}</dd>
        </div>
        <div>
          <dt>This month</dt>
          <dd>{formatUsd(monthUsd)}</dd>
        </div>
        <div>
          <dt>Total</dt>
          <dd>{formatUsd(ledger.totalUsd)}</dd>
        </div>
        {ledger.byProvider.length > 1 &&
          ledger.byProvider.map((p) => (
            <div key={p.provider}>
              <dt>{PROVIDER_INFO[p.provider].label}</dt>
              <dd>{formatUsd(p.usd)}</dd>
            </div>
          ))}
        {ledger.free.jobs > 0 && (
          <div>
            <dt>Simulator</dt>
            <dd>
              free — {ledger.free.jobs} {ledger.free.jobs === 1 ? 'job' : 'jobs'} would cost {formatUsd(ledger.free.wouldCostUsd)}
            </dd>
          </div>
        )}
      </dl>
      {ledger.days.length > 0 && (
        <details>
          <summary>Spend by day and month (as charged, at each day's price)</summary>
          <SpendTable caption="By month" rows={ledger.months.map((m) => ({ key: m.month, usd: m.usd, jobs: m.jobs }))} />
          <SpendTable caption="By day" rows={ledger.days.map((d) => ({ key: d.date, usd: d.usd, jobs: d.jobs }))} />
        </details>
      )}
    </section>
  );
}

function SpendTable({ caption, rows }: { caption: string; rows: Array<{ key: string; usd: number; jobs: number }> }) {
  return (
    <table>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{caption === 'By month' ? 'Month' : 'Day'}</th>
          <th scope="col">Jobs</th>
          <th scope="col">Charged</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key}>
            <th scope="row">{r.key}</th>
            <td>{r.jobs}</td>
            <td>{formatUsd(r.usd)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
