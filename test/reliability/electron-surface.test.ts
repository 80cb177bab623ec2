// The renderer's reach inside the desktop app, asserted without an Electron binary: the shell's real
// modules run against a stand-in `electron` module that records what they install. Window options,
// the page's CSP, navigation / window.open / webview / permission guards, IPC sender checks and the
// app://veo/media route are each called the way Electron would call them, with hostile input.
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { INVOKE_CHANNELS } from '../../shared/contract';
import { sharedFakeElectron } from '../unit/electron/fake-electron';
import { REPO } from './support/child';

// The one fake Electron every test uses (test/unit/electron/fake-electron.ts).
vi.mock('electron', async () => (await import('../unit/electron/fake-electron')).sharedFakeElectron().electron);
const fake = sharedFakeElectron();
const captured = fake;
const FakeWebContents = fake.WebContents;

const { APP_ENTRY_URL, trustedOrigins } = await import('../../electron/main/app-origin');
const { MainWindow } = await import('../../electron/main/window');
const { guardWebContents, installPermissionGuards } = await import('../../electron/main/guards');
const { setupIpc } = await import('../../electron/main/ipc');
const { handleAppProtocols } = await import('../../electron/main/protocols');

const ORIGINS = trustedOrigins();
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'veo-electron-surface-'));
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('the main window', () => {
  it('is created with the hardened webPreferences', async () => {
    const main = new MainWindow({ dataDir: dir, entryUrl: APP_ENTRY_URL, settings: () => ({ theme: 'system' }) as never, locale: () => 'en', onCreated: () => undefined });
    await main.create();
    const prefs = captured.windows.at(-1)?.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
    });
    for (const risky of ['experimentalFeatures', 'enableBlinkFeatures', 'additionalArguments', 'enableRemoteModule']) expect(prefs[risky], risky).toBeFalsy();
    expect(String(prefs.preload)).toMatch(/preload\.cjs$/);
  });
});

describe("the page's Content-Security-Policy (renderer/index.html)", () => {
  let html: string;
  let csp: Map<string, string[]>;
  beforeAll(async () => {
    html = await readFile(join(REPO, 'renderer/index.html'), 'utf8');
    const content = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(html)?.[1] ?? '';
    csp = new Map(content.split(';').map((d) => d.trim().split(/\s+/)).filter((p) => p[0]).map(([name, ...values]) => [name as string, values]));
  });

  it('denies by default and allows scripts from the app only', () => {
    expect(csp.get('default-src')).toEqual(["'none'"]);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    for (const d of ['object-src', 'base-uri', 'form-action']) expect(csp.get(d), d).toEqual(["'none'"]);
  });

  it('lets the renderer make no network calls of its own and load media only from the app and the library', () => {
    expect(csp.get('connect-src')).toEqual(["'self'"]);
    for (const d of ['img-src', 'media-src']) {
      for (const source of csp.get(d) ?? []) expect(["'self'", 'data:', 'blob:'], `${d} ${source}`).toContain(source);
    }
  });

  it('has no wildcard, unsafe-* or plain-http source anywhere, and no inline script', () => {
    for (const [name, values] of csp) {
      for (const v of values) expect(v, `${name} ${v}`).not.toMatch(/\*|unsafe-|^https?:|^http:\/\//);
    }
    for (const tag of html.match(/<script\b[^>]*>/gi) ?? []) expect(tag).toMatch(/\ssrc=/);
    expect(html).not.toMatch(/\son[a-z]+\s*=/i);
  });
});

describe('navigation, window.open, webview and permissions', () => {
  const contents = new FakeWebContents();
  const event = () => ({ preventDefault: vi.fn() });
  const warned = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  beforeAll(() => guardWebContents(contents as never, ORIGINS));
  afterAll(() => {
    // Each blocked navigation is logged (without its query string, which could carry a token).
    expect(warned.mock.calls.some(([m]) => /blocked navigation/.test(String(m)))).toBe(true);
    warned.mockRestore();
  });

  it.each([
    ['https://example.com/', true],
    ['http://127.0.0.1:8080/', true],
    ['file:///etc/passwd', true],
    ['javascript:alert(1)', true],
    ['data:text/html,<script>1</script>', true],
    ['app://veo.evil/index.html', true],
    ['veo-media://library/media/x/video.mp4', true],
    ['app://veo/index.html#/library', false],
    ['app://VEO/settings', false],
  ])('will-navigate / will-frame-navigate / will-redirect to %s → blocked: %s', (url, blocked) => {
    for (const name of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
      const e = { ...event(), url };
      contents.emit(name, e);
      expect(e.preventDefault.mock.calls.length > 0, name).toBe(blocked);
    }
  });

  it.each([
    ['https://fal.ai/models', 'https://fal.ai/models'],
    ['http://example.com/', undefined],
    ['file:///etc/passwd', undefined],
    ['javascript:alert(1)', undefined],
    ['https://user:pass@example.com/', undefined],
    ['app://veo/index.html', undefined],
    ['not a url', undefined],
  ])('window.open(%s) never opens a window; only https goes to the browser', async (url, external) => {
    const before = captured.openedExternally.length;
    expect(contents.windowOpenHandler?.({ url })).toEqual({ action: 'deny' });
    await Promise.resolve();
    expect(captured.openedExternally.slice(before)).toEqual(external ? [external] : []);
  });

  it('refuses to attach a <webview>', () => {
    const e = event();
    contents.emit('will-attach-webview', e);
    expect(e.preventDefault).toHaveBeenCalled();
  });

  it('grants only clipboard writes and fullscreen, and only to the app', () => {
    let request: ((c: unknown, p: string, cb: (ok: boolean) => void, d: { requestingUrl: string }) => void) | undefined;
    let check: ((c: unknown, p: string, origin: string) => boolean) | undefined;
    installPermissionGuards({ setPermissionRequestHandler: (h: never) => (request = h), setPermissionCheckHandler: (h: never) => (check = h) } as never, ORIGINS);
    const ask = (permission: string, url: string) => {
      let answer: boolean | undefined;
      request?.(undefined, permission, (ok) => (answer = ok), { requestingUrl: url });
      return answer;
    };
    for (const p of ['media', 'geolocation', 'notifications', 'midi', 'hid', 'usb', 'serial', 'openExternal', 'pointerLock', 'display-capture']) {
      expect(ask(p, APP_ENTRY_URL), p).toBe(false);
      expect(check?.(undefined, p, 'app://veo'), p).toBe(false);
    }
    expect(ask('fullscreen', APP_ENTRY_URL)).toBe(true);
    expect(ask('fullscreen', 'https://evil.example/')).toBe(false);
    expect(ask('clipboard-sanitized-write', 'https://evil.example/')).toBe(false);
  });
});

describe('IPC sender checks (electron/main/ipc.ts)', () => {
  const routed: string[] = [];
  const router = { handle: async (channel: unknown) => (routed.push(String(channel)), { ok: true as const, value: 'routed' }) };
  const ours = new FakeWebContents();

  it('registers every invoke channel of the contract, and nothing else', () => {
    setupIpc({ router, subscribe: () => () => undefined, trustedOrigins: ORIGINS, dragItemFor: () => undefined }).dispose();
    expect(captured.ipcHandlers.size).toBe(0);
    const b = setupIpc({ router, subscribe: () => () => undefined, trustedOrigins: ORIGINS, dragItemFor: () => undefined });
    expect([...captured.ipcHandlers.keys()].sort()).toEqual([...INVOKE_CHANNELS].sort());
    b.dispose();
  });

  it('routes only messages from the main frame of our own window showing our page', async () => {
    const b = setupIpc({ router, subscribe: () => () => undefined, trustedOrigins: ORIGINS, dragItemFor: () => undefined });
    b.attachWindow({ webContents: ours } as never);
    const handler = captured.ipcHandlers.get('library:list') as (e: unknown, p: unknown) => Promise<{ ok: boolean }>;
    const frame = (url: string, parent: unknown = null) => ({ url, parent });
    const stranger = new FakeWebContents();
    const cases: Array<[string, unknown, boolean]> = [
      ['our main frame', { sender: ours, senderFrame: frame(APP_ENTRY_URL) }, true],
      ['an iframe inside our page', { sender: ours, senderFrame: frame(APP_ENTRY_URL, {}) }, false],
      ['our window after navigating elsewhere', { sender: ours, senderFrame: frame('https://evil.example/') }, false],
      ['a file:// page in our window', { sender: ours, senderFrame: frame('file:///tmp/x.html') }, false],
      ['a window we did not create', { sender: stranger, senderFrame: frame(APP_ENTRY_URL) }, false],
      ['a frame that is already gone', { sender: ours, senderFrame: null }, false],
      ['a frame that throws when asked', { sender: ours, get senderFrame() { throw new Error('disposed'); } }, false],
    ];
    for (const [label, event, trusted] of cases) {
      const before = routed.length;
      const result = await handler(event, {});
      expect(result.ok, label).toBe(trusted);
      expect(routed.length - before, label).toBe(trusted ? 1 : 0);
    }
    b.dispose();
  });
});

describe('library media on app://veo/media (electron/main/protocols.ts)', () => {
  let library: string;
  // Requests as Electron builds them for the handler (fake-electron.ts protocolRequest).
  const media = (path: string) => fake.serve(`app://veo/media/${path}`);
  beforeAll(async () => {
    library = join(dir, 'library');
    await mkdir(join(library, 'media', 'job1'), { recursive: true });
    await writeFile(join(library, 'media', 'job1', 'video.mp4'), 'ftyp-video-bytes');
    await writeFile(join(library, 'library.jsonl'), '{"op":"put"}\n');
    await writeFile(join(dir, 'outside.mp4'), 'outside the library');
    await symlink(join(dir, 'outside.mp4'), join(library, 'media', 'job1', 'escape.mp4'));
    handleAppProtocols({ rendererDir: join(dir, 'renderer'), libraryDir: library });
  });

  it('serves a library video to the app, with ranges', async () => {
    const ok = await media('media/job1/video.mp4');
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe('ftyp-video-bytes');
    const range = await fake.serve('app://veo/media/media/job1/video.mp4', { headers: { range: 'bytes=0-3' } });
    expect(range.status).toBe(206);
  });

  it.each([
    'media/..%2f..%2foutside.mp4',
    'media/%2e%2e/%2e%2e/outside.mp4',
    'media/job1/..%5c..%5clibrary.jsonl',
    '%2Fetc%2Fpasswd',
    'library.jsonl',
    'media/job1/escape.mp4',
    'media/job1/video.mp4%00.jpg',
  ])('refuses %s', async (path) => {
    const res = await media(path);
    expect([400, 403, 404]).toContain(res.status);
    expect(await res.text()).not.toMatch(/outside the library|"op"/);
  });

  it('refuses other hosts of the scheme', async () => {
    expect((await fake.serve('app://elsewhere/media/media/job1/video.mp4')).status).toBe(404);
  });
});
