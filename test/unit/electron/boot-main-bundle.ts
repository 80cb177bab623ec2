// Builds the real main bundle into a temp app folder and boots it under plain Node with 'electron'
// resolved to the fake (fake-electron.ts). The one way every bundle test starts the app.
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { createFakeElectron, type FakeElectron } from './fake-electron';

export const ROOT = path.resolve(import.meta.dirname, '..', '..', '..');
const nodeRequire = createRequire(import.meta.url);
type ModuleInternals = {
  _resolveFilename: (request: string, parent: unknown, isMain: boolean, options?: unknown) => string;
  _cache: Record<string, unknown>;
};
const Module = nodeRequire('node:module') as ModuleInternals;

export interface BootedMain {
  fake: FakeElectron;
  appPath: string;
  dataDir: string;
  /** Restores module resolution, argv and env, and removes the temp app. */
  dispose(): Promise<void>;
}

export interface BootOptions {
  /** process.argv while the bundle loads (a first launch by "Open with"). */
  argv?: string[];
  /** Runs before the bundle loads, e.g. to create files the test hands over. */
  prepare?(appPath: string): Promise<void>;
}

let boots = 0;

export async function bootMainBundle(opts: BootOptions = {}): Promise<BootedMain> {
  const appPath = await mkdtemp(path.join(tmpdir(), 'veo-main-bundle-'));
  const dataDir = path.join(appPath, 'user data');
  await promisify(execFile)(process.execPath, [path.join(ROOT, 'scripts', 'build-electron.mjs'), '--outdir', path.join(appPath, 'dist')], { cwd: ROOT });
  await mkdir(path.join(appPath, 'dist', 'renderer'), { recursive: true });
  await writeFile(path.join(appPath, 'dist', 'renderer', 'index.html'), '<!doctype html><title>Veo Studio</title>');
  await opts.prepare?.(appPath);

  const fake = createFakeElectron({ appPath, tmpDir: appPath });
  const fakeId = `veo-test:fake-electron-${++boots}`;
  const originalResolve = Module._resolveFilename;
  const savedArgv = process.argv;
  const savedEnv = { VEO_STUDIO_DATA_DIR: process.env.VEO_STUDIO_DATA_DIR, VEO_DEV_SERVER_URL: process.env.VEO_DEV_SERVER_URL };
  // The removed dev-server switch: set, it must change nothing (main-bundle.test.ts checks the URL).
  process.env.VEO_DEV_SERVER_URL = 'http://localhost:5173';
  // 'electron' → the fake; keytar and sharp-wasm32 resolve from the repository (the bundle is in a temp dir).
  Module._cache[fakeId] = { id: fakeId, filename: fakeId, loaded: true, exports: fake.electron, children: [] };
  Module._resolveFilename = function (request, parent, isMain, options) {
    if (request === 'electron') return fakeId;
    try {
      return originalResolve.call(this, request, parent, isMain, options);
    } catch (err) {
      if (request.startsWith('.') || request.startsWith('node:')) throw err;
      return originalResolve.call(this, request, parent, isMain, { paths: [ROOT] });
    }
  };
  process.env.VEO_STUDIO_DATA_DIR = dataDir;
  if (opts.argv) process.argv = opts.argv;
  try {
    nodeRequire(path.join(appPath, 'dist', 'main', 'main.cjs'));
  } finally {
    process.argv = savedArgv;
  }
  return {
    fake,
    appPath,
    dataDir,
    async dispose() {
      Module._resolveFilename = originalResolve;
      delete Module._cache[fakeId];
      for (const [key, value] of Object.entries(savedEnv)) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
      await rm(appPath, { recursive: true, force: true });
    },
  };
}
