// Entering the API key. The typed key lives only in this field until "Save key" hands it to the
// keychain; afterwards the field is cleared and only "Key set (…abcd)" is shown.
import { useState } from 'react';
import type { Provider } from '../../../shared/domain';
import { CheckIcon, KeyIcon, SpinnerIcon } from '../../components/icons';
import { useSettings, useStores } from '../../stores/hooks';

export function KeyForm({
  provider,
  autoFocus = false,
  showRemove = true,
}: {
  provider: Provider;
  autoFocus?: boolean;
  showRemove?: boolean;
}) {
  const { settings } = useStores();
  const status = useSettings((s) => s.keys[provider]);
  const saving = useSettings((s) => s.savingKey);
  const problem = useSettings((s) => s.keyErrors[provider]);
  const [draft, setDraft] = useState('');

  const save = async () => {
    if (await settings.getState().saveKey(provider, draft)) setDraft('');
  };

  return (
    <div className="key-form">
      <p className={`key-status ${status?.isSet ? 'is-set' : ''}`} role="status">
        {status?.isSet ? <CheckIcon size={14} aria-hidden="true" /> : <KeyIcon size={14} aria-hidden="true" />}
        {status === undefined ? 'Checking…' : status.isSet ? `Key set (…${status.last4 ?? '••••'})${status.store ? ` in ${status.store}` : ''}` : 'No key set'}
      </p>
      {problem && (
        <p className="callout is-error key-problem" role="alert">
          {problem}
        </p>
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
          aria-label="API key"
          placeholder={status?.isSet ? 'Paste a new key to replace it' : 'Paste your API key'}
          autoComplete="off"
          spellCheck={false}
          autoFocus={autoFocus}
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
        />
        <button type="submit" className="btn btn-primary" disabled={!draft.trim() || saving}>
          {saving && <SpinnerIcon size={14} className="spin" aria-hidden="true" />}
          Save key
        </button>
        {showRemove && (
          <button
            type="button"
            className="btn btn-ghost btn-danger"
            disabled={!status?.isSet}
            onClick={() => void settings.getState().removeKey(provider)}
          >
            Remove key
          </button>
        )}
      </form>
      <p className="field-hint">Stored in your system keychain. Veo Studio sends it only to the API address above.</p>
    </div>
  );
}
