// The single way the renderer reaches the core. Electron's preload provides `window.veo`; anywhere
// else we are being served by the browser host and build the same API over its WebSocket.
import type { VeoApi } from '../../shared/contract';
import { HOST_WS_PATH, HOST_WS_PROTOCOL, hostTokenProtocol } from '../../shared/wire-protocol';
import { hostToken, takeHostToken } from './host-session';
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
    // The token goes on the handshake (Sec-WebSocket-Protocol), where the host checks it before
    // upgrading; no cookie is ever involved.
    const token = hostToken() ?? takeHostToken();
    const built = createWsApi({
      url: `${protocol}//${location.host}${HOST_WS_PATH}`,
      protocols: token ? [HOST_WS_PROTOCOL, hostTokenProtocol(token)] : [HOST_WS_PROTOCOL],
    });
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

/** True in the browser host when this tab was not opened with the link `npm run host` printed. */
export function missingHostLink(): boolean {
  return !window.veo && !(hostToken() ?? takeHostToken());
}
