// A page in real Chromium that prepares pictures with the renderer's own module
// (renderer/features/create/image-prepare.ts, bundled as-is), for the benchmark and for the test
// that proves the in-page path in Chromium (jsdom has no createImageBitmap). Served from loopback.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { build } from 'esbuild';
import { chromium, type Browser, type Page } from '@playwright/test';
import type { ImageSource } from '../shared/contract';

type PreparedSource = Extract<ImageSource, { kind: 'prepared' }>;
import { REPO_ROOT } from './child';
import { findChromium } from '../scripts/find-chromium.mjs';

/** The system Chromium the e2e tests drive (scripts/find-chromium.mjs), or undefined when none is found. */
export const CHROMIUM: string | undefined = findChromium().path ?? undefined;

export interface PreparePage {
  /** Prepares the file in the page; `ms` is the time the page spent (read excluded: the drop hands a File). */
  /** `originalPath` as Electron's drop gives it: the page then sends the path, not the original's bytes. */
  prepare(bytes: Uint8Array, type: string, name: string, originalPath?: string): Promise<{ ms: number; source: PreparedSource }>;
  close(): Promise<void>;
}

async function bundleModule(): Promise<string> {
  const out = await build({
    entryPoints: [join(REPO_ROOT, 'renderer', 'features', 'create', 'image-prepare.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    globalName: 'VeoPrepare',
    platform: 'browser',
    target: 'chrome120',
    logLevel: 'warning',
  });
  return out.outputFiles[0]?.text ?? '';
}

export async function openPreparePage(): Promise<PreparePage> {
  const script = await bundleModule();
  let upload: Buffer = Buffer.alloc(0);
  const server: Server = createServer((req, res) => {
    if (req.url === '/upload') {
      res.setHeader('content-type', 'application/octet-stream');
      res.end(upload);
      return;
    }
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.end(`<!doctype html><meta charset="utf-8"><title>prepare</title><script>${script.replace(/<\/script/gi, '<\\/script')}</script>`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  let browser: Browser | undefined;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
    const page: Page = await browser.newPage();
    await page.goto(`${base}/`);
    return {
      async prepare(bytes, type, name, originalPath) {
        upload = Buffer.from(bytes);
        return page.evaluate(
          async ({ type, name, originalPath }) => {
            const blob = new Blob([await (await fetch('/upload')).arrayBuffer()], { type });
            const api = (globalThis as unknown as { VeoPrepare: { prepareInPage(b: Blob, n?: string, p?: string): Promise<PreparedSource> } }).VeoPrepare;
            const started = performance.now();
            const source = await api.prepareInPage(blob, name, originalPath ?? undefined);
            return { ms: performance.now() - started, source };
          },
          { type, name, originalPath: originalPath ?? null },
        );
      },
      async close() {
        await browser?.close();
        await new Promise((resolve) => server.close(resolve));
      },
    };
  } catch (err) {
    await browser?.close();
    server.close();
    throw err;
  }
}
