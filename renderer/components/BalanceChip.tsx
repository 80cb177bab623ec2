// What is left on the account behind the key, next to the provider. Shown only when the provider
// says (aggregator billing endpoints, fal's billing API for admin keys); otherwise nothing at all —
// not an error. Clicking asks again.
import { useStore } from 'zustand';
import { formatUsd } from '../../shared/pricing';
import { shownBalance } from '../stores/balance-store';
import { useStores } from '../stores/hooks';

export function BalanceChip() {
  const { balance } = useStores();
  const info = useStore(balance, (s) => s.info);
  const loading = useStore(balance, (s) => s.loading);
  const usd = shownBalance(info);
  if (usd === undefined) return null;
  const low = usd < 1;
  return (
    <button
      type="button"
      className={`balance-chip ${low ? 'is-low' : ''} ${loading ? 'is-loading' : ''}`}
      data-testid="balance-chip"
      title={`Balance reported by the provider${info?.checkedAt ? ` at ${new Date(info.checkedAt).toLocaleTimeString()}` : ''} — click to refresh`}
      aria-label={`Balance ${formatUsd(usd)} left, refresh`}
      onClick={() => void balance.getState().refresh()}
    >
      <span className="balance-amount">{formatUsd(usd)}</span>
      <span className="rail-label"> left</span>
    </button>
  );
}
