// Requests through an HTTP proxy, always as a CONNECT tunnel: the proxy is asked only to open a TCP
// stream to the API's host:port and then relays bytes. For https the TLS session (and so the
// Authorization header) is end-to-end with the API origin; the proxy sees "CONNECT host:443" and
// ciphertext. For http targets we tunnel too, so the proxy is never *addressed* with the key as a
// request of its own — but the bytes in the tunnel are plaintext, as they are on any http network
// (docs/protocol.md, "The aggregator's own answers", "Proxy"). Node 20's fetch has no proxy support, hence node:http(s) here.
import http from 'node:http';
import https from 'node:https';
import type { Duplex } from 'node:stream';
import { Readable } from 'node:stream';
import tls from 'node:tls';
import type { ProxyResolver } from './proxy-config';

export interface TunnelOptions {
  /** Extra CA certificates to trust (tests with a self-signed API server). */
  ca?: string | Buffer;
  /** How long the proxy may take to answer CONNECT. */
  connectTimeoutMs?: number;
}

type ConnectionCallback = (err: Error | null, socket?: Duplex) => void;

/** An error whose `code` the transport reads: a proxy that refuses CONNECT never forwarded anything. */
function proxyError(message: string, code: string, cause?: unknown): Error {
  return Object.assign(new Error(message, cause === undefined ? undefined : { cause }), { code });
}

/** Opens CONNECT host:port through `proxy`, then TLS for https targets; for http(s).request's createConnection. */
export function tunnelTo(proxy: URL, target: URL, opts: TunnelOptions = {}): (options: unknown, cb: ConnectionCallback) => undefined {
  return (_options, cb) => {
    const port = target.port || (target.protocol === 'https:' ? '443' : '80');
    const authority = `${target.hostname}:${port}`;
    const headers: Record<string, string> = { Host: authority };
    if (proxy.username !== '') {
      const user = decodeURIComponent(proxy.username);
      const pass = decodeURIComponent(proxy.password);
      headers['Proxy-Authorization'] = `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}`;
    }
    const req = http.request({ host: proxy.hostname, port: proxy.port || 80, method: 'CONNECT', path: authority, headers, agent: false });
    const timer = setTimeout(() => req.destroy(proxyError(`the proxy ${proxy.host} did not answer (CONNECT ${authority})`, 'ERR_PROXY_TIMEOUT')), opts.connectTimeoutMs ?? 15_000);
    req.once('connect', (res, socket) => {
      clearTimeout(timer);
      if (res.statusCode !== 200) {
        socket.destroy();
        // Nothing went past the proxy: like a refused connection, safe to retry a submit.
        const said = res.statusMessage ? ` ${res.statusMessage.slice(0, 100)}` : '';
        const auth = res.statusCode === 407 ? ' — it wants a user name and password in the proxy address (http://user:pass@host:port)' : '';
        // The status travels with the error: a 4xx (credentials, policy) is the same on every try.
        const refused = Object.assign(proxyError(`the proxy ${proxy.host} refused to connect to ${authority} (HTTP ${res.statusCode}${said})${auth}`, 'ERR_PROXY_REFUSED'), { statusCode: res.statusCode });
        return cb(refused);
      }
      if (target.protocol !== 'https:') return cb(null, socket);
      const secure = tls.connect({ socket, servername: target.hostname, ALPNProtocols: ['http/1.1'], ...(opts.ca ? { ca: opts.ca } : {}) });
      secure.once('secureConnect', () => cb(null, secure));
      secure.once('error', (err) => cb(err));
    });
    req.once('error', (err) => {
      clearTimeout(timer);
      const code = (err as { code?: unknown }).code;
      // Our own timeout keeps its words; a proxy that cannot be reached is named as the proxy.
      if (typeof code === 'string' && code.startsWith('ERR_PROXY_')) return cb(err);
      cb(proxyError(`could not reach the proxy ${proxy.host} (${typeof code === 'string' ? code : err.message})`, 'ERR_PROXY_UNREACHABLE', err));
    });
    req.end();
    return undefined;
  };
}

/**
 * A fetch that sends each request through the proxy the resolver names (or `direct` when none).
 * Only what the transport uses is supported: string bodies, plain-object headers, manual redirects.
 */
export function createProxyFetch(resolve: ProxyResolver, direct: typeof fetch, opts: TunnelOptions = {}): typeof fetch {
  return async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const proxy = await resolve(url);
    if (proxy === undefined) return direct(input, init);
    return tunnelledRequest(url, init ?? {}, tunnelTo(proxy, url, opts));
  };
}

function tunnelledRequest(url: URL, init: RequestInit, createConnection: ReturnType<typeof tunnelTo>): Promise<Response> {
  return new Promise((resolve, reject) => {
    const signal = init.signal ?? undefined;
    if (signal?.aborted) return reject(signal.reason);
    const headers = Object.fromEntries(new Headers(init.headers).entries());
    const send = url.protocol === 'https:' ? https.request : http.request;
    const req = send(url, { method: init.method ?? 'GET', headers, createConnection: createConnection as never });
    const onAbort = (): void => void req.destroy(signal?.reason instanceof Error ? signal.reason : new DOMException('Aborted', 'AbortError'));
    signal?.addEventListener('abort', onAbort, { once: true });
    req.once('close', () => signal?.removeEventListener('abort', onAbort));
    req.once('error', (err) => reject(signal?.aborted ? signal.reason : err));
    req.once('response', (res) => {
      const responseHeaders = new Headers();
      for (const [name, value] of Object.entries(res.headers)) {
        if (value === undefined) continue;
        for (const v of Array.isArray(value) ? value : [value]) responseHeaders.append(name, v);
      }
      const status = res.statusCode ?? 502;
      const empty = status === 204 || status === 304 || init.method === 'HEAD';
      if (empty) res.resume();
      const body = empty ? null : (Readable.toWeb(res) as ReadableStream<Uint8Array>);
      resolve(new Response(body, { status, statusText: res.statusMessage, headers: responseHeaders }));
    });
    if (typeof init.body === 'string') req.end(init.body);
    else req.end();
  });
}
