// The proxy override. Blank = automatic: the system proxy in the desktop app, then HTTPS_PROXY /
// HTTP_PROXY / NO_PROXY. "direct" = never a proxy. Otherwise http://host:port. Whatever is chosen,
// the key is only ever sent to the API address, through the proxy's CONNECT tunnel.
import type { SettingsPatch } from '../../../shared/settings';
import { Say, asCode, useT } from '../../i18n/useT';
import { CommitField } from './CommitField';

/** fromTerminal: the browser host takes the proxy from its environment (HTTPS_PROXY), not from the page. */
export function ProxyField({ value, fromTerminal, onSave }: { value: string | undefined; fromTerminal?: boolean; onSave: (patch: SettingsPatch) => void }) {
  const t = useT();
  return (
    <CommitField
      id="proxy"
      label={t('settings.proxy.label')}
      saved={value ?? ''}
      placeholder={t('settings.proxy.placeholder')}
      hint={
        <Say id={fromTerminal ? 'settings.proxy.hostHint' : 'settings.proxy.hint'} values={{ code: asCode }} />
      }
      readOnly={fromTerminal}
      check={(v) => (v === '' || v === 'direct' || /^(http:\/\/)?[^\s/]+(:\d+)?\/?$/i.test(v) ? undefined : <Say id="settings.proxy.invalid" values={{ code: asCode }} />)}
      onCommit={(v) => onSave({ proxy: v === '' ? null : v })}
    />
  );
}
