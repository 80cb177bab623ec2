// How the downloader talks HTTP. The real transport is node:http / node:https: its response is a
// plain Node stream, so every byte that reaches the process can be written to the .part (see
// download-body.ts), where WHATWG fetch (undici) throws away what it had received but not yet handed
// to the reader when a connection drops, and those bytes then have to be fetched again. A fetch-based
// transport remains only as a seam for tests that script a response (DownloadOptions.fetch).
import http from 'node:http';
import https from 'node:https';
import { Readable, type Duplex } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import type net from 'node:net';
import { assertPublicLiteral, publicOnlyLookup, type PrivateHostAllowance } from './download-address';
import { DownloadError } from './download-error';

/** One HTTP response, whichever transport produced it. */
export interface HttpAnswer {
  readonly status: number;
  /** A response header by (case-insensitive) name, or null. */
  header(name: string): string | null;
  readonly body: Readable;
  /** Drops the rest of the body and its connection: none of it is wanted. */
  discard(): void;
}

/** A GET of `url` with exactly `headers` (never credentials), cancelled when `signal` aborts. */
export type OpenRequest = (url: string, headers: Record<string, string>, signal: AbortSignal) => Promise<HttpAnswer>;

/** As many as browsers' fetch would follow before giving up is far more than a CDN ever needs. */
const MAX_REDIRECTS = 5;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

// keepAlive off: a video is one long response, so pooling gains nothing, and a pooled socket could
// outlive the download (or be reused after a reset we did not see).
const AGENTS: Record<string, http.Agent> = {
  'http:': new http.Agent({ keepAlive: false }),
  'https:': new https.Agent({ keepAlive: false }),
};

/** Picks how to reach each URL (a proxy tunnel's createConnection), or undefined to connect directly. */
export type ConnectionFor = (url: URL) => Promise<((options: unknown, cb: (err: Error | null, socket?: Duplex) => void) => undefined) | undefined>;

/**
 * The real transport. Every hop (the first request and each redirect) must be on a public address
 * unless its host is in `privateHostsAllowed` (download-address.ts). With `connectionFor` (the
 * proxy hook) a hop may go through a CONNECT tunnel; then the proxy resolves the name, so only
 * literal addresses can be checked here.
 */
export const openWithNodeHttp = (privateHostsAllowed: PrivateHostAllowance = [], connectionFor?: ConnectionFor): OpenRequest => async (url, headers, signal) => {
  let current = new URL(url);
  const lookup = publicOnlyLookup(privateHostsAllowed);
  for (let redirects = 0; ; redirects++) {
    assertPublicLiteral(current, privateHostsAllowed);
    const res = await getOnce(current, headers, signal, lookup, await connectionFor?.(current));
    const location = res.headers.location;
    if (!REDIRECT_STATUSES.has(res.statusCode ?? 0) || location === undefined) return answerOf(res);
    res.destroy(); // a redirect's body is never wanted
    if (redirects >= MAX_REDIRECTS) {
      throw new DownloadError('http', `The video server redirected more than ${MAX_REDIRECTS} times.`, { httpStatus: res.statusCode });
    }
    const next = URL.canParse(location, current.href) ? new URL(location, current) : undefined;
    // Never to another scheme (file:, data:, …): only the web is allowed to hand us the video.
    if (next?.protocol !== 'http:' && next?.protocol !== 'https:') {
      throw new DownloadError('http', `The video server redirected to an address that is not http(s): ${location.slice(0, 200)}`);
    }
    current = next;
  }
};

function getOnce(
  url: URL,
  headers: Record<string, string>,
  signal: AbortSignal,
  lookup: ReturnType<typeof publicOnlyLookup>,
  createConnection?: unknown,
): Promise<http.IncomingMessage> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(abortError(signal));
    const get = url.protocol === 'https:' ? https.get : http.get;
    const how =
      createConnection === undefined ? { agent: AGENTS[url.protocol], lookup: lookup as net.LookupFunction } : { createConnection: createConnection as never };
    const req = get(url, { headers, ...how }, resolve);
    // Destroying the request closes the socket; a response already under way then ends with an
    // error, after handing over what it had received (download-body.ts).
    const onAbort = (): void => void req.destroy(abortError(signal));
    signal.addEventListener('abort', onAbort, { once: true });
    req.once('close', () => signal.removeEventListener('abort', onAbort));
    req.on('error', reject); // after the response arrived this only keeps a late error from being unhandled
  });
}

function abortError(signal: AbortSignal): Error {
  return signal.reason instanceof Error ? signal.reason : new DOMException('The download was aborted.', 'AbortError');
}

function answerOf(res: http.IncomingMessage): HttpAnswer {
  return {
    status: res.statusCode ?? 0,
    header: (name) => {
      const value = res.headers[name.toLowerCase()];
      return Array.isArray(value) ? value.join(', ') : (value ?? null);
    },
    body: res,
    discard: () => res.destroy(),
  };
}

/** Test seam: a scripted fetch instead of the network (redirects are then fetch's business). */
export function openWithFetch(fetchImpl: typeof fetch, privateHostsAllowed: PrivateHostAllowance = []): OpenRequest {
  return async (url, headers, signal) => {
    assertPublicLiteral(new URL(url), privateHostsAllowed);
    const response = await fetchImpl(url, { headers, signal, redirect: 'follow', credentials: 'omit' });
    const body = response.body ? Readable.fromWeb(response.body as WebReadableStream<Uint8Array>) : Readable.from([]);
    return { status: response.status, header: (name) => response.headers.get(name), body, discard: () => body.destroy() };
  };
}
