// What is left on the account behind the key, next to the provider. Shown only when the provider
// says (aggregator billing endpoints, fal's billing API for admin keys); otherwise nothing at all —
// not an error. Clicking asks again. A free provider (the simulator) charges nothing, so its chip
// says "Free" instead of a play balance that would seem to go down while every estimate says free.
import { useStore } from 'zustand';
import type { BalanceInfo } from '../../shared/account';
import { isBilledProvider } from '../../shared/pricing';
import { shownBalance } from '../stores/balance-store';
import { useStores } from '../stores/hooks';
import { useIntl } from 'react-intl';
import { useT } from '../i18n/useT';

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
        <span className="balance-amount">{t('shell.balance.free')}</span>
        <span className="rail-label">{t('shell.balance.noCharges')}</span>
      </span>
    );
  }
  const { usd } = chip;
  const low = usd < 1;
  const amount = t('common.usd', { amount: usd });
  return (
    <button
      type="button"
      className={`balance-chip ${low ? 'is-low' : ''} ${loading ? 'is-loading' : ''}`}
      data-testid="balance-chip"
      title={info?.checkedAt ? t('shell.balance.titleAt', { time: intl.formatTime(info.checkedAt, { timeStyle: 'medium' }) }) : t('shell.balance.title')}
      aria-label={t('shell.balance.label', { amount: usd })}
      onClick={() => void balance.getState().refresh()}
    >
      <span className="balance-amount">{amount}</span>
      <span className="rail-label">{t('shell.balance.left')}</span>
    </button>
  );
}
