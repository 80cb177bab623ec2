// What the browser host's face refuses even to its own page. The page's token proves a request came
// from that page, not that the person did it: so nothing that reads a file named by a path (a page
// in a browser has no paths; drop or choose the file and it arrives as bytes), and no new API base
// (where the key goes) unless it comes from the terminal that started the host or the desktop app.
// Export/import folders stay: they are typed by the person in this page's dialog, the host has
// no picker, and they move only the library's own files.
import type { Settings } from '../../../shared/settings';
import { say } from '../../../shared/i18n/messages';
import { IpcUserError } from '../ipc/router';
import type { AppServiceOptions } from './types';

type Face = Pick<AppServiceOptions, 'face' | 'apiBaseFromLaunch'>;

const PATH_MESSAGES = {
  picture: 'app.host.noPicturePath',
  sidecar: 'app.host.noSidecarPath',
} as const;

export function refusePathOnHost(opts: Face, what: keyof typeof PATH_MESSAGES): void {
  if (opts.face === 'host') throw new IpcUserError('unsupported', say(PATH_MESSAGES[what]));
}

/**
 * A page (or anything that got hold of its token) must not be able to point the key at a server of
 * its choosing. The person at the host's terminal chooses it with `--api-base`; re-sending the
 * bases unchanged (the settings form does) is fine.
 */
export function refuseApiBaseChangeOnHost(opts: Face, current: Settings, patch: { apiBase?: Settings['apiBase'] }): void {
  if (opts.face !== 'host' || patch.apiBase === undefined) return;
  if (sameBases(current.apiBase, patch.apiBase)) return;
  throw new IpcUserError('unsupported', say('app.host.noApiBaseChange', { command: 'npm run host -- --provider <provider> --api-base <url>' }));
}

/**
 * A base given at launch belongs to the provider given with it. If the page could switch provider,
 * the next job would send the new provider's key to that base (red-team F6); so while a base is
 * pinned from the terminal, the provider is too. Re-sending the stored provider unchanged is fine.
 */
export function refuseProviderChangeOnHost(opts: Face, current: Settings, patch: { provider?: Settings['provider'] }): void {
  if (opts.face !== 'host' || !opts.apiBaseFromLaunch || patch.provider === undefined || patch.provider === current.provider) return;
  throw new IpcUserError('unsupported', say('app.host.noProviderChange'));
}

function sameBases(a: Settings['apiBase'], b: Settings['apiBase']): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]) as Set<keyof Settings['apiBase']>;
  for (const k of keys) if (a[k] !== b[k]) return false;
  return true;
}
