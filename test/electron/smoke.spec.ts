// Launches the built desktop app with Playwright's Electron driver and checks the shell's promises:
// the window opens on app://, the contextBridge API is there, and no Node reaches the page.
// Skipped where no Electron binary is installed (this repository's CI cannot download one).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

/**
 * Where `require('electron')` would point — found without requiring it, because the electron
 * package's index.js starts a download when the binary is missing.
 */
function electronBinary(): string | undefined {
  const pkg = path.join(ROOT, 'node_modules', 'electron');
  const pathFile = path.join(pkg, 'path.txt');
  if (!existsSync(pathFile)) return undefined;
  const relative = readFileSync(pathFile, 'utf8').trim();
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const binary = override ? path.join(override, relative || 'electron') : path.join(pkg, 'dist', relative);
  return existsSync(binary) ? binary : undefined;
}

const binary = electronBinary();
test.skip(!binary, 'No Electron binary in node_modules/electron (it cannot be downloaded here); the shell is covered by test/unit/electron.');

let app: ElectronApplication;
let page: Page;
let dataDir: string;

test.beforeAll(async () => {
  // The app loads dist/main, dist/preload and dist/renderer: build them as `npm start` would.
  execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
  dataDir = mkdtempSync(path.join(tmpdir(), 'veo-electron-smoke-'));
  const runningAsRoot = process.getuid?.() === 0;
  app = await electron.launch({
    executablePath: binary,
    args: [...(runningAsRoot ? ['--no-sandbox'] : []), '.'],
    cwd: ROOT,
    env: { ...process.env, VEO_STUDIO_DATA_DIR: dataDir, VEO_DEV_SERVER_URL: '' },
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
