// One HTTP request/response pair plus its entry in the simulator's request log. Every answer goes
// through here so the log always says what was sent, and x-fal-request-id is never forgotten.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { LOGGED_PATH_CHARS, type RequestLog } from './request-log';
import type { SimRequestLog } from './types';

export type Headers = Record<string, string | number>;

export class Exchange {
  readonly entry: SimRequestLog;
  readonly url: URL;

  constructor(
    readonly req: IncomingMessage,
    readonly res: ServerResponse,
    server: SimRequestLog['server'],
    log: RequestLog,
  ) {
    const path = req.url ?? '/';
    // An over-long path is answered 414 by `refusedEarly` without being parsed.
    this.url = new URL(path.length > MAX_PATH_CHARS ? '/' : path, 'http://127.0.0.1');
    this.entry = { at: Date.now(), server, method: req.method ?? 'GET', path: path.slice(0, LOGGED_PATH_CHARS), status: 0 };
    const authorization = req.headers.authorization;
    if (authorization !== undefined) this.entry.authorization = authorization.slice(0, LOGGED_PATH_CHARS);
    log.add(this.entry);
  }

  /** Marks the exchange as being about one job: logged, and echoed as x-fal-request-id. */
  about(requestId: string, scenario?: string): void {
    this.entry.requestId = requestId;
    if (scenario !== undefined) this.entry.scenario = scenario;
  }

  /** Writes the status line and headers now (SSE, stalls, byte streams). */
  head(status: number, headers: Headers = {}): void {
    this.entry.status = status;
    const all: Headers = { ...headers };
    // The CDN is not fal's queue: it knows nothing about request ids and sends none.
    if (this.entry.server === 'api' && this.entry.requestId !== undefined) all['x-fal-request-id'] = this.entry.requestId;
    this.res.writeHead(status, all);
    this.res.flushHeaders();
  }

  json(status: number, body: unknown, headers: Headers = {}): void {
    this.raw(status, JSON.stringify(body), 'application/json', headers);
  }

  raw(status: number, text: string, contentType: string, headers: Headers = {}): void {
    const bytes = Buffer.from(text, 'utf8');
    this.head(status, { 'content-type': contentType, 'content-length': bytes.length, ...headers });
    this.res.end(this.req.method === 'HEAD' ? undefined : bytes);
  }

  /** Drops the connection without a byte of answer: the client sees a reset. */
  reset(): void {
    this.req.socket.destroy();
  }
}

/** No route of either server is longer than this; a browser's address bar sends far less. */
export const MAX_PATH_CHARS = 2048;
/** The names the simulator is reached by. Any other Host is a DNS-rebinding page (or a mistake). */
const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'];

/** The Host names a simulator answers to: loopback, plus any a test names. */
export function allowedHostNames(extra: readonly string[] = []): ReadonlySet<string> {
  return new Set([...LOOPBACK_NAMES, ...extra].map((n) => n.toLowerCase()));
}

/**
 * Answers what no route should even look at: another Host, an over-long path. True when answered.
 * Runs before authentication, so a flood of them costs one small answer each.
 */
export function refusedEarly(ex: Exchange, hostNames: ReadonlySet<string>): boolean {
  const host = ex.req.headers.host ?? '';
  const name = host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : host.split(':')[0];
  if (!hostNames.has((name ?? '').toLowerCase())) {
    ex.json(421, { detail: 'Misdirected request: the simulator answers only on 127.0.0.1 or localhost.' }, { connection: 'close' });
    return true;
  }
  if ((ex.req.url ?? '').length > MAX_PATH_CHARS) {
    ex.json(414, { detail: 'URI Too Long' }, { connection: 'close' });
    return true;
  }
  return false;
}

/** Reads the request body up to `limit` bytes; null when it is larger (answer 413). */
export async function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > limit) return null;
    chunks.push(buf);
  }
  return Buffer.concat(chunks);
}
