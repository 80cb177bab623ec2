// Boots the BUILT main bundle against the fake 'electron' (as main-bundle.test.ts does) and checks
// "Open with Veo Studio" end to end: pictures from the first launch's argv and from a macOS
// 'open-file' sent before `ready` reach the page once it has loaded, and so does a second launch's.
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFakeElectron, fakeEvent, type FakeElectron } from './fake-electron';

const ROOT = path.resolve(import.meta.dirname, '..', '..', '..');
const FAKE_ELECTRON_ID = 'veo-test:fake-electron-open-files';
const nodeRequire = createRequire(import.meta.url);
type ModuleInternals = {
  _resolveFilename: (request: string, parent: unknown, isMain: boolean, options?: unknown) => string;
  _cache: Record<string, unknown>;
};
const Module = nodeRequire('node:module') as ModuleInternals;
const originalResolve = Module._resolveFilename;
const savedArgv = process.argv;
const savedEnv = { data: process.env.VEO_STUDIO_DATA_DIR, dev: process.env.VEO_DEV_SERVER_URL };

let appPath: string;
let pictures: string;
let fake: FakeElectron;
const picture = (name: string) => path.join(pictures, name);
const openedPaths = () =>
  (fake.windows[0]?.webContents.sent ?? []).filter(([channel]) => channel === 'app:openImage').map(([, payload]) => (payload as { path: string }).path);

beforeAll(async () => {
  appPath = await mkdtemp(path.join(tmpdir(), 'veo-open-files-bundle-'));
  pictures = path.join(appPath, 'pictures');
  await mkdir(pictures);
  for (const name of ['fox.png', 'bee.webp', 'owl.jpeg', 'notes.txt']) await writeFile(picture(name), 'x');
  await promisify(execFile)(process.execPath, [path.join(ROOT, 'scripts', 'build-electron.mjs'), '--outdir', path.join(appPath, 'dist')], { cwd: ROOT });
  await mkdir(path.join(appPath, 'dist', 'renderer'), { recursive: true });
  await writeFile(path.join(appPath, 'dist', 'renderer', 'index.html'), '<!doctype html><title>Veo Studio</title>');

  fake = createFakeElectron({ appPath, tmpDir: appPath });
  Module._cache[FAKE_ELECTRON_ID] = { id: FAKE_ELECTRON_ID, filename: FAKE_ELECTRON_ID, loaded: true, exports: fake.electron, children: [] };
  Module._resolveFilename = function (request, parent, isMain, options) {
    if (request === 'electron') return FAKE_ELECTRON_ID;
    try {
      return originalResolve.call(this, request, parent, isMain, options);
    } catch (err) {
      if (request.startsWith('.') || request.startsWith('node:')) throw err;
      return originalResolve.call(this, request, parent, isMain, { paths: [ROOT] });
    }
  };
  process.env.VEO_STUDIO_DATA_DIR = path.join(appPath, 'user data');
  delete process.env.VEO_DEV_SERVER_URL;
  // A first launch by "Open with": the picture (and a file that is not one) on the command line.
  process.argv = [process.execPath, picture('fox.png'), '--some-chromium-switch', picture('notes.txt')];
  try {
    nodeRequire(path.join(appPath, 'dist', 'main', 'main.cjs'));
  } finally {
    process.argv = savedArgv;
  }
}, 60_000);

afterAll(async () => {
  process.argv = savedArgv;
  Module._resolveFilename = originalResolve;
  delete Module._cache[FAKE_ELECTRON_ID];
  for (const [key, value] of [['VEO_STUDIO_DATA_DIR', savedEnv.data], ['VEO_DEV_SERVER_URL', savedEnv.dev]] as const) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  if (appPath) await rm(appPath, { recursive: true, force: true });
});

describe('opening pictures handed over by the OS', () => {
  it('takes macOS open-file before ready, and delivers it with the launch argv once the page loads', async () => {
    const openFile = fakeEvent();
    fake.electron.app.emit('open-file', openFile, picture('bee.webp'));
    expect(openFile.defaultPrevented).toBe(true);
    expect(fake.windows).toHaveLength(0);

    fake.becomeReady();
    await fake.windowLoaded;
    await expect.poll(openedPaths).toEqual([picture('fox.png'), picture('bee.webp')]);
  });

  it('delivers the pictures of a second launch (paths and file:// URLs), ignoring everything else', async () => {
    const argv = ['veo-studio', '--allow-file-access-from-files', 'owl.jpeg', pathToFileURL(picture('fox.png')).href, 'notes.txt', 'missing.png'];
    fake.electron.app.emit('second-instance', fakeEvent(), argv, pictures, {});
    await expect.poll(openedPaths).toEqual([picture('fox.png'), picture('bee.webp'), picture('owl.jpeg'), picture('fox.png')]);
    expect(fake.windows).toHaveLength(1);
  });

  it('quits gracefully afterwards', async () => {
    fake.electron.app.quit();
    await fake.quitDone;
    expect(fake.ipcHandlers.size).toBe(0);
  });
});
