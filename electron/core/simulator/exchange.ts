// One HTTP request/response pair plus its entry in the simulator's request log. Every answer goes
// through here so the log always says what was sent, and x-fal-request-id is never forgotten.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SimRequestLog } from './types';

export type Headers = Record<string, string | number>;

export class Exchange {
  readonly entry: SimRequestLog;
  readonly url: URL;

  constructor(
    readonly req: IncomingMessage,
    readonly res: ServerResponse,
    server: SimRequestLog['server'],
    log: SimRequestLog[],
  ) {
    this.url = new URL(req.url ?? '/', 'http://127.0.0.1');
    this.entry = { at: Date.now(), server, method: req.method ?? 'GET', path: req.url ?? '/', status: 0 };
    const authorization = req.headers.authorization;
    if (authorization !== undefined) this.entry.authorization = authorization;
    log.push(this.entry);
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
