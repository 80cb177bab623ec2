// The app's one custom scheme: `app://veo/` serves the built renderer (so the page has a real origin
// and never runs from file://) and, under `app://veo/media/<relative path>`, library media with
// Range support so <video> can seek. Media shares the page's origin exactly as in the browser host
// (shared/media-url.ts): a second scheme would be another origin, whose opaque responses taint
// any canvas a frame is drawn on. Privileges must be registered before `ready`.
import { promises as fsp } from 'node:fs';
import { Readable } from 'node:stream';
import { protocol } from 'electron';
import { MEDIA_PATH } from '../../shared/media-url';
import { resolveMediaPath, serveFile } from '../core/media/serve-file';
import { APP_HOST, APP_SCHEME } from './app-origin';
import { rendererFileFor } from './renderer-files';

/** Call at module load, before `app.whenReady()`: Chromium reads scheme privileges at startup. */
export function registerPrivilegedSchemes(): void {
  protocol.registerSchemesAsPrivileged([
    // stream: <video>/<audio> otherwise expect a buffered response; with it they read partial (206)
    // responses as they arrive, so seeking needs no full load (Electron docs, protocol.md).
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true, stream: true } },
  ]);
}

export interface ProtocolOptions {
  rendererDir: string;
  libraryDir: string;
}

export function handleAppProtocols(opts: ProtocolOptions): void {
  protocol.handle(APP_SCHEME, (request) => serveApp(request, opts));
}

function serveApp(request: Request, opts: ProtocolOptions): Promise<Response> | Response {
  if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method not allowed');
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    return plain(404, 'Not found');
  }
  if (url.host === APP_HOST && url.pathname.startsWith(`${MEDIA_PATH}/`)) return serveMedia(request, url, opts);
  return serveRenderer(request, opts.rendererDir);
}

async function serveRenderer(request: Request, rendererDir: string): Promise<Response> {
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

// No check of who asks: Electron hands the handler a Request built from url, headers, method,
// referrer and body only (lib/browser/api/protocol.ts) — no initiator. Chromium sends no Referer from
// an app:// page (not a referrer scheme), no Origin on a same-origin GET, and adds Sec-Fetch-* in the
// network service, which a custom scheme's loader bypasses. What confines the library is that only
// our window ever shows a page (navigation and window-open guards allow app://veo alone) and that the
// scheme is not corsEnabled, so any other origin's load of it is opaque (electron#51152).
async function serveMedia(request: Request, url: URL, opts: ProtocolOptions): Promise<Response> {
  // resolveMediaPath decodes exactly once, so hand it the still-encoded path.
  const resolved = await resolveMediaPath(opts.libraryDir, url.pathname.slice(MEDIA_PATH.length + 1));
  if (!resolved.ok) return plain(resolved.status, 'Not found');
  const header = (name: string) => request.headers.get(name) ?? undefined;
  const served = await serveFile(resolved.path, { range: header('range'), ifNoneMatch: header('if-none-match'), ifRange: header('if-range') });
  let body: ReadableStream<Uint8Array> | null = null;
  if (served.body) {
    if (request.method === 'HEAD') served.body.destroy();
    else body = Readable.toWeb(served.body) as ReadableStream<Uint8Array>;
  }
  return new Response(body, { status: served.status, headers: served.headers });
}

const plain = (status: number, text: string): Response =>
  new Response(text, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' } });
