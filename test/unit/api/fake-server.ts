// A tiny scripted HTTP server for the queue client's unit tests: every request is recorded (method,
// path, headers, body) and answered by the test's handler. Listens on an ephemeral loopback port.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export type Handler = (req: RecordedRequest, res: http.ServerResponse) => void;

export interface FakeServer {
  origin: string;
  requests: RecordedRequest[];
  /** Swap the behaviour mid-test. */
  handle(handler: Handler): void;
  close(): Promise<void>;
}

export async function startFakeServer(handler: Handler = (_req, res) => res.writeHead(500).end()): Promise<FakeServer> {
  let current = handler;
  const requests: RecordedRequest[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const recorded: RecordedRequest = {
        method: req.method ?? '',
        path: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(recorded);
      current(recorded, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    handle: (h) => {
      current = h;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function sendJson(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

/** A port that nothing listens on: bind one, then let it go. */
export async function closedPort(): Promise<number> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Plays the server's side of a submit: a receipt whose URLs point wherever the test wants. */
export function receipt(urlOrigin: string, id = 'req-123', prefix = ''): Record<string, unknown> {
  const root = `${urlOrigin}${prefix}/fal-ai/veo3/requests/${id}`;
  return {
    status: 'IN_QUEUE',
    request_id: id,
    status_url: `${root}/status`,
    response_url: root,
    cancel_url: `${root}/cancel`,
    logs: null,
    metrics: {},
    queue_position: 0,
  };
}

/** Fast, deterministic retry settings for tests. */
export const FAST_RETRY = { baseDelayMs: 5, maxDelayMs: 20, jitter: 0, maxAttempts: 3, maxRetryAfterMs: 50, requestTimeoutMs: 2000 };

export const urlsFor = (origin: string, id = 'req-123', prefix = '') => {
  const root = `${origin}${prefix}/fal-ai/veo3/requests/${id}`;
  return { status: `${root}/status`, response: root, cancel: `${root}/cancel` };
};
