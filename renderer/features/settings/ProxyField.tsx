// The proxy override. Blank = automatic: the system proxy in the desktop app, then HTTPS_PROXY /
// HTTP_PROXY / NO_PROXY. "direct" = never a proxy. Otherwise http://host:port. Whatever is chosen,
// the key is only ever sent to the API address, through the proxy's CONNECT tunnel.
import { useState } from 'react';
import type { SettingsPatch } from '../../../shared/settings';

export function ProxyField({ value, onSave }: { value: string | undefined; onSave: (patch: SettingsPatch) => void }) {
  const saved = value ?? '';
  const [draft, setDraft] = useState(saved);
  const [error, setError] = useState<string>();

  const commit = () => {
    const next = draft.trim();
    if (next === saved) return setError(undefined);
    if (next !== '' && next !== 'direct' && !/^(http:\/\/)?[^\s/]+(:\d+)?\/?$/i.test(next)) {
      setError('Use http://host:port, "direct", or leave it blank for automatic.');
      return;
    }
    setError(undefined);
    onSave({ proxy: next === '' ? null : next });
  };

  return (
    <div className="field">
      <label htmlFor="proxy" className="field-label">
        Proxy
      </label>
      <input
        id="proxy"
        type="text"
        className="input"
        placeholder="Automatic (system proxy, HTTPS_PROXY)"
        spellCheck={false}
        value={draft}
        aria-invalid={!!error || undefined}
        aria-describedby="proxy-hint"
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => e.key === 'Enter' && commit()}
      />
      <p id="proxy-hint" className={`field-hint ${error ? 'is-error' : ''}`}>
        {error ?? 'http://host:port, or "direct" for none. The key still goes only to the API address, through the proxy’s tunnel.'}
      </p>
    </div>
  );
}
