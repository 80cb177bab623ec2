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
import { Say, asCode, useT } from '../../i18n/useT';
import { LanguageField } from './LanguageField';

const PROVIDER_ICONS: Record<Provider, ReactNode> = {
  aggregator: <ServerIcon size={16} aria-hidden="true" />,
  fal: <GlobeIcon size={16} aria-hidden="true" />,
  simulator: <SimulatorIcon size={16} aria-hidden="true" />,
};

export function SettingsView() {
  const t = useT();
  const settings = useSettings((s) => s.settings);
  const loadError = useSettings((s) => s.loadError);
  return (
    <div className="settings-view">
      <header className="view-header">
        <div>
          <h1 className="view-title">{t('settings.view.title')}</h1>
          <p className="view-subtitle">{t('settings.view.subtitle')}</p>
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
  const t = useT();
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
          {t('settings.connection.title')}
        </h2>
        <div className="field">
          <span id="provider-label" className="field-label">
            {t('settings.connection.provider')}
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
                  aria-label={t('settings.provider.name', { provider: p })}
                  aria-describedby={`provider-${p}-blurb`}
                  onChange={() => update({ provider: p })}
                />
                <span className="provider-face">
                  <span className="provider-name">
                    {PROVIDER_ICONS[p]}
                    {t('settings.provider.name', { provider: p })}
                  </span>
                  <span className="provider-blurb" id={`provider-${p}-blurb`}>
                    {t('settings.provider.blurb', { provider: p })}
                  </span>
                </span>
              </label>
            ))}
          </div>
          {info && (fixed !== undefined || info.provider !== provider) && (
            <p className="field-hint" data-testid="provider-fixed">
              {t('settings.connection.fixed', { provider: info.provider, apiBase: info.apiBase })}
            </p>
          )}
        </div>
        <BaseUrlField key={provider} provider={provider} settings={settings} onSave={update} fromTerminal={info?.face === 'host'} />
        {!PROVIDER_INFO[provider].local && (
          <ProxyField value={settings.proxy} fromTerminal={info?.face === 'host'} onSave={(patch) => void store.getState().update(patch)} />
        )}
        {!PROVIDER_INFO[provider].needsKey ? (
          <p className="field-hint">{t('settings.connection.noKeyNeeded', { provider })}</p>
        ) : (
          <div className="field">
            <span className="field-label">{t('settings.connection.apiKey')}</span>
            <KeyForm provider={provider} />
          </div>
        )}
      </section>

      <section className="settings-card" aria-labelledby="jobs-heading">
        <h2 id="jobs-heading" className="card-title">
          {t('settings.jobs.title')}
        </h2>
        <Field id="concurrency" label={t('settings.jobs.concurrency')} hint={t('settings.jobs.concurrencyHint')} inline>
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
          label={t('settings.jobs.notifications')}
          description={t('settings.jobs.notificationsHint')}
          checked={settings.notifications}
          onChange={(on) => update({ notifications: on })}
        />
      </section>

      <section className="settings-card" aria-labelledby="appearance-heading">
        <h2 id="appearance-heading" className="card-title">
          {t('settings.appearance.title')}
        </h2>
        <Segmented
          label={t('settings.appearance.theme')}
          value={settings.theme}
          options={[
            { value: 'system', label: t('settings.appearance.system'), icon: <MonitorIcon size={14} aria-hidden="true" /> },
            { value: 'light', label: t('settings.appearance.light'), icon: <SunIcon size={14} aria-hidden="true" /> },
            { value: 'dark', label: t('settings.appearance.dark'), icon: <MoonIcon size={14} aria-hidden="true" /> },
          ]}
          onChange={(theme) => update({ theme })}
        />
        <LanguageField value={settings.language} onChange={(language) => update({ language })} />
      </section>

      {info && (
        <section className="settings-card" aria-labelledby="about-heading">
          <h2 id="about-heading" className="card-title">
            {t('settings.about.title')}
          </h2>
          <dl className="about-list">
            <dt>{t('settings.about.version')}</dt>
            <dd>{info.version}</dd>
            <dt>{t('settings.about.runningAs')}</dt>
            <dd>{info.face === 'electron' ? t('settings.about.desktop') : t('settings.about.host')}</dd>
            <dt>{t('settings.about.dataDir')}</dt>
            <dd className="mono" data-user-text="">
              {info.dataDir}
            </dd>
          </dl>
        </section>
      )}
    </>
  );
}

// A command line, the same in every language.
const HOST_API_BASE_COMMAND = 'npm run host -- --api-base <url>';

/** fromTerminal: the browser host takes the API base only from the command line that started it. */
function BaseUrlField({ provider, settings, onSave, fromTerminal }: { provider: Provider; settings: Settings; onSave: (p: Partial<Settings>) => void; fromTerminal?: boolean }) {
  const t = useT();
  return (
    <CommitField
      id="api-base"
      label={t('settings.apiBase.label')}
      type="url"
      saved={settings.apiBase[provider] ?? ''}
      placeholder={PROVIDER_INFO[provider].local ? t('settings.apiBase.builtIn') : PROVIDER_INFO[provider].defaultBaseUrl}
      hint={fromTerminal ? <Say id="settings.apiBase.hostHint" values={{ command: HOST_API_BASE_COMMAND, code: asCode }} /> : t('settings.apiBase.hint')}
      readOnly={fromTerminal}
      check={(v) => (v && !/^https?:\/\/[^\s]+$/i.test(v) ? t('settings.apiBase.invalid') : undefined)}
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
  const t = useT();
  const [draft, setDraft] = useState(value);
  return (
    <Field id="download-dir" label={t('settings.jobs.downloadDir')}>
      <input
        id="download-dir"
        className="input mono"
        placeholder={t('settings.jobs.downloadDirPlaceholder')}
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={() => draft.trim() !== value && onSave(draft.trim())}
      />
    </Field>
  );
}
