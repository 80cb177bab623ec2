// The proxy override. Blank = automatic: the system proxy in the desktop app, then HTTPS_PROXY /
// HTTP_PROXY / NO_PROXY. "direct" = never a proxy. Otherwise http://host:port. Whatever is chosen,
// the key is only ever sent to the API address, through the proxy's CONNECT tunnel.
import type { SettingsPatch } from '../../../shared/settings';
import { CommitField } from './CommitField';

/** fromTerminal: the browser host takes the proxy from its environment (HTTPS_PROXY), not from the page. */
export function ProxyField({ value, fromTerminal, onSave }: { value: string | undefined; fromTerminal?: boolean; onSave: (patch: SettingsPatch) => void }) {
  return (
    <CommitField
      id="proxy"
      label="Proxy"
      saved={value ?? ''}
      placeholder="Automatic (system proxy, HTTPS_PROXY)"
      hint={
        fromTerminal
          ? 'Set when the host starts: HTTPS_PROXY / HTTP_PROXY / NO_PROXY in its environment.'
          : 'http://host:port, or “direct” for none. The key still goes only to the API address, through the proxy’s tunnel.'
      }
      readOnly={fromTerminal}
      check={(v) => (v === '' || v === 'direct' || /^(http:\/\/)?[^\s/]+(:\d+)?\/?$/i.test(v) ? undefined : 'Use http://host:port, "direct", or leave it blank for automatic.')}
      onCommit={(v) => onSave({ proxy: v === '' ? null : v })}
    />
  );
}
