// The two custom schemes: `app://veo/` serves the built renderer (so the page has a real origin and
// never runs from file://), and `veo-media://library/<relative path>` streams library media with
// Range support so <video> can seek. Both are privileged, which must happen before `ready`.
import { promises as fsp } from 'node:fs';
import { Readable } from 'node:stream';
import { protocol } from 'electron';
import { MEDIA_SCHEME } from '../../shared/wire-protocol';
import { resolveMediaPath, serveFile } from '../core/media/serve-file';
import { APP_SCHEME, MEDIA_HOST } from './app-origin';
import { rendererFileFor } from './renderer-files';
import { allowMediaRequest } from './security';

/** Call at module load, before `app.whenReady()`: Chromium reads scheme privileges at startup. */
export function registerPrivilegedSchemes(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
    // stream: true lets <video> read partial responses as they arrive (seeking without a full load).
    { scheme: MEDIA_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
  ]);
}

export interface ProtocolOptions {
  rendererDir: string;
  libraryDir: string;
  trustedOrigins: readonly string[];
}

export function handleAppProtocols(opts: ProtocolOptions): void {
  protocol.handle(APP_SCHEME, (request) => serveRenderer(request, opts.rendererDir));
  protocol.handle(MEDIA_SCHEME, (request) => serveMedia(request, opts));
}

async function serveRenderer(request: Request, rendererDir: string): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method not allowed');
  const file = rendererFileFor(request.url, rendererDir);
  if (!file) return plain(404, 'Not found');
  let bytes: Buffer;
  try {
    bytes = await fsp.readFile(file.absPath);
  } catch {
    return plain(404, 'Not found');
  }
  return new Response(request.method === 'HEAD' ? null : new Uint8Array(bytes), {
    status: 200,
    headers: { 'Content-Type': file.contentType, 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-cache' },
  });
}

async function serveMedia(request: Request, opts: ProtocolOptions): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method not allowed');
  // Electron documents `initiatorOrigin` on protocol.handle requests; the DOM Request type lacks it.
  const initiator = (request as Request & { initiatorOrigin?: string | null }).initiatorOrigin;
  if (!allowMediaRequest(initiator, opts.trustedOrigins)) return plain(403, 'Forbidden');
  const url = new URL(request.url);
  if (url.host !== MEDIA_HOST) return plain(404, 'Not found');
  // resolveMediaPath decodes exactly once, so hand it the still-encoded path.
  const resolved = await resolveMediaPath(opts.libraryDir, url.pathname.replace(/^\/+/, ''));
  if (!resolved.ok) return plain(resolved.status, 'Not found');
  const served = await serveFile(resolved.path, request.headers.get('range') ?? undefined);
  let body: ReadableStream<Uint8Array> | null = null;
  if (served.body) {
    if (request.method === 'HEAD') served.body.destroy();
    else body = Readable.toWeb(served.body) as ReadableStream<Uint8Array>;
  }
  return new Response(body, { status: served.status, headers: served.headers });
}

const plain = (status: number, text: string): Response =>
  new Response(text, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' } });
