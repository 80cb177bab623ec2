// What is left on the account behind the key, next to the provider. Shown only when the provider
// says (aggregator billing endpoints, fal's billing API for admin keys); otherwise nothing at all —
// not an error. Clicking asks again. A free provider (the simulator) charges nothing, so its chip
// says "Free" instead of a play balance that would seem to go down while every estimate says free.
import type { ReactNode } from 'react';
import { useStore } from 'zustand';
import type { BalanceInfo } from '../../shared/account';
import { isBilledProvider } from '../../shared/pricing';
import { shownBalance } from '../stores/balance-store';
import { useStores } from '../stores/hooks';
import { useIntl } from 'react-intl';
import { Say, useT } from '../i18n/useT';

/**
 * The chip's words as one message whose parts are tagged (languages order them differently: "$9.40
 * left", "余额 $9.40"): the amount always shows, the rest only where the rail is wide. The amount
 * uses the narrow "$" — "US$" does not fit the narrow rail, and the label and title name the currency.
 */
const CHIP_PARTS = {
  amount: (chunks: ReactNode[]) => <span className="balance-amount">{chunks}</span>,
  more: (chunks: ReactNode[]) => <span className="rail-label">{chunks}</span>,
};

export type ChipContent = { kind: 'free' } | { kind: 'usd'; usd: number };

export function chipOf(info: BalanceInfo | undefined): ChipContent | undefined {
  if (info !== undefined && !isBilledProvider(info.provider)) return { kind: 'free' };
  const usd = shownBalance(info);
  return usd === undefined ? undefined : { kind: 'usd', usd };
}

export function BalanceChip() {
  const t = useT();
  const intl = useIntl();
  const { balance } = useStores();
  const info = useStore(balance, (s) => s.info);
  const loading = useStore(balance, (s) => s.loading);
  const chip = chipOf(info);
  if (chip === undefined) return null;
  if (chip.kind === 'free') {
    return (
      <span className="balance-chip" data-testid="balance-chip" title={t('shell.balance.freeTitle')}>
        <Say id="shell.balance.freeChip" values={CHIP_PARTS} />
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
      title={info?.checkedAt ? t('shell.balance.titleAt', { time: intl.formatTime(info.checkedAt, { timeStyle: 'medium' }) }) : t('shell.balance.title')}
      aria-label={t('shell.balance.label', { amount: usd })}
      onClick={() => void balance.getState().refresh()}
    >
      <Say id="shell.balance.chip" values={{ ...CHIP_PARTS, usd }} />
    </button>
  );
}
