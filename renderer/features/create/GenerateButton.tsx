// The primary action. Its label carries the duration and the estimated cost (or "free" on the
// simulator); when it cannot run, it is disabled and says why, right under it (a tooltip alone is
// easy to miss). It stays locked while a press is on its way to the core or waiting for the
// spend confirmation, so a double click never sends twice.
import { estimateBatchUsd, isBilledProvider } from '../../../shared/pricing';
import { Say, useT } from '../../i18n/useT';
import { priceWords, rateWords } from './cost-words';
import { SparklesIcon, SpinnerIcon } from '../../components/icons';
import { MOD_LABEL } from '../../components/keyboard';
import { generateBlocker, generateLabelParts } from '../../stores/create-form';
import { useStore } from 'zustand';
import { shownBalance } from '../../stores/balance-store';
import { useCreate, useEffectiveProvider, useKeyReadiness, useStores } from '../../stores/hooks';

export function GenerateButton() {
  const { spendGuard, app, balance } = useStores();
  const balanceUsd = useStore(balance, (s) => shownBalance(s.info));
  const keyReady = useKeyReadiness();
  const t = useT();
  const provider = useEffectiveProvider() ?? 'aggregator';
  const state = useCreate((s) => s);
  const inFlight = useStore(spendGuard, (s) => s.generating || s.pending !== undefined) || state.submitting;
  const blocker = generateBlocker(state, keyReady);
  // Every take of every picture is its own job: the estimate counts them all, as the core's guard does.
  const count = Math.max(1, state.images.length) * state.takes;
  const free = !isBilledProvider(provider);
  const [head, meta] = generateLabelParts(state, count, provider);
  const estimate = estimateBatchUsd(state, provider, count);
  // A warning, not a block: the provider's price may differ from fal's list price we estimate with.
  const shortOfMoney = !free && balanceUsd !== undefined && estimate > balanceUsd;

  return (
    <div className="generate">
      <dl className="cost-summary">
        <div>
          <dt>{t('create.generate.estimate')}</dt>
          <dd>{priceWords(t, estimate, provider)}</dd>
        </div>
        <div>
          <dt>{t('create.generate.rate')}</dt>
          <dd>{rateWords(t, state, provider)}</dd>
        </div>
      </dl>
      <button
        type="button"
        className="btn btn-primary btn-generate"
        // While a press is on its way the button stays focusable (aria-disabled, not disabled): a
        // disabled button drops focus to the page, and the spend dialog that may follow must hand
        // focus back to it. The spend guard ignores presses while one is in flight.
        disabled={!!blocker}
        aria-disabled={inFlight || undefined}
        aria-busy={inFlight}
        title={blocker ?? t('create.generate.title', { mod: MOD_LABEL })}
        aria-describedby={blocker ? 'generate-reason' : undefined}
        onClick={() => void spendGuard.getState().requestGenerate(keyReady)}
      >
        {state.submitting ? (
          <SpinnerIcon size={16} className="spin" aria-hidden="true" />
        ) : (
          <SparklesIcon size={16} aria-hidden="true" />
        )}
        <span className="generate-text">
          <span className="generate-head">{head}</span>
          {meta && <span className="generate-meta">{meta}</span>}
        </span>
      </button>
      {shortOfMoney && (
        <p className="callout is-warning balance-warning" role="alert" data-testid="balance-warning">
          {t('create.generate.shortOfMoney', { estimate, balance: balanceUsd })}
        </p>
      )}
      <p id="generate-reason" className="generate-reason" aria-live="polite">
        {!blocker && state.submitting && t('create.generate.sending')}
        {!blocker && !state.submitting && (
          <span className="generate-hint">
            <Say id="create.generate.orPress" values={{ mod: MOD_LABEL === '⌘' ? '⌘' : 'Ctrl', kbd: (c) => <kbd>{c}</kbd> }} />
          </span>
        )}
        {blocker}
        {keyReady === 'missing' && blocker === t('create.blocker.noKey') && (
          <>
            {' '}
            <button type="button" className="link-button" onClick={() => app.getState().setView('settings')}>
              {t('create.generate.openSettings')}
            </button>
          </>
        )}
      </p>
    </div>
  );
}
