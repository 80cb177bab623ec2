// The one way to name a library file as a URL, in both faces. Media lives on the page's own origin
// under /media (the browser host's http origin, Electron's app://veo), so a frame drawn from a
// library <video> never taints a canvas. The browser host authenticates nothing by cookie, so its
// media URLs carry a signature instead: HMAC over the expiry and the exact encoded path, keyed by
// a secret only the page (and the host) know. Electron's app:// URLs carry none and the handler cannot
// tell who asks (see electron/main/protocols.ts): there, only our own window ever shows a page.
import { equalConstantTime, hmacSha256, toBase64Url } from './hmac-sha256';

/** `${origin}${MEDIA_PATH}/<encoded path relative to the library>` */
export const MEDIA_PATH = '/media';

/** Longer encoded paths are refused unhashed: the library's own are `media/<uuid>/<short name>`. */
export const MAX_MEDIA_PATH = 1024;

/**
 * A signed URL is the same for a whole window (a re-render never swaps a playing <video>'s src)
 * and accepted until the end of the next one: every URL handed out is good for 2–4 hours, and
 * all of them die with the run's secret when the host stops.
 */
export const MEDIA_URL_WINDOW_S = 2 * 60 * 60;

export interface MediaSigning {
  /** From mediaKeyFromToken(run token). */
  key: string;
  nowMs: number;
}

/** Each segment encoded, so odd file names (`#`, `?`, spaces, `%`) cannot change the URL. */
export function encodeMediaPath(relativePath: string): string {
  return relativePath
    .split(/[\\/]+/)
    .filter((s) => s !== '' && s !== '.')
    .map(encodeURIComponent)
    .join('/');
}

/**
 * The URL under `mediaBase` (from app:info) for a path the library recorded, or undefined.
 * `version` (an imported job's importedAt) makes a new URL for files that may have changed under
 * the same path: a browser reuses an image it holds for a URL without asking again. The host and
 * the app:// handler ignore it (the signature covers the path and expiry only).
 */
export function mediaUrl(mediaBase: string | undefined, relativePath: string | undefined, signing?: MediaSigning, version?: string): string | undefined {
  if (!mediaBase || !relativePath) return undefined;
  const encoded = encodeMediaPath(relativePath);
  const url = `${mediaBase.replace(/\/+$/, '')}/${encoded}`;
  const query = [signing ? signedMediaQuery(signing, encoded) : '', version ? `v=${encodeURIComponent(version)}` : ''].filter((part) => part !== '');
  return query.length > 0 ? `${url}?${query.join('&')}` : url;
}

/** `e=<expiry>&s=<signature>` for a path exactly as it will be requested (already encoded). */
export function signedMediaQuery(signing: MediaSigning, encodedPath: string): string {
  const expires = (Math.floor(signing.nowMs / 1000 / MEDIA_URL_WINDOW_S) + 2) * MEDIA_URL_WINDOW_S;
  return `e=${expires}&s=${signatureFor(signing.key, encodedPath, expires)}`;
}

/**
 * The page signs with a key derived from the run's token, never with the token itself: a media URL
 * that escapes the page (a copied link, the history) carries nothing that opens the WebSocket.
 */
export function mediaKeyFromToken(token: string): string {
  return toBase64Url(hmacSha256(token, 'veo-studio media url key v1'));
}

export type MediaUrlCheck = 'ok' | 'unsigned' | 'expired' | 'forged';

/** The host's side of mediaUrl: `encodedPath` exactly as requested (after `${MEDIA_PATH}/`). */
export function checkMediaUrl(key: string, encodedPath: string, query: URLSearchParams, nowMs: number): MediaUrlCheck {
  const expiresText = query.get('e');
  const signature = query.get('s');
  if (expiresText === null || signature === null) return 'unsigned';
  // Bounded before any hashing: a request's path can be as long as its headers (a megabyte).
  if (!/^\d{1,12}$/.test(expiresText) || signature.length > 64 || encodedPath.length > MAX_MEDIA_PATH) return 'forged';
  const expires = Number(expiresText);
  const nowS = nowMs / 1000;
  if (expires <= nowS) return 'expired';
  // mediaUrl never mints a longer lifetime, so a far-future expiry is a forgery whatever it signs.
  if (expires > nowS + 2 * MEDIA_URL_WINDOW_S) return 'forged';
  // Computed afresh, never remembered: a check is a request anyone may send, and a memo of what
  // strangers asked for is memory they could fill.
  return equalConstantTime(signature, toBase64Url(hmacSha256(key, `${expires}\n${encodedPath}`))) ? 'ok' : 'forged';
}

// A library view renders hundreds of thumbnails on every store change: the page remembers recent
// signatures of paths it names itself (the checking side never does, see checkMediaUrl).
const memo = new Map<string, string>();
const MEMO_LIMIT = 5000;

function signatureFor(key: string, encodedPath: string, expires: number): string {
  const id = `${key}\n${expires}\n${encodedPath}`;
  let sig = memo.get(id);
  if (sig === undefined) {
    sig = toBase64Url(hmacSha256(key, `${expires}\n${encodedPath}`));
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(id, sig);
  }
  return sig;
}
