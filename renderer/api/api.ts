// The single way the renderer reaches the core. Electron's preload provides `window.veo`; anywhere
// else we are being served by the browser host and build the same API over its WebSocket.
import type { VeoApi } from '../../shared/contract';
import { HOST_WS_PATH } from '../../shared/wire-protocol';
import type { ConnectionHandle, DesktopExtras } from './types';
import { createWsApi } from './ws-api';

let api: VeoApi | undefined;
let connection: ConnectionHandle | undefined;

export function getApi(): VeoApi {
  if (api) return api;
  if (window.veo) {
    api = window.veo;
  } else {
    const protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
    const built = createWsApi({ url: `${protocol}//${location.host}${HOST_WS_PATH}` });
    api = built.api;
    connection = built.connection;
  }
  return api;
}

/** The host's WebSocket connection; undefined in Electron (IPC cannot drop). */
export function getConnection(): ConnectionHandle | undefined {
  getApi();
  return connection;
}

/** Native-file helpers exist only under Electron's preload. */
export function getDesktopExtras(): DesktopExtras | undefined {
  const veo = window.veo;
  return veo && typeof veo.files?.pathForFile === 'function' ? veo : undefined;
}

/**
 * The host authenticates with a cookie it set when the page was opened as `/?token=…`; the token
 * has done its job, so keep it out of the address bar, history and any screenshot.
 */
export function scrubTokenFromUrl(): void {
  const url = new URL(location.href);
  if (!url.searchParams.has('token')) return;
  url.searchParams.delete('token');
  history.replaceState(history.state, '', `${url.pathname}${url.search}${url.hash}`);
}
