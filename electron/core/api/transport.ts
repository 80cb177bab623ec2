// The one door every queue request goes through. It owns three promises the rest of the client
// relies on:
//  1. The key is attached ONLY when the target's origin is one the user configured for this provider
//     *now* (`keyOrigins`, asked per request — never the base a record, import or server named);
//     anything else is refused with a thrown error before the key is even read and before a single
//     byte is sent (`assertKeyMayGoTo`). Refusing rather than sending without the key: a foreign
//     origin learns nothing (not even that the user pressed "Check again"), and a job whose
//     provider moved gets a clear, final error instead of an endless 401 loop.
//  2. Redirects are never followed: a 3xx to another host would otherwise carry the request (and,
//     with some fetch implementations, the key) somewhere we did not choose.
//  3. Every request has a deadline (requestTimeoutMs) combined with the caller's signal, and failures
//     come out sorted: the caller's AbortError as is, a `TransportError` for timeouts/network trouble.
import type { Provider } from '../../../shared/domain';
import { ApiError } from './errors';
import { resolveAuthorization } from './providers';
import type { ApiBase } from './rebase';
import { durationText, hostOf, networkReason, networkReasonParams, proxyRefusalIsFinal, reasonText } from './network-words';
import { say, type MessageParams } from '../../../shared/i18n/messages';

/** Replies bigger than this are not something the queue API sends; stop reading instead of buffering. */
export const MAX_BODY_BYTES = 4 * 1024 * 1024;

export interface TransportConfig {
  provider: Provider;
  base: ApiBase;
  /** The origins the key may go to, read on every request so a Settings change applies at once. */
  keyOrigins: () => readonly string[];
  getKey: () => Promise<string | null>;
  fetch: typeof fetch;
  requestTimeoutMs: number;
}

export interface SendRequest {
  method: 'GET' | 'POST' | 'PUT';
  url: string;
  body?: string;
  accept?: string;
  signal?: AbortSignal;
  /** This request's deadline, when it is not the config's requestTimeoutMs. */
  timeoutMs?: number;
}

/**
 * Failures below HTTP. `connect` = provably never reached the server: refused, DNS, an untrusted
 * certificate, a proxy that refused or never answered CONNECT, a proxy we cannot speak to.
 * `reason`, when set, is the cause in words ("the proxy … refused …"), better than the bare code.
 */
export class TransportError extends Error {
  constructor(
    readonly kind: 'timeout' | 'connect' | 'network',
    message: string,
    readonly code?: string,
    options?: { cause?: unknown; reason?: string; why?: MessageParams; adviceKey?: 'certificate' | 'proxy'; final?: boolean },
  ) {
    super(message, options);
    this.name = 'TransportError';
    this.reason = options?.reason;
    this.why = options?.why;
    this.adviceKey = options?.adviceKey;
    this.final = options?.final ?? false;
  }
  readonly reason?: string;
  /** `reason` as the parameters of `api.network.reason`, for the app to say in its language. */
  readonly why?: MessageParams;
  /** What to do about it, when it is not "check your connection and the base URL": the `advice` select of `api.network.failure`. */
  readonly adviceKey?: 'certificate' | 'proxy';
  /**
   * Another try cannot succeed (an untrusted certificate, a proxy that wants credentials or refuses
   * by policy, a proxy address we cannot use): the caller fails at once instead of retrying.
   */
  readonly final: boolean;
}

/** An answered request whose body has not been read yet. Call `dispose` when done with it. */
export interface OpenExchange {
  readonly response: Response;
  /** Aborts the exchange (used by the SSE idle timer). */
  abort(reason: unknown): void;
  /** Stops the request deadline: a stream switches to its own idle timer once headers arrived. */
  stopDeadline(): void;
  /** Turns a failure seen while reading the body into the same shapes `send` throws. */
  translate(err: unknown): unknown;
  /** Removes the key from text the server sent back, in case it echoes request headers. */
  redact(text: string): string;
  dispose(): void;
}

const NEVER_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN']);
/**
 * TLS refusals: the handshake failed, so the HTTP request (and the key) was never written. Node's
 * X509 verification codes plus its own ERR_TLS_* / ERR_SSL_* families.
 */
const CERTIFICATE_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_UNTRUSTED',
  'CERT_REVOKED',
  'CERT_SIGNATURE_FAILURE',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);
const isTlsCode = (code: string): boolean => CERTIFICATE_CODES.has(code) || code.startsWith('ERR_TLS_') || code.startsWith('ERR_SSL_');
/** Codes proxy-tunnel.ts and proxy-config.ts give failures that happen at the proxy (ERR_PROXY_*). */
const isProxyCode = (code: string): boolean => code.startsWith('ERR_PROXY_');

/**
 * Throws unless `url` is on one of `allowed`. The error is final (kind `validation`, field
 * `apiBase`): waiting or retrying cannot change where a request was meant to go.
 */
export function assertKeyMayGoTo(url: string, allowed: readonly string[]): void {
  let origin: string;
  try {
    origin = new URL(url).origin;
  } catch {
    origin = '(unparseable URL)';
  }
  if (!allowed.includes(origin)) {
    const configured = allowed[0] ?? '(none)';
    throw new ApiError({ kind: 'validation', field: 'apiBase', ...say('api.transport.keyOriginRefused', { origin, configured }) });
  }
}

export async function send(cfg: TransportConfig, req: SendRequest): Promise<OpenExchange> {
  assertKeyMayGoTo(req.url, cfg.keyOrigins());
  const authorization = await resolveAuthorization(cfg.provider, cfg.getKey);
  const secret = authorization.slice(authorization.indexOf(' ') + 1);

  req.signal?.throwIfAborted();

  // One controller per exchange, fed by the deadline and by the caller's signal. A hand-made link
  // rather than AbortSignal.any: the runner keeps one signal per job for hours, and the listener
  // must be removed when the exchange ends instead of waiting for GC.
  const own = new AbortController();
  const timeoutMs = req.timeoutMs ?? cfg.requestTimeoutMs;
  const deadline = setTimeout(() => own.abort(new DOMException(`No answer within ${timeoutMs} ms`, 'TimeoutError')), timeoutMs);
  const onCallerAbort = (): void => own.abort(req.signal?.reason);
  req.signal?.addEventListener('abort', onCallerAbort, { once: true });
  const timedOut = (): boolean => own.signal.aborted && (own.signal.reason as { name?: unknown })?.name === 'TimeoutError';

  const translate = (err: unknown): unknown => {
    if (req.signal?.aborted) return req.signal.reason;
    if (timedOut()) {
      const why = { reason: 'noAnswerWithin', host: hostOf(req.url), duration: durationText(timeoutMs) };
      return new TransportError('timeout', `No answer within ${durationText(timeoutMs)}`, undefined, { cause: err, reason: reasonText(why), why });
    }
    if (own.signal.aborted) return own.signal.reason;
    return toNetworkError(err, hostOf(req.url));
  };
  const stopDeadline = (): void => clearTimeout(deadline);
  const dispose = (): void => {
    clearTimeout(deadline);
    req.signal?.removeEventListener('abort', onCallerAbort);
  };

  const headers: Record<string, string> = { Authorization: authorization, Accept: req.accept ?? 'application/json' };
  if (req.body !== undefined) headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    response = await cfg.fetch(req.url, { method: req.method, headers, body: req.body, signal: own.signal, redirect: 'manual' });
  } catch (err) {
    dispose();
    throw translate(err);
  }
  if (response.status >= 300 && response.status < 400) {
    dispose();
    own.abort();
    throw redirectRefused(req.url, response);
  }
  return {
    response,
    abort: (reason) => own.abort(reason),
    stopDeadline,
    translate,
    redact: (text) => (secret.length >= 4 ? text.split(secret).join('[redacted]') : text),
    dispose,
  };
}

/** Reads the whole body as text (bounded), then ends the exchange. */
export async function readBodyText(ex: OpenExchange, maxBytes: number = MAX_BODY_BYTES): Promise<string> {
  try {
    const body = ex.response.body;
    if (body === null) return '';
    const reader = body.getReader();
    const decoder = new TextDecoder();
    let text = '';
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel().catch(() => undefined);
        throw new ApiError({ kind: 'unknown', httpStatus: ex.response.status, ...say('api.transport.replyTooLarge', { maxBytes: String(maxBytes) }) });
      }
      text += decoder.decode(value, { stream: true });
    }
    return ex.redact(text + decoder.decode());
  } catch (err) {
    throw err instanceof ApiError ? err : ex.translate(err);
  } finally {
    ex.dispose();
  }
}

function toNetworkError(err: unknown, host: string): TransportError {
  const found = findCoded(err);
  const code = found?.code;
  const what = code ?? (err instanceof Error ? err.message : 'network error');
  if (code !== undefined && isTlsCode(code)) {
    return new TransportError('connect', `Network error (${what})`, code, {
      cause: err,
      final: true,
      reason: reasonText({ reason: 'certificate', host }),
      why: { reason: 'certificate', host },
      adviceKey: 'certificate',
    });
  }
  if (code !== undefined && isProxyCode(code)) {
    return new TransportError('connect', `Network error (${what})`, code, {
      cause: err,
      final: proxyRefusalIsFinal(code, found?.statusCode),
      // proxy-tunnel.ts words the proxy's refusal in detail (English); the code says it plainly.
      reason: found?.message ?? reasonText({ reason: 'proxy' }),
      why: { reason: 'proxy' },
      adviceKey: 'proxy',
    });
  }
  const kind = code !== undefined && NEVER_SENT_CODES.has(code) ? 'connect' : 'network';
  return new TransportError(kind, `Network error (${what})`, code, { cause: err, reason: networkReason(code, host), why: networkReasonParams(code, host) });
}

/** undici wraps the socket error: TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } }). */
function findCoded(err: unknown): { code: string; message: string; statusCode?: number } | undefined {
  const seen = new Set<unknown>();
  let current: unknown = err;
  while (typeof current === 'object' && current !== null && !seen.has(current)) {
    seen.add(current);
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') {
      const statusCode = (current as { statusCode?: unknown }).statusCode;
      return { code, message: String((current as { message?: unknown }).message ?? code), ...(typeof statusCode === 'number' ? { statusCode } : {}) };
    }
    // AggregateError (happy-eyeballs tried several addresses): look at the first inner error.
    const inner = (current as { errors?: unknown[] }).errors;
    current = Array.isArray(inner) && inner.length > 0 ? inner[0] : (current as { cause?: unknown }).cause;
  }
  return undefined;
}

function redirectRefused(from: string, response: Response): ApiError {
  const location = response.headers.get('location') ?? '';
  let where: { hasWhere: string; where?: string } = { hasWhere: 'no' };
  try {
    const to = new URL(location, from);
    where = { hasWhere: 'yes', where: `${to.origin}${to.pathname}` };
  } catch {
    /* keep the generic wording */
  }
  return new ApiError({
    kind: 'unknown',
    httpStatus: response.status,
    requestId: response.headers.get('x-fal-request-id') ?? undefined,
    ...say('api.transport.redirect', { status: response.status, ...where }),
  });
}
