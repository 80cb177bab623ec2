// The browser host: the same core and app service as the desktop app, served to a browser on
// 127.0.0.1 — the built renderer, library media (with Range) and the IPC contract over a WebSocket.
// The page itself is public code; everything that reaches the core (the socket, library media)
// needs this run's token, held in the page's memory — never a cookie (see access.ts).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Duplex } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Provider } from '../../shared/domain';
import { MEDIA_PATH } from '../../shared/media-url';
import { HOST_TOKEN_PARAM, HOST_WS_PATH } from '../../shared/wire-protocol';
import { createCore, type Core, type CoreConfig } from '../core';
import { createRouter } from '../core/ipc/router';
import { resolveMediaPath, serveFile } from '../core/media/serve-file';
import { createAppService } from '../core/service';
import { HostAccess, newAccessToken } from './access';
import { StaticFiles } from './static-files';
import { WsBridge } from './ws-bridge';

export const LOOPBACK = '127.0.0.1';

export interface HostOptions {
  /** 0 or absent: an ephemeral port. */
  port?: number;
  dataDir: string;
  provider?: Provider;
  apiBase?: string;
  /** The built renderer; defaults to ./dist/renderer. */
  staticDir?: string;
  coreOverrides?: Partial<CoreConfig>;
  /** Diagnostics (never the key); defaults to stderr so stdout keeps only the URL. */
  log?: (msg: string) => void;
}

export interface RunningHost {
  /** `http://127.0.0.1:<port>/#token=<token>`: open this once. */
  url: string;
  origin: string;
  token: string;
  core: Core;
  close(): Promise<void>;
}

export async function startHost(opts: HostOptions): Promise<RunningHost> {
  const log = opts.log ?? ((msg: string) => console.error(msg));
  const files = await StaticFiles.open(opts.staticDir ?? path.resolve('dist/renderer'));
  const core = await createCore({
    dataDir: opts.dataDir,
    ...(opts.provider ? { provider: opts.provider } : {}),
    ...(opts.apiBase ? { apiBase: opts.apiBase } : {}),
    onLibraryProblem: (p) => log(`[host] skipped a damaged library entry (line ${p.line}: ${p.reason})`),
    ...opts.coreOverrides,
  });
  const apiBaseFromLaunch = (opts.apiBase ?? opts.coreOverrides?.apiBase) !== undefined;
  const service = createAppService(core, {}, { face: 'host', mediaBase: MEDIA_PATH, apiBaseFromLaunch });
  const bridge = new WsBridge(createRouter(service.handlers), log);
  const unsubscribe = service.subscribe((channel, payload) => bridge.broadcast(channel, payload));
  const token = newAccessToken();
  // Known once the port is: the Host and Origin checks need it. Until then every request gets 503.
  const ready: { access?: HostAccess } = {};

  // Other pages on 127.0.0.1 can plant cookies for it (ports do not separate them): accept a Cookie
  // header as large as a browser will send (~180 cookies of 4 KB) rather than answer 431 to our own
  // page forever. The header is never read.
  const server = createServer({ maxHeaderSize: MAX_HEADER_BYTES }, (req, res) => {
    const { access } = ready;
    if (!access) return void res.writeHead(503).end();
    handleRequest(req, res, { access, files, core }).catch((err: unknown) => {
      log(`[host] ${req.method} ${rawPath(req)} failed: ${err instanceof Error ? err.message : String(err)}`);
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Internal error');
      else res.destroy();
    });
  });
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    const refusal = ready.access ? upgradeRefusal(req, ready.access) : 503;
    if (refusal) return void socket.end(`HTTP/1.1 ${refusal} ${STATUS_TEXT[refusal]}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    bridge.accept(req, socket, head);
  });

  let origin: string;
  try {
    origin = await listen(server, opts.port ?? 0);
  } catch (err) {
    unsubscribe();
    await service.close();
    await core.close();
    throw err;
  }
  ready.access = new HostAccess(token, origin);
  const resumed = core.runner.resumeAll();
  if (resumed.length > 0) log(`[host] resuming ${resumed.length} unfinished job(s)`);

  let closing: Promise<void> | undefined;
  return {
    url: `${origin}/#${HOST_TOKEN_PARAM}=${token}`,
    origin,
    token,
    core,
    close: () =>
      (closing ??= (async () => {
        unsubscribe();
        await bridge.close();
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
        await service.close();
        await core.close();
      })()),
  };
}

interface Deps {
  access: HostAccess;
  files: StaticFiles;
  core: Core;
}

const STATUS_TEXT: Record<number, string> = { 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 503: 'Service Unavailable' };
const NEED_TOKEN = 'Open the link printed by "npm run host" (it carries this run\u2019s access token).';
const MAX_HEADER_BYTES = 1024 * 1024;

async function handleRequest(req: IncomingMessage, res: ServerResponse, { access, files, core }: Deps): Promise<void> {
  const plain = (status: number, text: string, extra: Record<string, string> = {}): void =>
    void res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff', ...extra }).end(text);

  if (!access.isOwnHost(req)) return plain(403, `Use ${access.origin}.`);
  if (req.method !== 'GET' && req.method !== 'HEAD') return plain(405, 'Method not allowed', { Allow: 'GET, HEAD' });
  const head = req.method === 'HEAD';
  // The raw path, not a URL-normalised one: traversal attempts must reach the checks, not vanish.
  const pathname = rawPath(req);

  // The page and its assets hold no secret: the token arrives in the URL fragment, which only the
  // page's script reads (see renderer/api/host-session.ts).
  if (pathname === '/' || pathname === '/index.html') return files.sendIndex(res, {}, head);

  if (pathname.startsWith(`${MEDIA_PATH}/`)) {
    const encoded = pathname.slice(MEDIA_PATH.length + 1);
    // The free refusal first: another site's request is turned away before any hashing.
    if (!access.isOwnPageOrTyped(req)) return plain(403, 'Library media is only served to the Veo Studio page.');
    const signature = access.checkMedia(encoded, new URLSearchParams((req.url ?? '').split('?')[1] ?? ''));
    if (signature === 'unsigned') return plain(401, NEED_TOKEN);
    if (signature !== 'ok') return plain(403, 'This media link has expired or is not valid here. Reload the page.');
    const resolved = await resolveMediaPath(core.library.dir, encoded);
    if (!resolved.ok) return plain(resolved.status, STATUS_TEXT[resolved.status] ?? 'Refused');
    const served = await serveFile(resolved.path, {
      range: req.headers.range,
      ifNoneMatch: req.headers['if-none-match'],
      ifRange: typeof req.headers['if-range'] === 'string' ? req.headers['if-range'] : undefined,
    });
    res.writeHead(served.status, served.headers);
    if (!served.body || head) {
      served.body?.destroy();
      return void res.end();
    }
    // A <video> seeking away aborts the request: a closed response is normal, not an error.
    return pipeline(served.body, res).catch(() => undefined);
  }
  if (await files.trySend(res, pathname, head)) return;
  // Browsers ask for it unprompted; an empty answer keeps their consoles free of 404 noise.
  if (pathname === '/favicon.ico') return void res.writeHead(204).end();
  // Client-side routes (no file extension) get the app itself.
  if (!path.posix.extname(pathname) && (req.headers.accept ?? '').includes('text/html')) return files.sendIndex(res, {}, head);
  return plain(404, 'Not found');
}

/** Before anything runs: our path, our Host, our page's Origin, then the run's token. */
function upgradeRefusal(req: IncomingMessage, access: HostAccess): 401 | 403 | 404 | undefined {
  if (rawPath(req) !== HOST_WS_PATH) return 404;
  if (!access.isOwnHost(req)) return 403;
  if (!access.isOwnOrigin(req)) return 403;
  if (!access.hasSocketToken(req)) return 401;
  return undefined;
}

const rawPath = (req: IncomingMessage): string => (req.url ?? '/').split('?')[0] ?? '/';

function listen(server: Server, port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    // Loopback only: the host must never be reachable from another machine.
    server.listen(port, LOOPBACK, () => {
      server.off('error', reject);
      resolve(`http://${LOOPBACK}:${(server.address() as AddressInfo).port}`);
    });
  });
}
