// The browser host's per-run token, held by this page only. It arrives once in the printed link's
// fragment (`#token=…`, which no browser sends to any server), is taken out of the address bar at
// once, and from then on lives in this module — and in sessionStorage, so a reload of this tab
// still works. Unlike a cookie, sessionStorage is per origin *including the port*: no other server
// on 127.0.0.1 ever receives it, and no page there can read or overwrite it.
import { mediaKeyFromToken } from '../../shared/media-url';
import { HOST_TOKEN_PARAM } from '../../shared/wire-protocol';

const STORAGE_KEY = 'veo-host-token';
let token: string | undefined;
let mediaKey: string | undefined;

/** Reads the token from the link (fragment, or the query of links printed by older hosts), once. */
export function takeHostToken(loc: Location = location, hist: History = history, storage = sessionStorageOrNone()): string | undefined {
  const url = new URL(loc.href);
  const fragment = new URLSearchParams(url.hash.replace(/^#/, ''));
  const offered = fragment.get(HOST_TOKEN_PARAM) ?? url.searchParams.get(HOST_TOKEN_PARAM);
  if (fragment.has(HOST_TOKEN_PARAM) || url.searchParams.has(HOST_TOKEN_PARAM)) {
    fragment.delete(HOST_TOKEN_PARAM);
    url.searchParams.delete(HOST_TOKEN_PARAM);
    const hash = fragment.toString();
    hist.replaceState(hist.state, '', `${url.pathname}${url.search}${hash ? `#${hash}` : ''}`);
  }
  if (offered) {
    token = offered;
    try {
      storage?.setItem(STORAGE_KEY, offered);
    } catch {
      // Storage full or denied: the token still works until this tab reloads.
    }
  } else {
    token ??= storage?.getItem(STORAGE_KEY) ?? undefined;
  }
  mediaKey = token ? mediaKeyFromToken(token) : undefined;
  return token;
}

export const hostToken = (): string | undefined => token;

/** What media URLs are signed with (shared/media-url.ts); undefined in Electron. */
export const hostMediaKey = (): string | undefined => mediaKey;

function sessionStorageOrNone(): Storage | undefined {
  try {
    return window.sessionStorage;
  } catch {
    return undefined;
  }
}
