// Where the renderer comes from. The packaged app serves it from a privileged custom scheme
// (`app://veo/`), never file://, so the page has a real, stable origin that navigation guards,
// IPC sender checks and the CSP can name. A Vite dev server may stand in during development.
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

/** The env variable that points the window at `vite dev` instead of the bundled renderer. */
export const DEV_SERVER_ENV = 'VEO_DEV_SERVER_URL';

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
 * The dev-server URL to load instead of app://, or undefined. Only plain http on localhost is
 * accepted: the variable must never be able to point a window (with our preload API) at the network.
 * Packaged builds ignore it altogether (the caller passes `allowed: false`).
 */
export function devServerUrl(env: NodeJS.ProcessEnv, allowed: boolean): string | undefined {
  const raw = env[DEV_SERVER_ENV];
  if (!allowed || raw === undefined || raw === '') return undefined;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new Error(`${DEV_SERVER_ENV} is not a URL: "${raw}".`);
  }
  if (parsed.protocol !== 'http:' || parsed.hostname !== 'localhost' || parsed.username || parsed.password) {
    throw new Error(`${DEV_SERVER_ENV} must be an http://localhost[:port] URL, got "${raw}".`);
  }
  return parsed.href;
}

/** Origins whose pages may navigate, talk IPC and load media: the app's own, plus the dev server. */
export function trustedOrigins(devUrl?: string): string[] {
  const origins = [APP_ORIGIN];
  const dev = originOf(devUrl);
  if (dev) origins.push(dev);
  return origins;
}
