// "Does this key work?" without spending money. The request: GET the status of a request id that
// cannot exist (the nil UUID) on the very queue path jobs use. Why this one:
//  - it is the route and the authentication every job goes through, on fal and behind an aggregator
//    (one-api/new-api authenticate the token before they route anything);
//  - a GET of a status queues nothing and bills nothing;
//  - the answer tells: 401 (or a JSON 403 such as "user banned" / "IP not allowed") = the key is
//    refused; a 4xx in the queue's or aggregator's JSON shape = the key was accepted and the request
//    id is simply unknown. A 5xx, a 429 or no answer tells nothing ("couldn't check"), and an HTML
//    page or a 200 on that path means the base URL is not the API at all.
// The billing endpoints would also authenticate, but fal direct has none on the queue origin.
import type { KeyCheckResult } from '../../../shared/account';
import type { Provider } from '../../../shared/domain';
import { DEFAULT_MODEL, MODELS } from '../../../shared/models';
import { providerWords, saysQuota } from './provider-words';
import { coded } from './errors';
import { say, type MessageId } from '../../../shared/i18n/messages';
import { parseApiBase, urlOnBase } from './rebase';
import { readBodyText, send, TransportError } from './transport';
import { parseJson } from './wire';

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
  const requestsPath = `/${MODELS[DEFAULT_MODEL].queueApp}/requests`;
  return urlOnBase(parseApiBase(baseUrl), `${requestsPath}/${KEY_CHECK_REQUEST_ID}/status`);
}

export async function checkKey(req: KeyCheckRequest): Promise<KeyCheckResult> {
  const base = parseApiBase(req.baseUrl);
  const origin = base.origin;
  const key = req.key.trim();
  if (key === '') return { verdict: 'rejected', origin, ...say('api.keyCheck.empty') };
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
    const host = new URL(origin).host;
    const why = err instanceof TransportError ? (err.kind === 'timeout' ? { reason: 'noAnswerInTime' } : (err.why ?? { reason: 'couldNotReach', host })) : { reason: 'broke', host };
    const sentence = say('api.keyCheck.unreachable', { origin, ...why });
    // A proxy's refusal is worded in detail in English (proxy-tunnel.ts); the code says it plainly.
    const detailed = err instanceof TransportError && err.kind !== 'timeout' && err.reason !== undefined && why.reason === 'proxy';
    const message = detailed ? `Couldn't check the key with ${origin} (${err.reason}). Saving it still works offline; it will be checked on the next Generate.` : sentence.message;
    return { verdict: 'unchecked', origin, ...sentence, message };
  }
  return verdictOf(origin, status, text);
}

/**
 * "Works" needs evidence that the provider authenticated the key: an answer in the queue's or the
 * aggregator's own JSON shape. On the impossible request's path a real queue never answers 200, and
 * a website, a CDN block page or a rate limit says nothing about the key.
 */
function verdictOf(origin: string, status: number, text: string): KeyCheckResult {
  const words = providerWords(text);
  const at = { origin, httpStatus: status };
  const saying = (verdict: KeyCheckResult['verdict'], code: MessageId): KeyCheckResult => ({ verdict, ...at, ...coded(code, { origin, status }, words.message) });
  const unchecked = (code: MessageId): KeyCheckResult => saying('unchecked', code);
  if (status >= 500) return unchecked('api.keyCheck.serverProblem');
  if (status === 429) return unchecked('api.keyCheck.rateLimited');
  const apiShaped = looksLikeApiAnswer(text);
  if (status === 401) {
    if (saysQuota(words)) return saying('works', 'api.keyCheck.keyQuota');
    return saying('rejected', 'api.keyCheck.rejected');
  }
  if (status === 403 && apiShaped) {
    if (saysQuota(words)) return saying('works', 'api.keyCheck.balanceQuota');
    // Banned user, IP allowlist, a group without this model: the provider refuses this key for us.
    return saying('rejected', 'api.keyCheck.refused');
  }
  if (status === 403) return unchecked('api.keyCheck.blockedInFront');
  if (!apiShaped || (status >= 200 && status < 300)) {
    // The page's or server's words sit inside the English sentence; the code leaves them to providerWords.
    const sentence = say('api.keyCheck.notTheApi', { origin, status, shape: apiShaped ? 'api' : 'page' });
    const said = words.message === undefined ? '' : `: “${words.message}”`;
    return {
      verdict: 'unchecked',
      ...at,
      ...sentence,
      ...(words.message === undefined ? {} : { providerWords: words.message }),
      message: `${origin} does not look like the video API (HTTP ${status}, ${apiShaped ? 'an answer the queue API never gives' : 'not the API’s JSON'}${said}). Check the API base URL in Settings; the key was not checked.`,
    };
  }
  return { verdict: 'works', ...at, ...say('api.keyCheck.works', { origin }) };
}

/** fal's `{detail}` or the aggregator's `{error}` / `{message}` envelope: a JSON object, not a page. */
function looksLikeApiAnswer(text: string): boolean {
  const json = parseJson(text);
  if (json === null || typeof json !== 'object' || Array.isArray(json)) return false;
  return ['detail', 'error', 'message', 'status'].some((k) => k in json);
}
