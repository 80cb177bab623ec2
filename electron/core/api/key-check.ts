// "Does this key work?" without spending money. The request: GET the status of a request id that
// cannot exist (the nil UUID) on the very queue path jobs use. Why this one:
//  - it is the route and the authentication every job goes through, on fal and behind an aggregator
//    (one-api/new-api authenticate the token before they route anything);
//  - a GET of a status queues nothing and bills nothing;
//  - the answer tells: 401 = the key is refused; 404 (or any other non-401 4xx) = the key was accepted
//    and the request id is simply unknown. A 5xx or no answer at all tells nothing ("couldn't check").
// The billing endpoints would also authenticate, but fal direct has none on the queue origin.
import type { KeyCheckResult } from '../../../shared/account';
import type { Provider } from '../../../shared/domain';
import { MODEL_PATH } from './client';
import { providerWords, quoted, saysQuota } from './provider-words';
import { parseApiBase, urlOnBase } from './rebase';
import { readBodyText, send, TransportError } from './transport';

export const KEY_CHECK_REQUEST_ID = '00000000-0000-0000-0000-000000000000';

export interface KeyCheckRequest {
  provider: Provider;
  /** The effective base URL the key would be used with. */
  baseUrl: string;
  key: string;
  /** Where the key may go (the core's rule); default: the base URL's origin. */
  keyOrigins?: () => readonly string[];
  fetch: typeof fetch;
  timeoutMs?: number;
}

/** The status URL of the impossible request, on the configured base (prefix rules as for jobs). */
export function keyCheckUrl(baseUrl: string): string {
  const requestsPath = MODEL_PATH.replace(/\/image-to-video$/, '/requests');
  return urlOnBase(parseApiBase(baseUrl), `${requestsPath}/${KEY_CHECK_REQUEST_ID}/status`);
}

export async function checkKey(req: KeyCheckRequest): Promise<KeyCheckResult> {
  const base = parseApiBase(req.baseUrl);
  const origin = base.origin;
  const key = req.key.trim();
  if (key === '') return { verdict: 'rejected', origin, message: 'The key is empty.' };
  let status: number;
  let text: string;
  try {
    const ex = await send(
      {
        provider: req.provider,
        base,
        keyOrigins: req.keyOrigins ?? (() => [origin]),
        getKey: () => Promise.resolve(key),
        fetch: req.fetch,
        requestTimeoutMs: req.timeoutMs ?? 10_000,
      },
      { method: 'GET', url: keyCheckUrl(req.baseUrl) },
    );
    status = ex.response.status;
    text = await readBodyText(ex, 64 * 1024).catch(() => '');
  } catch (err) {
    const why = err instanceof TransportError ? (err.kind === 'timeout' ? 'no answer in time' : `could not reach it: ${err.code ?? err.message}`) : err instanceof Error ? err.message : 'network error';
    return { verdict: 'unchecked', origin, message: `Couldn't check the key with ${origin} (${why}). You can still save it; it will be checked on the next Generate.` };
  }
  const words = providerWords(text);
  if (status === 401) {
    if (saysQuota(words)) {
      return { verdict: 'works', origin, httpStatus: status, message: `The key is known to ${origin}, but its quota is used up — top up or raise its limit.${quoted(words)}` };
    }
    return { verdict: 'rejected', origin, httpStatus: status, message: `${origin} rejected this key (HTTP 401). Check that you copied all of it.${quoted(words)}` };
  }
  if (status >= 500) {
    return { verdict: 'unchecked', origin, httpStatus: status, message: `Couldn't check the key: ${origin} had a problem (HTTP ${status}). You can still save it.${quoted(words)}` };
  }
  return { verdict: 'works', origin, httpStatus: status, message: `The key works: ${origin} accepted it.` };
}
