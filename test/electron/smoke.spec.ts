// Launches the built desktop app with Playwright's Electron driver (`npm run test:electron`) and
// checks what the fake Electron of test/unit/electron cannot: the window on app://, the
// contextBridge API and no Node in the page; a frame captured from a library video (canvas not
// tainted), media served with Range, a picture prepared by the real main process (sharp-wasm32),
// every menu command, File ▸ Open Image…, the context menu (as Electron labels it) and a crashed page
// reloading itself.
// Skipped where no Electron binary is installed (this repository's CI cannot download one).
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { electronBinary } from '../../scripts/electron-binary.mjs';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const ASSETS = path.join(ROOT, 'electron', 'core', 'simulator', 'assets');
/** A video placed in the library before launch, served by the media scheme like any finished job's. */
const LIBRARY_VIDEO = 'media/smoke-job/video.mp4';

const binary = electronBinary(ROOT);
test.skip(!binary, 'No Electron binary in node_modules/electron (it cannot be downloaded here); the shell is covered by test/unit/electron.');

let app: ElectronApplication;
let page: Page;
let dataDir: string;

test.beforeAll(async () => {
  // The app loads dist/main, dist/preload and dist/renderer: build them as `npm start` would.
  execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
  dataDir = mkdtempSync(path.join(tmpdir(), 'veo-electron-smoke-'));
  mkdirSync(path.join(dataDir, 'library', path.dirname(LIBRARY_VIDEO)), { recursive: true });
  cpSync(path.join(ASSETS, 'sample.mp4'), path.join(dataDir, 'library', LIBRARY_VIDEO));
  const runningAsRoot = process.getuid?.() === 0;
  app = await electron.launch({
    executablePath: binary,
    args: [...(runningAsRoot ? ['--no-sandbox'] : []), '.'],
    cwd: ROOT,
    env: { ...process.env, VEO_STUDIO_DATA_DIR: dataDir },
  });
  page = await app.firstWindow();
  await page.waitForLoadState('domcontentloaded');
});

test.afterAll(async () => {
  await app?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

test('opens the window on the app:// origin with its title', async () => {
  await expect(page).toHaveTitle(/Veo Studio/);
  expect(page.url()).toMatch(/^app:\/\/veo\//);
  const windows = await app.evaluate(({ BrowserWindow }) =>
    BrowserWindow.getAllWindows().map((w) => ({ visible: w.isVisible(), min: w.getMinimumSize() })),
  );
  expect(windows).toHaveLength(1);
  expect(windows[0]?.min).toEqual([900, 600]);
});

test('exposes the contract API through the contextBridge and nothing of Node', async () => {
  const shape = await page.evaluate(() => {
    const w = window as unknown as Record<string, unknown> & { veo?: Record<string, Record<string, unknown>> };
    return {
      createJob: typeof w.veo?.jobs?.create,
      on: typeof w.veo?.on,
      pathForFile: typeof w.veo?.files?.pathForFile,
      startDrag: typeof w.veo?.startDrag,
      invoke: typeof (w.veo as Record<string, unknown> | undefined)?.invoke,
      require: typeof w.require,
      process: typeof w.process,
      module: typeof w.module,
    };
  });
  expect(shape).toEqual({
    createJob: 'function',
    on: 'function',
    pathForFile: 'function',
    startDrag: 'function',
    invoke: 'undefined',
    require: 'undefined',
    process: 'undefined',
    module: 'undefined',
  });
});

test('answers a contract call through the router', async () => {
  const info = await page.evaluate(async () => {
    const veo = (window as unknown as { veo: { app: { info(): Promise<{ ok: boolean; value?: { face: string; mediaBase: string } }> } } }).veo;
    return veo.app.info();
  });
  expect(info).toMatchObject({ ok: true, value: { face: 'electron', mediaBase: 'app://veo/media' } });
});

type VeoInfo = { ok: boolean; value: { mediaBase: string } };
const mediaUrl = (page: Page): Promise<string> =>
  page.evaluate(async (rel) => {
    const veo = (window as unknown as { veo: { app: { info(): Promise<VeoInfo> } } }).veo;
    return `${(await veo.app.info()).value.mediaBase}/${rel}`;
  }, LIBRARY_VIDEO);

test('serves library media with Range (206), so <video> can seek', async () => {
  const url = await mediaUrl(page);
  const answer = await page.evaluate(async (u) => {
    const res = await fetch(u, { headers: { Range: 'bytes=0-99' } });
    return { status: res.status, range: res.headers.get('content-range'), bytes: (await res.arrayBuffer()).byteLength };
  }, url);
  expect(answer).toMatchObject({ status: 206, range: expect.stringMatching(/^bytes 0-99\//), bytes: 100 });
});

test('captures a frame from a library video (the canvas is not tainted)', async () => {
  const url = await mediaUrl(page);
  const captured = await page.evaluate(async (u) => {
    const video = document.createElement('video');
    video.muted = true;
    video.src = u;
    await new Promise<void>((resolve, reject) => {
      video.onloadeddata = () => resolve();
      video.onerror = () => reject(new Error(`video error ${video.error?.code ?? '?'}`));
    });
    const canvas = document.createElement('canvas');
    canvas.width = video.videoWidth;
    canvas.height = video.videoHeight;
    canvas.getContext('2d')?.drawImage(video, 0, 0);
    // Throws "Tainted canvases may not be exported" when the media origin is opaque to the page.
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg'));
    return { width: canvas.width, bytes: blob?.size ?? 0 };
  }, url);
  expect(captured.width).toBeGreaterThan(0);
  expect(captured.bytes).toBeGreaterThan(0);
});

test('prepares a dropped picture in the real main process (sharp-wasm32, no native libvips)', async () => {
  const base64 = readFileSync(path.join(ASSETS, 'sample-input.jpg')).toString('base64');
  const prepared = await page.evaluate(async (b64) => {
    const veo = (window as unknown as { veo: { image: { prepare(s: unknown): Promise<{ ok: boolean; value?: { previewDataUri?: string; width?: number } }> } } }).veo;
    return veo.image.prepare({ kind: 'bytes', name: 'dropped.jpg', base64: b64 });
  }, base64);
  expect(prepared).toMatchObject({ ok: true, value: { previewDataUri: expect.stringMatching(/^data:image\/jpeg;base64,/), width: expect.any(Number) } });
  // No native sharp module was required, and (Linux) no libvips is mapped into the main process.
  const natives = await app.evaluate(() => {
    const req = (process as unknown as { mainModule?: NodeJS.Require & { require: NodeJS.Require } }).mainModule?.require;
    const modules = Object.keys(req?.cache ?? {}).filter((f) => /sharp-(linux|darwin|win32)|libvips/.test(f));
    const fs = req?.('node:fs') as { readFileSync(p: string, enc: 'utf8'): string } | undefined;
    const maps = process.platform === 'linux' && fs ? fs.readFileSync('/proc/self/maps', 'utf8') : '';
    return [...modules, ...(maps.includes('libvips') ? ['libvips mapped'] : [])];
  });
  expect(natives).toEqual([]);
});

test('runs every menu command without an error, File ▸ Open Image… through the native dialog', async () => {
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(err.message));
  const picture = path.join(ASSETS, 'sample-input.jpg');
  const clicked = await app.evaluate(({ Menu, dialog }, chosen) => {
    // The user's choice in the native dialog (it cannot be clicked from here).
    dialog.showOpenDialog = (() => Promise.resolve({ canceled: false, filePaths: [chosen] })) as typeof dialog.showOpenDialog;
    const labels: string[] = [];
    const skip = /^(Open Data Folder|About the Veo 3 Model)$/; // they open other apps
    const walk = (items: Electron.MenuItem[]): void => {
      for (const item of items) {
        if (item.submenu) walk(item.submenu.items);
        else if (!item.role && item.label && !skip.test(item.label) && item.type === 'normal') {
          item.click();
          labels.push(item.label);
        }
      }
    };
    walk(Menu.getApplicationMenu()?.items ?? []);
    return labels;
  }, picture);
  expect(clicked).toEqual(expect.arrayContaining(['Open Image…', 'Create', 'Library', 'Settings', 'Find in Library', 'Generate']));
  // Open Image… was last of the File items clicked; its picture lands in Create's drop zone.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: /^Create/ }).click();
  await expect(page.getByRole('img', { name: /Preview of/ })).toBeVisible();
  expect(errors).toEqual([]);
});

test('shows a context menu with the edit roles on the prompt', async () => {
  await app.evaluate(({ Menu }) => {
    const g = globalThis as { veoPopups?: string[][] };
    g.veoPopups = [];
    Menu.prototype.popup = function popup(this: Electron.Menu) {
      // Electron lower-cases roles and gives role items their default labels (menu-item.ts).
      g.veoPopups?.push(this.items.map((i) => i.label));
    };
  });
  const prompt = page.locator('textarea').first();
  await prompt.fill('A fox runs thruogh fresh snow');
  await prompt.click({ button: 'right' });
  await expect
    .poll(() => app.evaluate(() => (globalThis as { veoPopups?: string[][] }).veoPopups?.at(-1) ?? []))
    .toEqual(expect.arrayContaining(['Cut', 'Copy', 'Paste', 'Select All']));
});

test('opens no second window from the page, and keeps it on the app origin', async () => {
  expect(await page.evaluate(() => window.open('https://example.com/') === null)).toBe(true);
  expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
  // A top-level navigation away reaches will-navigate, where the guard refuses it.
  // Install the listener first (and wait for that), so the navigation cannot overtake it.
  await app.evaluate(({ BrowserWindow }) => {
    (globalThis as { veoNavigationRefused?: Promise<boolean> }).veoNavigationRefused = new Promise<boolean>((resolve) => {
      BrowserWindow.getAllWindows()[0]?.webContents.once('will-navigate', (event) => {
        setImmediate(() => resolve(event.defaultPrevented)); // after the guard's own listener
      });
    });
  });
  await page.evaluate(() => {
    window.location.href = 'https://example.com/';
  });
  const refused = await app.evaluate(() => (globalThis as { veoNavigationRefused?: Promise<boolean> }).veoNavigationRefused);
  expect(refused).toBe(true);
  expect(page.url()).toMatch(/^app:\/\/veo\//);
});

// Last on purpose: it reloads the page the tests above share. Read through main (not `page`), whose
// Playwright handle may not survive its renderer.
test('a crashed page comes back by itself (electron/main/page-recovery.ts)', async () => {
  await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.webContents.forcefullyCrashRenderer());
  await expect
    .poll(
      () =>
        app.evaluate(async ({ BrowserWindow }) => {
          const contents = BrowserWindow.getAllWindows()[0]?.webContents;
          if (!contents || contents.isCrashed() || contents.isLoading()) return 0;
          return (await contents.executeJavaScript('document.getElementById("root")?.childElementCount ?? 0')) as number;
        }),
      { timeout: 30_000 },
    )
    .toBeGreaterThan(0);
});
