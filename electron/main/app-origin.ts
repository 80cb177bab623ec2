// Where the renderer comes from. The packaged app serves it from a privileged custom scheme
// (`app://veo/`), never file://, so the page has a real, stable origin that navigation guards,
// IPC sender checks and the CSP can name.
// Pure: no Electron imports, so the decisions built on it are unit-tested under plain Node.
import { MEDIA_PATH } from '../../shared/media-url';

export const APP_SCHEME = 'app';
export const APP_HOST = 'veo';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * Library media, on the page's own origin as in the browser host (`/media/…`): a frame drawn from a
 * library <video> must not taint the canvas, which a second scheme's opaque responses would.
 */
export const APP_MEDIA_BASE = `${APP_ORIGIN}${MEDIA_PATH}`;

/**
 * `scheme://host[:port]`, lower-cased, or null when the URL cannot be parsed or has no host.
 * Computed by hand because Node's URL reports the origin of non-special schemes (app:) as "null",
 * while Chromium (where the scheme is registered as standard) reports `app://veo`.
 */
export function originOf(url: string | null | undefined): string | null {
  if (typeof url !== 'string' || url.length === 0) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (!parsed.host) return null;
  return `${parsed.protocol}//${parsed.host}`.toLowerCase();
}

/**
 * Origins whose pages may navigate, talk IPC and get permissions: the app's own, only. (A Vite dev
 * server once stood in here; its page could neither run under our CSP nor read app:// media without
 * tainting a canvas, so that path was removed: run `npm run build:renderer` and `npm start`.)
 */
export function trustedOrigins(): string[] {
  return [APP_ORIGIN];
}
