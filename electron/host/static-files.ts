// The built renderer (vite build → dist/renderer), served as is. Only files inside that folder, with
// the same Content-Security-Policy the page declares in its <meta>, so the browser host is held to
// the policy the desktop app runs under.
import { createReadStream, promises as fsp } from 'node:fs';
import type { ServerResponse } from 'node:http';
import path from 'node:path';
import { STATIC_CONTENT_TYPES } from '../core/util/content-types';

export const FALLBACK_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob:",
  "connect-src 'self'",
  "font-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');


const META_CSP = /<meta\s+[^>]*http-equiv=["']Content-Security-Policy["'][^>]*>/i;
const CONTENT_ATTR = /content=(["'])(.*?)\1/i;

/** The policy from index.html's <meta http-equiv="Content-Security-Policy">, if it has one. */
export function cspFromHtml(html: string): string | undefined {
  const tag = META_CSP.exec(html)?.[0];
  const content = tag ? CONTENT_ATTR.exec(tag)?.[2] : undefined;
  return content?.replace(/&#39;|&apos;/g, "'").replace(/&quot;/g, '"').replace(/\s+/g, ' ').trim() || undefined;
}

export class StaticFiles {
  private constructor(
    private readonly root: string,
    readonly csp: string,
  ) {}

  static async open(dir: string): Promise<StaticFiles> {
    const root = await fsp.realpath(dir).catch(() => {
      throw new Error(`The renderer build is missing at ${dir}. Run "npm run build:renderer" (npm run host does it for you).`);
    });
    const html = await fsp.readFile(path.join(root, 'index.html'), 'utf8').catch(() => {
      throw new Error(`${path.join(root, 'index.html')} is missing. Run "npm run build:renderer".`);
    });
    return new StaticFiles(root, cspFromHtml(html) ?? FALLBACK_CSP);
  }

  /** Headers every page-ish response carries. */
  securityHeaders(): Record<string, string> {
    return {
      'Content-Security-Policy': this.csp,
      'X-Content-Type-Options': 'nosniff',
      // The first URL carries the token: never let it leak through a Referer.
      'Referrer-Policy': 'no-referrer',
      'Cross-Origin-Opener-Policy': 'same-origin',
      'X-Frame-Options': 'DENY',
    };
  }

  async sendIndex(res: ServerResponse, extraHeaders: Record<string, string> = {}, head = false): Promise<void> {
    await this.sendFile(res, path.join(this.root, 'index.html'), { 'Cache-Control': 'no-store', ...extraHeaders }, head);
  }

  /** Serves `urlPath` from the renderer folder; false when there is no such file (caller decides). */
  async trySend(res: ServerResponse, urlPath: string, head = false): Promise<boolean> {
    const file = await this.locate(urlPath);
    if (!file) return false;
    const isHtml = file.endsWith('.html');
    await this.sendFile(res, file, { 'Cache-Control': isHtml ? 'no-store' : 'no-cache' }, head);
    return true;
  }

  private async locate(urlPath: string): Promise<string | undefined> {
    let decoded: string;
    try {
      decoded = decodeURIComponent(urlPath);
    } catch {
      return undefined;
    }
    if (decoded.includes('\0') || decoded.includes('\\')) return undefined;
    const segments = decoded.split('/').filter((s) => s !== '');
    if (segments.some((s) => s === '..' || s === '.' || s.startsWith('.'))) return undefined;
    if (segments.length === 0) return undefined;
    const candidate = path.join(this.root, ...segments);
    try {
      const real = await fsp.realpath(candidate);
      const back = path.relative(this.root, real);
      if (back === '' || back.startsWith('..') || path.isAbsolute(back)) return undefined;
      if (!(await fsp.stat(real)).isFile()) return undefined;
      return real;
    } catch {
      return undefined;
    }
  }

  private async sendFile(res: ServerResponse, file: string, extra: Record<string, string>, head: boolean): Promise<void> {
    const { size } = await fsp.stat(file);
    res.writeHead(200, {
      ...this.securityHeaders(),
      'Content-Type': STATIC_CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
      'Content-Length': String(size),
      ...extra,
    });
    if (head) {
      res.end();
      return;
    }
    await new Promise<void>((resolve) => {
      const stream = createReadStream(file);
      stream.on('error', () => {
        res.destroy();
        resolve();
      });
      res.on('close', () => {
        stream.destroy();
        resolve();
      });
      stream.pipe(res);
    });
  }
}
