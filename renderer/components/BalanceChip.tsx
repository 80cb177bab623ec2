// What is left on the account behind the key, next to the provider. Shown only when the provider
// says (aggregator billing endpoints, fal's billing API for admin keys); otherwise nothing at all —
// not an error. Clicking asks again. A free provider (the simulator) charges nothing, so its chip
// says "Free" instead of a play balance that would seem to go down while every estimate says free.
import { useStore } from 'zustand';
import type { BalanceInfo } from '../../shared/account';
import { formatUsd, isBilledProvider } from '../../shared/pricing';
import { shownBalance } from '../stores/balance-store';
import { useStores } from '../stores/hooks';

export type ChipContent = { kind: 'free' } | { kind: 'usd'; usd: number };

export function chipOf(info: BalanceInfo | undefined): ChipContent | undefined {
  if (info !== undefined && !isBilledProvider(info.provider)) return { kind: 'free' };
  const usd = shownBalance(info);
  return usd === undefined ? undefined : { kind: 'usd', usd };
}

export function BalanceChip() {
  const { balance } = useStores();
  const info = useStore(balance, (s) => s.info);
  const loading = useStore(balance, (s) => s.loading);
  const chip = chipOf(info);
  if (chip === undefined) return null;
  if (chip.kind === 'free') {
    return (
      <span className="balance-chip" data-testid="balance-chip" title="The simulator charges nothing: every job is free.">
        <span className="balance-amount">Free</span>
        <span className="rail-label"> — no charges</span>
      </span>
    );
  }
  const { usd } = chip;
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
