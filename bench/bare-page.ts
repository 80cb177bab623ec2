// A Chromium page driven over the DevTools protocol with nothing enabled but what the scroll rows
// need (Runtime, Page for navigation and init scripts, Tracing). Playwright enables the Network
// domain on every page it opens; the renderer's inspector then builds and sends an event for each
// of the ~9,000 thumbnail requests of a scroll, on the very main thread the rows measure, and the
// bench's own process parses them while it serves those thumbnails. The app runs with no inspector
// attached, so the scroll rows do too.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebSocket } from 'ws';

interface Pending {
  resolve: (value: Record<string, unknown>) => void;
  reject: (error: Error) => void;
}

type Listener = (params: Record<string, unknown>) => void;

/** One DevTools connection: browser-level commands, or a page's with its session id. */
class Cdp {
  private next = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly listeners = new Map<string, Listener>();

  constructor(private readonly socket: WebSocket) {
    socket.on('message', (data) => {
      const message = JSON.parse(String(data)) as { id?: number; method?: string; params?: Record<string, unknown>; result?: Record<string, unknown>; error?: { message: string } };
      if (message.id !== undefined) {
        const waiting = this.pending.get(message.id);
        this.pending.delete(message.id);
        if (message.error) waiting?.reject(new Error(message.error.message));
        else waiting?.resolve(message.result ?? {});
      } else if (message.method) {
        this.listeners.get(message.method)?.(message.params ?? {});
      }
    });
  }

  send(method: string, params: Record<string, unknown> = {}, sessionId?: string): Promise<Record<string, unknown>> {
    const id = this.next++;
    this.socket.send(JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) }));
    return new Promise((resolve, reject) => this.pending.set(id, { resolve, reject }));
  }

  on(method: string, listener: Listener): void {
    this.listeners.set(method, listener);
  }
}

export interface BarePage {
  /** Runs `fn(arg)` in the page and returns its (awaited, JSON) result. `fn` must not close over anything. */
  evaluate<A, R>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  /** Waits until `fn(arg)` is truthy in the page (polled), up to `timeoutMs`. */
  waitFor<A>(fn: (arg: A) => unknown, arg: A, timeoutMs: number): Promise<void>;
  /** A Chromium trace of `categories` around `work`. */
  traced(categories: string[], work: () => Promise<void>): Promise<Buffer>;
  close(): Promise<void>;
}

async function devtoolsUrl(browser: ChildProcess): Promise<string> {
  let seen = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Chromium did not offer DevTools in 30 s:\n${seen}`)), 30_000);
    browser.stderr?.on('data', (chunk: Buffer) => {
      seen += String(chunk);
      const match = /DevTools listening on (ws:\/\/\S+)/.exec(seen);
      if (match) {
        clearTimeout(timer);
        resolve(match[1] as string);
      }
    });
    browser.once('exit', (code) => reject(new Error(`Chromium exited (${code}) before DevTools was up:\n${seen}`)));
  });
}

/** Opens `url` in a fresh headless Chromium (its own profile) at `viewport`, `initScripts` run before the page's own. */
export async function openBarePage(opts: {
  executablePath: string;
  args: string[];
  url: string;
  viewport: { width: number; height: number };
  initScripts: string[];
}): Promise<BarePage> {
  const profile = await mkdtemp(join(tmpdir(), 'veo-bench-chromium-'));
  const browser = spawn(
    opts.executablePath,
    [...opts.args, '--headless=new', '--remote-debugging-port=0', `--user-data-dir=${profile}`, `--window-size=${opts.viewport.width},${opts.viewport.height}`, 'about:blank'],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const socket = new WebSocket(await devtoolsUrl(browser), { perMessageDeflate: false, maxPayload: 512 * 1024 * 1024 });
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
  const cdp = new Cdp(socket);
  const { targetId } = (await cdp.send('Target.createTarget', { url: 'about:blank' })) as { targetId: string };
  const { sessionId } = (await cdp.send('Target.attachToTarget', { targetId, flatten: true })) as { sessionId: string };
  const page = (method: string, params: Record<string, unknown> = {}) => cdp.send(method, params, sessionId);
  await page('Emulation.setDeviceMetricsOverride', { ...opts.viewport, deviceScaleFactor: 1, mobile: false });
  // Init scripts take effect only once the Page domain is on (a handful of navigation events; no per-request ones).
  await page('Page.enable');
  for (const source of opts.initScripts) await page('Page.addScriptToEvaluateOnNewDocument', { source });
  await page('Page.navigate', { url: opts.url });

  const evaluate = async <A, R>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R> => {
    const reply = (await page('Runtime.evaluate', { expression: `(${fn.toString()})(${JSON.stringify(arg)})`, awaitPromise: true, returnByValue: true })) as {
      result: { value?: R };
      exceptionDetails?: { text: string; exception?: { description?: string } };
    };
    if (reply.exceptionDetails) throw new Error(`in the page: ${reply.exceptionDetails.exception?.description ?? reply.exceptionDetails.text}`);
    return reply.result.value as R;
  };

  return {
    evaluate,
    async waitFor(fn, arg, timeoutMs) {
      const until = Date.now() + timeoutMs;
      for (;;) {
        // A navigation in progress has no context to evaluate in yet: that is "not yet", not a failure.
        if (await evaluate(fn, arg).catch(() => false)) return;
        if (Date.now() > until) throw new Error(`the page did not get there in ${timeoutMs / 1000} s: ${fn.toString().slice(0, 120)}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    async traced(categories, work) {
      const chunks: unknown[] = [];
      const complete = new Promise<void>((resolve) => cdp.on('Tracing.tracingComplete', () => resolve()));
      cdp.on('Tracing.dataCollected', (params) => chunks.push(...(params.value as unknown[])));
      await cdp.send('Tracing.start', { traceConfig: { includedCategories: categories }, transferMode: 'ReportEvents' });
      await work();
      await cdp.send('Tracing.end');
      await complete;
      return Buffer.from(JSON.stringify({ traceEvents: chunks }));
    },
    async close() {
      const exited = browser.exitCode === null ? new Promise((resolve) => browser.once('exit', resolve)) : Promise.resolve();
      // Browser.close lets Chromium shut its helpers down; the kill is for one that will not.
      await cdp.send('Browser.close').catch(() => undefined);
      const timer = setTimeout(() => browser.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
      socket.close();
      await rm(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
    },
  };
}
