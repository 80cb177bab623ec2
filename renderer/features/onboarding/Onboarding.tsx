// First run without a key: say where keys come from, take one right here, or offer the simulator
// so the app can be tried at no cost.
import { PROVIDERS, type Provider } from '../../../shared/domain';
import { needsKey, PROVIDER_INFO, type ProviderInfo } from '../../../shared/providers';
import { DEFAULT_SETTINGS } from '../../../shared/settings';
import { ExternalLinkIcon, KeyIcon, SimulatorIcon, SparklesIcon } from '../../components/icons';
import { useApp, useEffectiveProvider, useKeyReadiness, useSettings, useStores } from '../../stores/hooks';
import { KeyForm, useKeyOrigin } from '../settings/KeyForm';

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

  return (
    <div className="onboarding">
      <div className="onboarding-card">
        <div className="onboarding-mark" aria-hidden="true">
          <SparklesIcon size={26} />
        </div>
        <h1 className="onboarding-title">Welcome to Veo Studio</h1>
        <p className="onboarding-lead">
          Turn a still picture into a short video (up to 8 seconds, with sound) using Google’s Veo 3. To make real videos, Veo Studio needs an API key.
        </p>

        <div className="onboarding-steps">
          <div className="onboarding-step">
            <KeyIcon size={18} aria-hidden="true" />
            <div>
              <h2>Where to get a key</h2>
              <p>
                {info.keyHelp?.text}{' '}
                {info.keyHelp?.url && (
                  <a href={info.keyHelp.url} target="_blank" rel="noreferrer">
                    {info.keyHelp.url.replace(/^https:\/\//, '')} <ExternalLinkIcon size={12} aria-hidden="true" />
                  </a>
                )}
                {otherKeyedProviders(provider).map((other) => (
                  <span key={other}>
                    {' '}
                    Have a {PROVIDER_INFO[other].label} key instead? Choose <strong>{PROVIDER_INFO[other].label}</strong> as the provider in Settings.
                  </span>
                ))}
              </p>
            </div>
          </div>
        </div>

        <div className="onboarding-key">
          <span className="field-label">Paste your {info.label} key</span>
          <p className="field-hint" data-testid="key-destination">
            Your key will be sent to <strong>{origin}</strong> only — to check it now (free) and with each job.
          </p>
          <KeyForm provider={provider} autoFocus showRemove={false} />
        </div>

        <div className="onboarding-divider">
          <span>or</span>
        </div>

        <div className="onboarding-alt">
          <button
            type="button"
            className="btn btn-secondary"
            onClick={() => void settings.getState().update({ provider: 'simulator' })}
          >
            <SimulatorIcon size={16} aria-hidden="true" />
            Try the simulator
          </button>
          <p className="field-hint">Free and offline: sample clips, the full workflow. Switch to a real provider in Settings any time.</p>
          <button type="button" className="link-button" onClick={() => app.getState().dismissOnboarding()}>
            Not now — just look around
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
