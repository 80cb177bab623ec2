import type { ReactNode } from 'react';
import { BrandIcon, CreateIcon, LibraryIcon, SettingsIcon, SimulatorIcon, KeyIcon } from '../../components/icons';
import { MOD_LABEL } from '../../components/keyboard';
import { PROVIDER_INFO } from '../../../shared/providers';
import type { MessageId } from '../../../shared/i18n/messages';
import { useT } from '../../i18n/useT';
import { BalanceChip } from '../../components/BalanceChip';
import type { View } from '../../stores/app-store';
import { useApp, useEffectiveProvider, useJobs, useKeyReadiness, useStores } from '../../stores/hooks';
import { activeJobCount } from '../../stores/jobs-store';


export function Rail() {
  const t = useT();
  const activeCount = useJobs(activeJobCount);
  return (
    <nav className="rail" aria-label={t('shell.rail.label')}>
      <div className="brand" aria-hidden="true">
        <span className="brand-mark">
          <BrandIcon size={16} />
        </span>
        <span className="brand-name">Veo Studio</span>
      </div>
      <ul className="rail-list">
        <RailItem view="create" textId="shell.rail.create" titleId="shell.rail.createTitle" shortcut="1" icon={<CreateIcon size={18} />} />
        <RailItem view="library" textId="shell.rail.library" titleId="shell.rail.libraryTitle" shortcut="2" icon={<LibraryIcon size={18} />} badge={activeCount || undefined} />
      </ul>
      <div className="rail-spacer" />
      <ProviderPill />
      <BalanceChip />
      <ul className="rail-list">
        <RailItem view="settings" textId="shell.rail.settings" titleId="shell.rail.settingsTitle" shortcut="3" icon={<SettingsIcon size={18} />} />
      </ul>
    </nav>
  );
}

function RailItem(props: { view: View; textId: MessageId; titleId: MessageId; shortcut: string; icon: ReactNode; badge?: number }) {
  const t = useT();
  const { app } = useStores();
  const current = useApp((s) => s.view) === props.view;
  return (
    <li>
      <button
        type="button"
        className="rail-item"
        aria-current={current ? 'page' : undefined}
        aria-keyshortcuts={`${MOD_LABEL === '⌘' ? 'Meta' : 'Control'}+${props.shortcut}`}
        title={t(props.titleId, { shortcut: `${MOD_LABEL}${props.shortcut}` })}
        onClick={() => app.getState().setView(props.view)}
      >
        <span className="rail-icon" aria-hidden="true">
          {props.icon}
        </span>
        <span className="rail-label">{t(props.textId)}</span>
        {props.badge !== undefined && (
          <span className="rail-badge" aria-hidden="true">
            {props.badge}
          </span>
        )}
      </button>
    </li>
  );
}

/** Which service new jobs go to, and whether it is ready — the one thing worth seeing at a glance. */
function ProviderPill() {
  const t = useT();
  const { app } = useStores();
  const provider = useEffectiveProvider();
  const readiness = useKeyReadiness();
  if (!provider) return null;
  const ready = readiness === 'ready';
  return (
    <button
      type="button"
      className={`provider-pill ${ready ? 'is-ready' : 'is-missing'}`}
      title={ready ? t('shell.rail.providerReadyTitle', { provider }) : t('shell.rail.providerMissingTitle')}
      onClick={() => app.getState().setView('settings')}
    >
      {PROVIDER_INFO[provider].local ? <SimulatorIcon size={14} aria-hidden="true" /> : <KeyIcon size={14} aria-hidden="true" />}
      <span className="rail-label">{t('settings.provider.name', { provider })}</span>
      <span className="provider-dot" aria-hidden="true" />
      <span className="visually-hidden">{ready ? t('shell.rail.providerReady') : t('shell.rail.providerMissing')}</span>
    </button>
  );
}
