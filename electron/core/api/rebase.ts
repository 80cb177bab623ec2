// Where requests may go. The server hands back status/response/cancel URLs that may name
// queue.fal.run even behind the aggregator; we keep only their path + query and put them on the
// configured base. The key-origin guard lives in transport.ts and uses `ApiBase.origin` from here.
//
// Prefix rule (base URLs may carry a path prefix, e.g. https://gw.example/v1/fal):
//   the returned path is appended to the prefix, UNLESS it already starts with the prefix as whole
//   segments ("/v1/fal" or "/v1/fal/..."), in which case it is used as is. "/v1/falcon" does not
//   count as starting with "/v1/fal". Re-basing an already re-based URL therefore changes nothing.
import { ApiError } from './errors';
import { say } from '../../../shared/i18n/messages';

export interface ApiBase {
  /** scheme://host[:port], the only origin that ever receives the key. */
  readonly origin: string;
  /** Path prefix without a trailing slash; '' when the base is the bare origin. */
  readonly prefix: string;
}

export function parseApiBase(baseUrl: string): ApiBase {
  let url: URL;
  try {
    url = new URL(baseUrl.trim());
  } catch {
    throw invalidBase(baseUrl);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw invalidBase(baseUrl);
  // Credentials in the URL would travel outside the keychain; refuse (and do not echo them back).
  if (url.username !== '' || url.password !== '') throw invalidBase(`${url.protocol}//…@${url.host}`);
  return { origin: url.origin, prefix: url.pathname.replace(/\/+$/, '') };
}

/** URL for a path the client composes itself (submit): origin + prefix + path. */
export function urlOnBase(base: ApiBase, path: string): string {
  const p = path.startsWith('/') ? path : `/${path}`;
  return `${base.origin}${base.prefix}${p}`;
}

/** Re-bases one URL the server returned. Absolute or relative input; fragments are dropped. */
export function rebaseUrl(returned: string, base: ApiBase): string {
  let url: URL;
  try {
    // Relative references resolve against the base origin; the host of an absolute one is discarded.
    url = new URL(returned, `${base.origin}/`);
  } catch {
    throw new ApiError({
      kind: 'unknown',
      ...say('api.base.badQueueUrl'),
      detail: returned.slice(0, 500),
    });
  }
  const path = hasPrefix(url.pathname, base.prefix) ? url.pathname : `${base.prefix}${url.pathname}`;
  return `${base.origin}${path}${url.search}`;
}

function hasPrefix(pathname: string, prefix: string): boolean {
  return prefix === '' || pathname === prefix || pathname.startsWith(`${prefix}/`);
}

/** fal's queue URLs end in /requests/{id}[/status|/cancel]; the id helps error reports. */
export function requestIdFromUrl(url: string): string | undefined {
  try {
    const m = /\/requests\/([^/]+)/.exec(new URL(url).pathname);
    return m?.[1] === undefined ? undefined : decodeURIComponent(m[1]);
  } catch {
    return undefined;
  }
}

/** `{status_url}/stream?logs=1`: appended to the path so a query on the status URL is kept. */
export function streamUrlFor(statusUrl: string): string {
  const url = new URL(statusUrl);
  url.pathname = `${url.pathname.replace(/\/+$/, '')}/stream`;
  url.searchParams.set('logs', '1');
  return url.toString();
}

/** Status GETs ask for logs (fal only sends them with ?logs=1). */
export function withLogs(statusUrl: string): string {
  const url = new URL(statusUrl);
  url.searchParams.set('logs', '1');
  return url.toString();
}

function invalidBase(baseUrl: string): ApiError {
  return new ApiError({
    kind: 'validation',
    field: 'baseUrl',
    ...say('api.base.invalid', { url: baseUrl.slice(0, 200) }),
  });
}
