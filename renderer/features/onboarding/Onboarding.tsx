// First run without a key: say where keys come from, take one right here, or offer the simulator
// so the app can be tried at no cost.
import type { ReactNode } from 'react';
import { PROVIDERS, type Provider } from '../../../shared/domain';
import { needsKey, PROVIDER_INFO, type ProviderInfo } from '../../../shared/providers';
import { DEFAULT_SETTINGS } from '../../../shared/settings';
import { ExternalLinkIcon, KeyIcon, SimulatorIcon, SparklesIcon } from '../../components/icons';
import { Say, useT } from '../../i18n/useT';
import { useApp, useEffectiveProvider, useKeyReadiness, useSettings, useStores } from '../../stores/hooks';
import { KeyForm, useKeyOrigin } from '../settings/KeyForm';
import { PROVIDER_WORDS } from './provider-words';
import { PROVIDER_NAME } from '../../i18n/provider-name';

export function useNeedsOnboarding(): boolean {
  const provider = useEffectiveProvider();
  const readiness = useKeyReadiness();
  const dismissed = useApp((s) => s.onboardingDismissed);
  const loaded = useSettings((s) => s.settings !== undefined);
  return loaded && !dismissed && provider !== undefined && needsKey(provider) && readiness === 'missing';
}

export function Onboarding() {
  const { settings, app } = useStores();
  const provider = useEffectiveProvider() ?? 'aggregator';
  const info: ProviderInfo = PROVIDER_INFO[provider];
  const origin = useKeyOrigin(provider);
  const t = useT();
  const words = PROVIDER_WORDS[provider];
  const strong = (c: ReactNode[]) => <strong>{c}</strong>;

  return (
    <div className="onboarding">
      <div className="onboarding-card">
        <div className="onboarding-mark" aria-hidden="true">
          <SparklesIcon size={26} />
        </div>
        <h1 className="onboarding-title">{t('onboarding.title')}</h1>
        <p className="onboarding-lead">{t('onboarding.lead')}</p>

        <div className="onboarding-steps">
          <div className="onboarding-step">
            <KeyIcon size={18} aria-hidden="true" />
            <div>
              <h2>{t('onboarding.whereToGetKey')}</h2>
              <p>
                {words.keyHelp && t(words.keyHelp)}{' '}
                {info.keyHelp?.url && (
                  <a href={info.keyHelp.url} target="_blank" rel="noreferrer">
                    {info.keyHelp.url.replace(/^https:\/\//, '')} <ExternalLinkIcon size={12} aria-hidden="true" />
                  </a>
                )}
                {otherKeyedProviders(provider).map((other) => (
                  <span key={other}>
                    {' '}
                    <Say id="onboarding.otherProvider" values={{ provider: t(PROVIDER_NAME[other]), strong }} />
                  </span>
                ))}
              </p>
            </div>
          </div>
        </div>

        <div className="onboarding-key">
          <span className="field-label">{t('onboarding.pasteKey', { provider: t(PROVIDER_NAME[provider]) })}</span>
          <p className="field-hint" data-testid="key-destination">
            <Say id="onboarding.keyDestination" values={{ origin, strong }} />
          </p>
          <KeyForm provider={provider} autoFocus showRemove={false} />
        </div>

        <div className="onboarding-divider">
          <span>{t('onboarding.or')}</span>
        </div>

        <div className="onboarding-alt">
          <button
            type="button"
            className="btn btn-secondary"
            onClick={() => void settings.getState().update({ provider: 'simulator' })}
          >
            <SimulatorIcon size={16} aria-hidden="true" />
            {t('onboarding.trySimulator')}
          </button>
          <p className="field-hint">{t('onboarding.simulatorHint')}</p>
          <button type="button" className="link-button" onClick={() => app.getState().dismissOnboarding()}>
            {t('onboarding.notNow')}
          </button>
        </div>
      </div>
    </div>
  );
}

/**
 * The keyed alternatives to the default provider a person might already hold a key for (derived:
 * a new keyed provider appears here). Someone who already picked one is not pointed elsewhere.
 */
function otherKeyedProviders(current: Provider): Provider[] {
  return PROVIDERS.filter((p) => p !== current && p !== DEFAULT_SETTINGS.provider && needsKey(p));
}
