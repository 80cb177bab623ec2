// Settings: where jobs go (provider, base URL, key), how many run at once, files, notifications,
// theme, and a few facts about this installation.
import { useState, type ReactNode } from 'react';
import { PROVIDERS, type Provider } from '../../../shared/domain';
import { PROVIDER_INFO } from '../../../shared/providers';
import type { Settings, SettingsPatch } from '../../../shared/settings';
import { GlobeIcon, MonitorIcon, MoonIcon, ServerIcon, SimulatorIcon, SunIcon } from '../../components/icons';
import { Segmented } from '../../components/Segmented';
import { Switch } from '../../components/Switch';
import { useApp, useSettings, useStores } from '../../stores/hooks';
import { JobsPanelToggle } from '../jobs/JobsPanel';
import { CommitField } from './CommitField';
import { KeyForm } from './KeyForm';
import { ProxyField } from './ProxyField';
import { SpendLimitField } from './SpendLimitField';
import { Field } from '../../components/Field';

const PROVIDER_ICONS: Record<Provider, ReactNode> = {
  aggregator: <ServerIcon size={16} aria-hidden="true" />,
  fal: <GlobeIcon size={16} aria-hidden="true" />,
  simulator: <SimulatorIcon size={16} aria-hidden="true" />,
};

export function SettingsView() {
  const settings = useSettings((s) => s.settings);
  const loadError = useSettings((s) => s.loadError);
  return (
    <div className="settings-view">
      <header className="view-header">
        <div>
          <h1 className="view-title">Settings</h1>
          <p className="view-subtitle">Saved as you change them</p>
        </div>
        <JobsPanelToggle />
      </header>
      <div className="settings-scroll">
        {loadError && <p className="callout is-error">{loadError}</p>}
        {settings && <SettingsForm settings={settings} />}
      </div>
    </div>
  );
}

function SettingsForm({ settings }: { settings: Settings }) {
  const store = useStores().settings;
  const info = useApp((s) => s.info);
  const update = (patch: SettingsPatch) => void store.getState().update(patch);
  // Fixed at start (--provider): that is where jobs go, so that is the key this form must manage.
  const fixed = info?.providerFixed === true ? info.provider : undefined;
  const provider = fixed ?? settings.provider;

  return (
    <>
      <section className="settings-card" aria-labelledby="connection-heading">
        <h2 id="connection-heading" className="card-title">
          Connection
        </h2>
        <div className="field">
          <span id="provider-label" className="field-label">
            Provider
          </span>
          <div className="provider-options" role="radiogroup" aria-labelledby="provider-label">
            {PROVIDERS.map((p) => (
              <label key={p} className="provider-option">
                <input
                  type="radio"
                  name="provider"
                  value={p}
                  checked={provider === p}
                  disabled={fixed !== undefined && p !== fixed}
                  aria-label={PROVIDER_INFO[p].label}
                  aria-describedby={`provider-${p}-blurb`}
                  onChange={() => update({ provider: p })}
                />
                <span className="provider-face">
                  <span className="provider-name">
                    {PROVIDER_ICONS[p]}
                    {PROVIDER_INFO[p].label}
                  </span>
                  <span className="provider-blurb" id={`provider-${p}-blurb`}>
                    {PROVIDER_INFO[p].blurb}
                  </span>
                </span>
              </label>
            ))}
          </div>
          {info && (fixed !== undefined || info.provider !== provider) && (
            <p className="field-hint" data-testid="provider-fixed">
              This window sends jobs to {PROVIDER_INFO[info.provider].label} ({info.apiBase}), chosen when Veo Studio was started.
            </p>
          )}
        </div>
        <BaseUrlField key={provider} provider={provider} settings={settings} onSave={update} fromTerminal={info?.face === 'host'} />
        {!PROVIDER_INFO[provider].local && (
          <ProxyField value={settings.proxy} fromTerminal={info?.face === 'host'} onSave={(patch) => void store.getState().update(patch)} />
        )}
        {!PROVIDER_INFO[provider].needsKey ? (
          <p className="field-hint">{PROVIDER_INFO[provider].label} needs no API key.</p>
        ) : (
          <div className="field">
            <span className="field-label">API key</span>
            <KeyForm provider={provider} />
          </div>
        )}
      </section>

      <section className="settings-card" aria-labelledby="jobs-heading">
        <h2 id="jobs-heading" className="card-title">
          Jobs and files
        </h2>
        <Field id="concurrency" label="Concurrent jobs" hint="How many jobs run at the same time (1–8). More jobs wait in line." inline>
          <input
            id="concurrency"
            type="number"
            className="input input-number"
            min={1}
            max={8}
            value={settings.concurrency}
            onChange={(e) => {
              const n = Number(e.target.value);
              if (Number.isInteger(n) && n >= 1 && n <= 8) update({ concurrency: n });
            }}
          />
        </Field>
        <SpendLimitField value={settings.confirmAboveUsd} onSave={(patch) => void store.getState().update(patch)} />
        {info?.nativeFiles && <DownloadDirField value={settings.downloadDir ?? ''} onSave={(v) => update({ downloadDir: v || null })} />}
        <Switch
          label="Notifications"
          description="Tell me when a video is ready or a job fails."
          checked={settings.notifications}
          onChange={(on) => update({ notifications: on })}
        />
      </section>

      <section className="settings-card" aria-labelledby="appearance-heading">
        <h2 id="appearance-heading" className="card-title">
          Appearance
        </h2>
        <Segmented
          label="Theme"
          value={settings.theme}
          options={[
            { value: 'system', label: 'System', icon: <MonitorIcon size={14} aria-hidden="true" /> },
            { value: 'light', label: 'Light', icon: <SunIcon size={14} aria-hidden="true" /> },
            { value: 'dark', label: 'Dark', icon: <MoonIcon size={14} aria-hidden="true" /> },
          ]}
          onChange={(theme) => update({ theme })}
        />
      </section>

      {info && (
        <section className="settings-card" aria-labelledby="about-heading">
          <h2 id="about-heading" className="card-title">
            About
          </h2>
          <dl className="about-list">
            <dt>Version</dt>
            <dd>{info.version}</dd>
            <dt>Running as</dt>
            <dd>{info.face === 'electron' ? 'Desktop app' : 'Browser host'}</dd>
            <dt>Data folder</dt>
            <dd className="mono">{info.dataDir}</dd>
          </dl>
        </section>
      )}
    </>
  );
}

/** fromTerminal: the browser host takes the API base only from the command line that started it. */
function BaseUrlField({ provider, settings, onSave, fromTerminal }: { provider: Provider; settings: Settings; onSave: (p: Partial<Settings>) => void; fromTerminal?: boolean }) {
  return (
    <CommitField
      id="api-base"
      label="API base URL"
      type="url"
      saved={settings.apiBase[provider] ?? ''}
      placeholder={PROVIDER_INFO[provider].local ? `Built-in ${PROVIDER_INFO[provider].label.toLowerCase()}` : PROVIDER_INFO[provider].defaultBaseUrl}
      hint={fromTerminal ? 'Set when the host starts: npm run host -- --api-base <url>.' : 'Leave blank to use the default shown.'}
      readOnly={fromTerminal}
      check={(v) => (v && !/^https?:\/\/[^\s]+$/i.test(v) ? 'Use a full address such as https://api.example.com, or leave it blank for the default.' : undefined)}
      onCommit={(value) => {
        const apiBase = { ...settings.apiBase };
        if (value) apiBase[provider] = value.replace(/\/+$/, '');
        else delete apiBase[provider];
        onSave({ apiBase });
      }}
    />
  );
}

function DownloadDirField({ value, onSave }: { value: string; onSave: (v: string) => void }) {
  const [draft, setDraft] = useState(value);
  return (
    <Field id="download-dir" label="Download folder">
      <input
        id="download-dir"
        className="input mono"
        placeholder="Where “Save video as…” starts"
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={() => draft.trim() !== value && onSave(draft.trim())}
      />
    </Field>
  );
}
