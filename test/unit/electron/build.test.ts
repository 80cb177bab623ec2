// Builds the main process and the preload into a temp dir with the real script, then checks the
// bundles: what they require, the import.meta shim, the simulator assets, and — by running the
// preload bundle against a fake 'electron' — that it exposes exactly the derived API.
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INVOKE_CHANNELS, splitChannel } from '../../../shared/contract';
import RUNTIME_DEPS from '../../../shared/runtime-deps.json';
import { buildDesktopPreflight } from '../../../scripts/desktop-preflight.mjs';

const ROOT = path.resolve(import.meta.dirname, '..', '..', '..');
let out: string;
let mainCode: string;
let preloadCode: string;

const requiresOf = (code: string): string[] => [...new Set([...code.matchAll(/\brequire\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((m) => m[1] ?? ''))].sort();

beforeAll(async () => {
  out = await mkdtemp(path.join(tmpdir(), 'veo-electron-build-'));
  await promisify(execFile)(process.execPath, [path.join(ROOT, 'scripts', 'build-electron.mjs'), '--outdir', out], { cwd: ROOT });
  mainCode = await readFile(path.join(out, 'main', 'main.cjs'), 'utf8');
  preloadCode = await readFile(path.join(out, 'preload', 'preload.cjs'), 'utf8');
}, 60_000);

afterAll(async () => {
  if (out) await rm(out, { recursive: true, force: true });
});

describe('build-electron.mjs', () => {
  it('bundles the main process as CommonJS with only the shared run-time list left external', () => {
    const required = requiresOf(mainCode);
    const packageOf = (m: string) => (m.startsWith('@') ? m.split('/').slice(0, 2).join('/') : (m.split('/')[0] ?? ''));
    const builtins = new Set(['child_process', 'fs']);
    const external = [...new Set(required.filter((m) => !m.startsWith('node:') && !builtins.has(m)).map(packageOf))].sort();
    expect(external).toEqual([...RUNTIME_DEPS.external].sort());
    // keytar's lazy import became a require (no ESM loader inside app.asar).
    expect(mainCode).not.toMatch(/\bimport\(\s*["']keytar["']\s*\)/);
  });

  it('never requires native sharp or libvips: sharp resolves to its WebAssembly build', () => {
    expect(requiresOf(mainCode).filter((m) => /^sharp$|^@img\/sharp-(?!wasm32)/.test(m))).toEqual([]);
  });

  it('runs the core preflight on sharp-wasm32 when built like main, even with native sharp installed', async () => {
    // Inside the repository so the bundle's external (@img/sharp-wasm32) resolves from node_modules.
    const file = path.join(ROOT, 'node_modules', '.cache', 'veo-test', `desktop-preflight-${process.pid}.cjs`);
    await buildDesktopPreflight(file);
    try {
      const desktop = createRequire(import.meta.url)(file) as {
        sharpVersions: Record<string, string>;
        prepareImageFile: (p: string) => Promise<{ payload: { dataUri: string }; thumbnail: Buffer }>;
      };
      expect(desktop.sharpVersions.emscripten).toBeTruthy();
      const prepared = await desktop.prepareImageFile(path.join(ROOT, 'electron', 'core', 'simulator', 'assets', 'sample-input.jpg'));
      expect(prepared.payload.dataUri).toMatch(/^data:image\/jpeg;base64,/);
      expect(prepared.thumbnail.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
    } finally {
      await rm(file, { force: true });
    }
  }, 60_000);

  it('points import.meta.url at the bundle and ships the simulator assets beside it', async () => {
    expect(mainCode.startsWith("const __veo_import_meta_url = require('node:url').pathToFileURL(__filename).href;")).toBe(true);
    expect(mainCode).not.toContain('import.meta');
    expect(mainCode).not.toMatch(/\bimport_meta\s*=\s*\{\}/);
    expect(mainCode).toContain('new URL("./assets/sample.mp4", __veo_import_meta_url)');
    for (const asset of ['sample.mp4', 'sample-input.jpg']) {
      const built = await stat(path.join(out, 'main', 'assets', asset));
      const source = await stat(path.join(ROOT, 'electron', 'core', 'simulator', 'assets', asset));
      expect(built.size, asset).toBe(source.size);
    }
  });

  it('bundles the preload into one file that requires nothing but electron', () => {
    expect(requiresOf(preloadCode)).toEqual(['electron']);
    expect(preloadCode).not.toMatch(/\bimport\(/);
  });

  it('exposes exactly the derived API when the preload runs against a fake electron', () => {
    const exposed = new Map<string, unknown>();
    const invoked: string[] = [];
    const fakeElectron = {
      contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
      ipcRenderer: {
        invoke: (channel: string) => {
          invoked.push(channel);
          return Promise.resolve({ ok: true, value: null });
        },
        on: () => undefined,
        removeListener: () => undefined,
        send: () => undefined,
      },
      webUtils: { getPathForFile: () => '/x' },
    };
    const fakeRequire = (name: string): unknown => {
      if (name !== 'electron') throw new Error(`the sandboxed preload cannot require ${name}`);
      return fakeElectron;
    };
    const module = { exports: {} };
    new Function('require', 'module', 'exports', preloadCode)(fakeRequire, module, module.exports);

    expect([...exposed.keys()]).toEqual(['veo']);
    const api = exposed.get('veo') as Record<string, Record<string, () => Promise<unknown>>>;
    for (const channel of INVOKE_CHANNELS) {
      const [domain, verb] = splitChannel(channel);
      void api[domain]?.[verb]?.();
    }
    expect(invoked).toEqual(INVOKE_CHANNELS);
  });
});
