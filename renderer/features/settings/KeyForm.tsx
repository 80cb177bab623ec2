// Entering the API key. The typed key lives only in this field until "Save key" hands it to the
// core, which first asks the provider whether it works (free), then saves it to the keychain.
// A rejected key is kept in the field (not saved) with "Save anyway"; offline it is saved with a note.
import { ProviderWords } from '../../components/ProviderWords';
import { useState } from 'react';
import { DEFAULT_BASE_URL, type Provider } from '../../../shared/domain';
import type { KeyCheckResult } from '../../../shared/account';
import { renderMessage, type MessageId } from '../../../shared/i18n/messages';
import { CheckIcon, KeyIcon, SpinnerIcon } from '../../components/icons';
import { Say, asCode, useLocale, useT } from '../../i18n/useT';
import { useApp, useSettings, useStores } from '../../stores/hooks';

const VERDICT_TITLES: Record<KeyCheckResult['verdict'], MessageId> = {
  works: 'settings.key.works',
  rejected: 'settings.key.rejected',
  // Offline, rate limited, or an address that is not the API: the message says which.
  unchecked: 'settings.key.unchecked',
};

/**
 * The origin a provider's key is sent to: where this window's jobs go (app:info, which knows
 * command-line overrides) for its provider, else the configured base URL, else the default.
 */
export function useKeyOrigin(provider: Provider): string {
  const running = useApp((s) => (s.info?.provider === provider ? s.info.apiBase : undefined));
  const configured = useSettings((s) => s.settings?.apiBase[provider]);
  const base = running ?? configured ?? DEFAULT_BASE_URL[provider];
  try {
    return new URL(base).origin;
  } catch {
    return base;
  }
}

export function KeyForm({
  provider,
  autoFocus = false,
  showRemove = true,
}: {
  provider: Provider;
  autoFocus?: boolean;
  showRemove?: boolean;
}) {
  const t = useT();
  const locale = useLocale();
  const { settings } = useStores();
  const status = useSettings((s) => s.keys[provider]);
  const saving = useSettings((s) => s.savingKey);
  const problem = useSettings((s) => s.keyErrors[provider]);
  const check = useSettings((s) => s.keyChecks[provider]);
  const inputProblem = useSettings((s) => s.keyInputProblems[provider]);
  const problemId = `key-input-problem-${provider}`;
  const origin = useKeyOrigin(provider);
  const [draft, setDraft] = useState('');

  const save = async (force = false) => {
    if (await settings.getState().saveKey(provider, draft, { force })) setDraft('');
  };

  return (
    <div className="key-form">
      <p className={`key-status ${status?.isSet ? 'is-set' : ''}`} role="status">
        {status?.isSet ? <CheckIcon size={14} aria-hidden="true" /> : <KeyIcon size={14} aria-hidden="true" />}
        {status === undefined
          ? t('settings.key.checking')
          : status.isSet
            ? t(status.store ? 'settings.key.setIn' : 'settings.key.set', { last4: status.last4 ?? '••••', store: status.store?.kind ?? '', holder: status.store?.holder ?? 'none' })
            : t('settings.key.notSet')}
      </p>
      {problem && (
        <p className="callout is-error key-problem" role="alert">
          {problem}
        </p>
      )}
      {check && (
        <div className={`key-check is-${check.verdict}`} role="status" data-testid="key-check" data-verdict={check.verdict}>
          <strong>{t(VERDICT_TITLES[check.verdict])}</strong>
          <span>{renderMessage(locale, check)}</span>
          {/* What the provider itself said (e.g. the aggregator's "无效的令牌"), as it came. */}
          {check.providerWords && <ProviderWords words={check.providerWords} />}
          {check.verdict === 'rejected' && draft.trim() !== '' && (
            <button type="button" className="link-button" onClick={() => void save(true)}>
              {t('settings.key.saveAnyway')}
            </button>
          )}
        </div>
      )}
      <form
        className="key-row"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <input
          type="password"
          className="input"
          aria-label={t('settings.key.inputLabel')}
          placeholder={status?.isSet ? t('settings.key.replacePlaceholder') : t('settings.key.placeholder')}
          autoComplete="off"
          spellCheck={false}
          autoFocus={autoFocus}
          value={draft}
          aria-invalid={inputProblem ? true : undefined}
          aria-describedby={inputProblem ? problemId : undefined}
          onChange={(e) => setDraft(e.target.value)}
        />
        <button type="submit" className="btn btn-primary" disabled={!draft.trim() || saving}>
          {saving && <SpinnerIcon size={14} className="spin" aria-hidden="true" />}
          {t('settings.key.save')}
        </button>
        {showRemove && (
          <button
            type="button"
            className="btn btn-ghost btn-danger"
            disabled={!status?.isSet}
            onClick={() => void settings.getState().removeKey(provider)}
          >
            {t('settings.key.remove')}
          </button>
        )}
      </form>
      {inputProblem && (
        <p id={problemId} className="field-hint is-error" role="alert">
          {inputProblem}
        </p>
      )}
      <p className="field-hint">
        <Say id="settings.key.stored" values={{ origin, code: asCode }} />
      </p>
    </div>
  );
}
