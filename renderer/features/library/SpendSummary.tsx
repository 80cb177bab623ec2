// The Library's "Spend" line: what was charged today, this month and in total, split by provider,
// with a disclosure listing every day and month. It comes from the core's spend ledger
// (electron/core/library/ledger.ts), so deleting or importing jobs never moves it; simulator jobs
// are shown apart, as free. Re-read whenever the library changes.
import { useEffect, useState } from 'react';
import type { LedgerInfo } from '../../../shared/contract';
import type { MessageId } from '../../../shared/i18n/messages';
import { useT } from '../../i18n/useT';
import { useLibrary, useStores } from '../../stores/hooks';
import { PROVIDER_NAME } from '../../i18n/provider-name';

/** YYYY-MM-DD of `now` in local time, the same calendar the core's ledger uses. */
export function localDay(now: Date): string {
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
}

export function SpendSummary() {
  const { api } = useStores();
  const t = useT();
  // The library was re-read or a job changed: the totals may have moved. (Not on every page the
  // grid loads while scrolling: summing the ledger then was work on both sides of the bridge.)
  const revision = useLibrary((s) => s.revision);
  const [ledger, setLedger] = useState<LedgerInfo>();

  useEffect(() => {
    let live = true;
    void api.library.ledger().then((r) => {
      if (live && r.ok) setLedger(r.value);
    });
    return () => {
      live = false;
    };
  }, [api, revision]);

  if (!ledger) return null;
  const today = localDay(new Date());
  const todayUsd = ledger.days.find((d) => d.date === today)?.usd ?? 0;
  const monthUsd = ledger.months.find((m) => m.month === today.slice(0, 7))?.usd ?? 0;

  return (
    <section className="spend-summary" aria-label={t('library.spend.label')}>
      <dl>
        <div>
          <dt>{t('library.spend.today')}</dt>
          <dd>{t('common.usd', { amount: todayUsd })}</dd>
        </div>
        <div>
          <dt>{t('library.spend.thisMonth')}</dt>
          <dd>{t('common.usd', { amount: monthUsd })}</dd>
        </div>
        <div>
          <dt>{t('library.spend.total')}</dt>
          <dd>{t('common.usd', { amount: ledger.totalUsd })}</dd>
        </div>
        {ledger.byProvider.length > 1 &&
          ledger.byProvider.map((p) => (
            <div key={p.provider}>
              <dt>{t(PROVIDER_NAME[p.provider])}</dt>
              <dd>{t('common.usd', { amount: p.usd })}</dd>
            </div>
          ))}
        {ledger.free.jobs > 0 && (
          <div>
            <dt>{t('library.spend.simulator')}</dt>
            <dd>{t('library.spend.free', { count: ledger.free.jobs, usd: ledger.free.wouldCostUsd })}</dd>
          </div>
        )}
      </dl>
      {ledger.days.length > 0 && (
        <details>
          <summary>{t('library.spend.breakdown')}</summary>
          <SpendTable caption="library.spend.byMonth" period="library.spend.month" rows={ledger.months.map((m) => ({ key: m.month, usd: m.usd, jobs: m.jobs }))} />
          <SpendTable caption="library.spend.byDay" period="library.spend.day" rows={ledger.days.map((d) => ({ key: d.date, usd: d.usd, jobs: d.jobs }))} />
        </details>
      )}
    </section>
  );
}

/** `period`: the name of the first column (Month, Day). */
function SpendTable({ caption, period, rows }: { caption: MessageId; period: MessageId; rows: Array<{ key: string; usd: number; jobs: number }> }) {
  const t = useT();
  return (
    <table>
      <caption>{t(caption)}</caption>
      <thead>
        <tr>
          <th scope="col">{t(period)}</th>
          <th scope="col">{t('library.spend.jobs')}</th>
          <th scope="col">{t('library.spend.charged')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key}>
            <th scope="row">{r.key}</th>
            <td>{r.jobs}</td>
            <td>{t('common.usd', { amount: r.usd })}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
