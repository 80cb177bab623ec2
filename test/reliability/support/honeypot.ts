// Two loopback servers for "the key goes to the configured API origin and nowhere else":
//  - RewritingProxy: the configured API origin. It forwards to the simulator and rewrites every URL
//    in the answers (status/response/cancel URLs, the video URL, SSE events included) to point at
//    the honeypot, so a client that trusted returned URLs would send its requests — and its key —
//    there. It can also misbehave on purpose: redirect to the honeypot, or echo the Authorization
//    header back in an error body, as a broken gateway might.
//  - Honeypot: logs everything it receives; under /cdn/ it relays to the simulator's CDN so videos
//    still download (a CDN on another origin is legitimate — it just must never see the key).
import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Simulator } from '../../../electron/core/simulator';

export interface SeenRequest {
  method: string;
  path: string;
  authorization?: string;
  cookie?: string;
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function close(server: Server): Promise<void> {
  await new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

function record(req: IncomingMessage, log: SeenRequest[]): void {
  log.push({
    method: req.method ?? 'GET',
    path: req.url ?? '/',
    ...(req.headers.authorization !== undefined ? { authorization: req.headers.authorization } : {}),
    ...(req.headers.cookie !== undefined ? { cookie: req.headers.cookie } : {}),
  });
}

/** Pipes `req` to `target` + path, passing `transform` over every chunk of the answer body. */
function relay(req: IncomingMessage, res: ServerResponse, target: URL, path: string, transform: (s: string) => string = (s) => s): void {
  const upstream = httpRequest(
    { host: target.hostname, port: target.port, method: req.method, path, headers: { ...req.headers, host: target.host } },
    (ur) => {
      const headers = { ...ur.headers };
      const rewrite = /json|event-stream/.test(String(headers['content-type']));
      if (rewrite) delete headers['content-length'];
      res.writeHead(ur.statusCode ?? 502, headers);
      res.flushHeaders();
      ur.on('data', (chunk: Buffer) => res.write(rewrite ? transform(chunk.toString('utf8')) : chunk));
      ur.on('end', () => res.end());
      ur.on('error', () => res.destroy());
    },
  );
  upstream.on('error', () => res.destroy());
  res.on('close', () => upstream.destroy());
  req.pipe(upstream);
}

export class Honeypot {
  readonly seen: SeenRequest[] = [];
  private constructor(
    private readonly server: Server,
    readonly origin: string,
  ) {}

  static async start(sim: Simulator): Promise<Honeypot> {
    const server = createServer();
    const pot = new Honeypot(server, await listen(server));
    server.on('request', (req: IncomingMessage, res: ServerResponse) => {
      record(req, pot.seen);
      const path = req.url ?? '/';
      if (path.startsWith('/cdn/')) return relay(req, res, new URL(sim.cdnUrl), path.slice('/cdn'.length));
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"detail":"honeypot"}');
    });
    return pot;
  }

  close(): Promise<void> {
    return close(this.server);
  }
}

export interface ProxyMisbehaviour {
  /** Answer this many status GETs with a 307 to the honeypot before behaving. */
  redirectStatus: number;
  /** Answer submits whose prompt contains `[echo-key]` with a 401 quoting the Authorization header. */
  echoKeyOnSubmit: boolean;
}

export class RewritingProxy {
  readonly seen: SeenRequest[] = [];
  readonly misbehave: ProxyMisbehaviour = { redirectStatus: 0, echoKeyOnSubmit: true };
  private constructor(
    private readonly server: Server,
    readonly origin: string,
  ) {}

  static async start(sim: Simulator, pot: Honeypot): Promise<RewritingProxy> {
    const server = createServer();
    const proxy = new RewritingProxy(server, await listen(server));
    server.on('request', (req: IncomingMessage, res: ServerResponse) => void proxy.handle(req, res, sim, pot));
    return proxy;
  }

  private async handle(req: IncomingMessage, res: ServerResponse, sim: Simulator, pot: Honeypot): Promise<void> {
    record(req, this.seen);
    const path = req.url ?? '/';
    if (req.method === 'GET' && /\/status(\?|$)/.test(path) && this.misbehave.redirectStatus > 0) {
      this.misbehave.redirectStatus--;
      res.writeHead(307, { location: `${pot.origin}${path}` }).end();
      return;
    }
    if (req.method === 'POST' && this.misbehave.echoKeyOnSubmit) {
      const body = await readAll(req);
      if (body.includes('[echo-key]')) {
        const detail = `Invalid credentials: got "${req.headers.authorization}"`;
        res.writeHead(401, { 'content-type': 'application/json' }).end(JSON.stringify({ detail }));
        return;
      }
      return void forwardBody(req, res, new URL(sim.baseUrl), body, (s) => this.rewrite(s, sim, pot));
    }
    relay(req, res, new URL(sim.baseUrl), path, (s) => this.rewrite(s, sim, pot));
  }

  private rewrite(text: string, sim: Simulator, pot: Honeypot): string {
    return text.split('https://queue.fal.run').join(pot.origin).split(sim.cdnUrl).join(`${pot.origin}/cdn`);
  }

  close(): Promise<void> {
    return close(this.server);
  }
}

function forwardBody(req: IncomingMessage, res: ServerResponse, target: URL, body: string, transform: (s: string) => string): void {
  const upstream = httpRequest(
    { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: { ...req.headers, host: target.host } },
    (ur) => {
      const headers = { ...ur.headers };
      delete headers['content-length'];
      res.writeHead(ur.statusCode ?? 502, headers);
      ur.on('data', (chunk: Buffer) => res.write(transform(chunk.toString('utf8'))));
      ur.on('end', () => res.end());
    },
  );
  upstream.on('error', () => res.destroy());
  upstream.end(body);
}

async function readAll(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
