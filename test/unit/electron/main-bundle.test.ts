// Boots the BUILT main bundle (dist/main/main.cjs) under plain Node against a fake 'electron' and
// checks the shell end to end: schemes before ready, the hardened window on app://, every contract
// channel behind the sender check, the app:// protocol for the page and its media (same origin,
// Range → 206, confinement), the guards, and a
// graceful quit that saves the window and releases the library.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { INVOKE_CHANNELS, type AppInfo } from '../../../shared/contract';
import { mediaUrl } from '../../../shared/media-url';
import { originOf } from '../../../electron/main/app-origin';
import { bootMainBundle, type BootedMain } from './boot-main-bundle';
import { fakeEvent, protocolRequest, type FakeElectron, type FakeMenuItem } from './fake-electron';

let booted: BootedMain;
let fake: FakeElectron;
let dataDir: string;

beforeAll(async () => {
  booted = await bootMainBundle();
  ({ fake, dataDir } = booted);
}, 60_000);

afterAll(() => booted?.dispose());

const trustedEvent = (contents: unknown, url = 'app://veo/index.html') => ({ sender: contents, senderFrame: { url, parent: null } });

describe('the built main process', () => {
  it('registers its one scheme as privileged (streaming, for <video>) before ready, and names the app', () => {
    expect(fake.calls.slice(0, 2)).toEqual(['registerSchemesAsPrivileged ready=false', 'setAppUserModelId tech.veostudio.app']);
    // One scheme, one origin: a second scheme for media would make its responses opaque to the page.
    expect(fake.schemes).toEqual([
      { scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true, supportFetchAPI: true, stream: true }) },
    ]);
    expect(fake.electron.app.getPath('userData')).toBe(dataDir);
    expect(fake.windows).toHaveLength(0);
  });

  it('opens one hardened window on app:// once ready, even with VEO_DEV_SERVER_URL set (no dev-server path)', async () => {
    fake.becomeReady();
    const win = await fake.windowLoaded;
    expect(win.loadedUrl).toBe('app://veo/index.html');
    expect(win.options).toMatchObject({ width: 1280, height: 800, minWidth: 900, minHeight: 600, show: false, backgroundColor: expect.any(String) });
    expect(win.options.webPreferences).toMatchObject({
      preload: fake.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
      webSecurity: true,
      spellcheck: true,
    });
    expect(win.shown).toBe(true);
    expect(fake.menus).toHaveLength(1);
  });

  it('does not load sharp at start-up (its wasm compile would delay every launch)', () => {
    const loaded = Object.keys(createRequire(import.meta.url).cache).filter((f) => /[\\/]@img[\\/]sharp-/.test(f));
    expect(loaded).toEqual([]);
  });

  it('serves every contract channel, to our window only', async () => {
    const win = fake.windows[0];
    expect([...fake.ipcHandlers.keys()]).toEqual(expect.arrayContaining(INVOKE_CHANNELS));
    const handler = fake.ipcHandlers.get('app:info') as (event: unknown, payload: unknown) => unknown;
    const invoke = (event: unknown, payload: unknown) => Promise.resolve(handler(event, payload));
    await expect(invoke(trustedEvent(win?.webContents), undefined)).resolves.toMatchObject({
      ok: true,
      value: { face: 'electron', version: '9.9.9', mediaBase: 'app://veo/media', dataDir, nativeFiles: true },
    });
    await expect(invoke(trustedEvent(win?.webContents, 'https://evil.example/'), undefined)).resolves.toMatchObject({ ok: false, error: { kind: 'invalid_input' } });
    await expect(invoke(trustedEvent({ id: 999 }), undefined)).resolves.toMatchObject({ ok: false });
  });

  it('serves the renderer from app:// and nothing outside it', async () => {
    const serve = fake.serve;
    const page = await serve('app://veo/');
    expect(page?.status).toBe(200);
    expect(page?.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await page?.text()).toContain('<title>Veo Studio</title>');
    expect((await serve('app://veo/%2e%2e%2f%2e%2e%2fmain%2fmain.cjs')).status).toBe(404);
    expect((await serve('app://veo/missing.js')).status).toBe(404);
  });

  it('names library media on the page\'s own origin and streams it with Range support, confined to the media folder', async () => {
    const bytes = Buffer.from(Array.from({ length: 1000 }, (_, i) => i % 256));
    await mkdir(path.join(dataDir, 'library', 'media', 'job1'), { recursive: true });
    await writeFile(path.join(dataDir, 'library', 'media', 'job1', 'video.mp4'), bytes);
    const handler = fake.ipcHandlers.get('app:info') as (event: unknown, payload: unknown) => Promise<{ value: AppInfo }>;
    const { mediaBase } = (await handler(trustedEvent(fake.windows[0]?.webContents), undefined)).value;
    // The URL the renderer builds (shared/media-url.ts) for a library video: same origin as the
    // page, so a frame drawn from it never taints the canvas (toBlob keeps working).
    const url = mediaUrl(mediaBase, 'media/job1/video.mp4')!;
    expect(url).toBe('app://veo/media/media/job1/video.mp4');
    expect(originOf(url)).toBe(originOf(fake.windows[0]?.loadedUrl));
    expect(fake.protocolHandlers.has('veo-media')).toBe(false);

    const serve = fake.serve;
    const partial = await serve(url, { headers: { range: 'bytes=100-199' } });
    expect(partial?.status).toBe(206);
    expect(partial?.headers.get('content-range')).toBe('bytes 100-199/1000');
    expect(partial?.headers.get('content-type')).toBe('video/mp4');
    expect(Buffer.from(await (partial as Response).arrayBuffer())).toEqual(bytes.subarray(100, 200));
    const whole = await serve(url);
    expect(whole?.status).toBe(200);
    expect((await (whole as Response).arrayBuffer()).byteLength).toBe(1000);

    for (const bad of ['app://veo/media/media/job1/..%2f..%2flibrary.jsonl', 'app://veo/media/library.jsonl', 'app://veo/media/%2e%2e/%2e%2e/settings.json']) {
      expect((await serve(bad)).status, bad).toBeGreaterThanOrEqual(400);
    }
    // Another host on the scheme is not the library: it gets the renderer's 404, never a file.
    expect((await serve('app://elsewhere/media/media/job1/video.mp4')).status).toBe(404);
  });

  it('claims no check Electron cannot feed: the handler is never given an initiator, so nothing reads one', async () => {
    // Electron builds the handler's Request from url, headers, method and referrer only; a guard on
    // `initiatorOrigin` would always see undefined and let everything through while tests that set
    // it by hand passed. Confinement is the navigation guards plus the non-CORS scheme instead.
    const bundle = await readFile(path.join(booted.appPath, 'dist', 'main', 'main.cjs'), 'utf8');
    expect(bundle).not.toMatch(/initiatorOrigin/);
    expect('initiatorOrigin' in protocolRequest('app://veo/media/x.mp4')).toBe(false);
  });

  it('guards the window: navigation, window.open, permissions', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const contents = fake.windows[0]?.webContents;
    const away = fakeEvent({ url: 'https://evil.example/' });
    contents?.emit('will-navigate', away);
    expect(away.defaultPrevented).toBe(true);
    expect(warn).toHaveBeenCalledWith('[veo] blocked navigation to https://evil.example/');
    warn.mockRestore();
    const within = fakeEvent({ url: 'app://veo/library' });
    contents?.emit('will-navigate', within);
    expect(within.defaultPrevented).toBe(false);
    expect(contents?.windowOpenHandler?.({ url: 'https://fal.ai/' } as never)).toEqual({ action: 'deny' });

    const answers: boolean[] = [];
    const request = fake.permissions.request as (c: unknown, p: string, cb: (ok: boolean) => void, d: unknown) => void;
    request(contents, 'media', (ok) => answers.push(ok), { requestingUrl: 'app://veo/' });
    request(contents, 'clipboard-sanitized-write', (ok) => answers.push(ok), { requestingUrl: 'app://veo/' });
    expect(answers).toEqual([false, true]);
  });

  it('File ▸ Open Image… opens the chooser in main with image filters and hands the path on like "Open with"', async () => {
    const picture = path.join(dataDir, 'fox.png');
    await writeFile(picture, 'x');
    fake.openDialog.next = { canceled: false, filePaths: [picture] };
    const file = fake.menus[0]?.items.find((m) => m.label === 'File');
    const openImage = file?.submenu?.items.find((m) => m.label === 'Open Image…');
    openImage?.click?.({}, fake.windows[0], {});
    await expect.poll(() => fake.windows[0]?.webContents.sent.filter(([c]) => c === 'app:openImage')).toEqual([['app:openImage', { path: picture }]]);
    expect(fake.openDialog.calls.at(-1)).toMatchObject({
      properties: ['openFile'],
      filters: [{ name: expect.stringMatching(/image/i), extensions: ['png', 'jpg', 'jpeg', 'webp'] }],
    });
    // The page was never asked to open a chooser of its own (it would have no user gesture).
    expect(fake.userActivationViolations).toEqual([]);
  });

  it('every menu command reaches the page, and none asks it to open a file chooser', () => {
    const sentBefore = fake.windows[0]?.webContents.sent.length ?? 0;
    const walk = (items: FakeMenuItem[]): FakeMenuItem[] => items.flatMap((m) => [m, ...walk(m.submenu?.items ?? [])]);
    const commands = walk(fake.menus[0]?.items ?? []).filter((m) => m.click && !m.role && m.label !== 'Open Image…' && m.label !== 'Open Data Folder' && !/About the Veo/.test(m.label ?? ''));
    expect(commands.length).toBeGreaterThanOrEqual(5);
    for (const item of commands) item.click?.({}, fake.windows[0], {});
    return expect
      .poll(() => (fake.windows[0]?.webContents.sent.length ?? 0) - sentBefore)
      .toBe(commands.length)
      .then(() => expect(fake.userActivationViolations).toEqual([]));
  });

  it('shows a context menu: spelling suggestions, Add to Dictionary, the edit roles, Copy Image', () => {
    const contents = fake.windows[0]?.webContents;
    const editFlags = { canUndo: true, canRedo: false, canCut: true, canCopy: true, canPaste: true, canSelectAll: true, canDelete: true, canEditRichly: false };
    const base = { x: 12, y: 34, selectionText: '', hasImageContents: false, mediaType: 'none', misspelledWord: '', dictionarySuggestions: [] as string[], isEditable: false, editFlags };
    contents?.emit('context-menu', fakeEvent(), { ...base, isEditable: true, misspelledWord: 'snwo', dictionarySuggestions: ['snow', 'sow'] });
    const menu = fake.popups.at(-1)?.items ?? [];
    // As Electron builds the items: roles lower-cased, each with its default label.
    expect(menu.map((m) => (m.type === 'separator' ? '-' : m.label))).toEqual(['snow', 'sow', 'Add to Dictionary', '-', 'Undo', 'Redo', '-', 'Cut', 'Copy', 'Paste', 'Paste and Match Style', 'Select All']);
    expect(menu.filter((m) => m.role).map((m) => m.role)).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'pasteandmatchstyle', 'selectall']);
    menu[0]?.click?.();
    menu[2]?.click?.();
    expect(contents?.edits).toContain('replaceMisspelling snow');
    expect(fake.spellingAdded).toEqual(['snwo']);

    contents?.emit('context-menu', fakeEvent(), { ...base, mediaType: 'image', hasImageContents: true });
    const image = fake.popups.at(-1)?.items ?? [];
    expect(image.map((m) => m.label)).toEqual(['Copy Image']);
    image[0]?.click?.();
    expect(contents?.edits).toContain('copyImageAt 12,34');

    const shown = fake.popups.length;
    contents?.emit('context-menu', fakeEvent(), base);
    expect(fake.popups).toHaveLength(shown); // nothing to offer on plain page chrome: no empty menu
  });

  it('speaks the Language the page chooses: the menu is rebuilt, the right-click menu follows', async () => {
    const contents = fake.windows[0]?.webContents;
    const handler = fake.ipcHandlers.get('settings:update') as (event: unknown, payload: unknown) => unknown;
    const setLanguage = (language: string) => Promise.resolve(handler(trustedEvent(contents), { language }));
    const topLabels = () => fake.menus.at(-1)?.items.map((m) => m.label);
    const rightClick = () => {
      const editFlags = { canUndo: true, canRedo: true, canCut: true, canCopy: true, canPaste: true, canSelectAll: true };
      contents?.emit('context-menu', fakeEvent(), { x: 0, y: 0, selectionText: '', hasImageContents: false, mediaType: 'none', misspelledWord: '', dictionarySuggestions: [], isEditable: true, editFlags });
      return fake.popups.at(-1)?.items.filter((m) => m.type !== 'separator').map((m) => m.label);
    };
    expect(topLabels()).toEqual(['File', 'Edit', 'View', 'Window', 'Help']);

    await expect(setLanguage('zh-CN')).resolves.toMatchObject({ ok: true, value: { language: 'zh-CN' } });
    expect(topLabels()).toEqual(['文件', '编辑', '视图', '窗口', '帮助']);
    const file = fake.menus.at(-1)?.items[0]?.submenu?.items.map((m) => m.label);
    expect(file).toEqual(expect.arrayContaining(['打开图片…', '生成', '打开数据文件夹', '退出']));
    expect(rightClick()).toEqual(['撤销', '重做', '剪切', '复制', '粘贴', '粘贴并匹配样式', '全选']);

    // Back to "system" on an English OS: English again, Electron's own role labels.
    await setLanguage('system');
    expect(topLabels()).toEqual(['File', 'Edit', 'View', 'Window', 'Help']);
    expect(rightClick()).toEqual(['Undo', 'Redo', 'Cut', 'Copy', 'Paste', 'Paste and Match Style', 'Select All']);
  });

  it('models the rules a lenient fake would hide: page-origin media is readable, a foreign non-CORS scheme is opaque', async () => {
    // The app's own layout, as the renderer builds it: readable (the canvas of "Continue from this frame" stays clean).
    const handler = fake.ipcHandlers.get('app:info') as (event: unknown, payload: unknown) => Promise<{ value: AppInfo }>;
    const { mediaBase } = (await handler(trustedEvent(fake.windows[0]?.webContents), undefined)).value;
    expect(fake.canvasCanRead(fake.windows[0]?.loadedUrl ?? '', mediaUrl(mediaBase, 'media/job1/video.mp4') ?? '')).toBe(true);
    expect(fake.canvasCanRead('app://veo/index.html', 'app://veo/media/job1/video.mp4')).toBe(true);
    expect(fake.canvasCanRead('app://veo/index.html', 'other-scheme://library/media/job1/video.mp4')).toBe(false);
    const contents = fake.windows[0]?.webContents;
    const violations = fake.userActivationViolations.length;
    contents?.send('app:command', 'file:open-image');
    expect(fake.userActivationViolations).toHaveLength(violations + 1);
    fake.userActivationViolations.splice(violations);
  });

  it('quits gracefully: window position saved, handlers removed, library released', async () => {
    fake.electron.app.quit();
    await fake.quitDone;
    expect(JSON.parse(await readFile(path.join(dataDir, 'window-state.json'), 'utf8'))).toEqual({ x: 10, y: 20, width: 1111, height: 777, maximized: false });
    expect(fake.ipcHandlers.size).toBe(0);
    expect(existsSync(path.join(dataDir, 'library', 'library.lock'))).toBe(false);
  });
});
