// Packages Veo Studio the way `npm run pack` does on Linux (against a stub Electron, see
// package-linux-dir.ts) and checks what would ship: the archive holds exactly what runs, native
// code sits outside it, the bundles' run-time imports are all satisfied from it, the fuses are
// flipped, and the desktop entry offers "Open with" for images.
import { execFile } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { builtinModules, createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { extractAll, extractFile, listPackage, statFile } from '@electron/asar';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILT_ENTRY_POINTS, ensureAppBuilt, packageLinuxDir, REPO_ROOT, type PackagedLinuxDir } from './package-linux-dir';
import { FUSE_DISABLED, FUSE_ENABLED } from './stub-electron';

const run = promisify(execFile);
const MiB = 1024 * 1024;

/**
 * Size budget. The archive is our bundles (main ~1 MB unminified, preload, renderer, the
 * simulator's sample clip) plus small JS of the native modules; 4 MiB leaves room for the
 * renderer to grow. Unpacked is sharp's WebAssembly build (~9 MiB) and libsql's SQLite addon (~9 MiB).
 */
const ASAR_BUDGET_BYTES = 4 * MiB;
const UNPACKED_BUDGET_BYTES = 21 * MiB;

/** The fuses every packaged build must carry (the list, plus the two Electron leaves on). */
const INTENDED_FUSES = {
  runAsNode: false,
  enableCookieEncryption: false,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
  loadBrowserProcessSpecificV8Snapshot: false,
  grantFileProtocolExtraPrivileges: false,
} as const;

const FUSE_INDEX: Record<keyof typeof INTENDED_FUSES, FuseV1Options> = {
  runAsNode: FuseV1Options.RunAsNode,
  enableCookieEncryption: FuseV1Options.EnableCookieEncryption,
  enableNodeOptionsEnvironmentVariable: FuseV1Options.EnableNodeOptionsEnvironmentVariable,
  enableNodeCliInspectArguments: FuseV1Options.EnableNodeCliInspectArguments,
  enableEmbeddedAsarIntegrityValidation: FuseV1Options.EnableEmbeddedAsarIntegrityValidation,
  onlyLoadAppFromAsar: FuseV1Options.OnlyLoadAppFromAsar,
  loadBrowserProcessSpecificV8Snapshot: FuseV1Options.LoadBrowserProcessSpecificV8Snapshot,
  grantFileProtocolExtraPrivileges: FuseV1Options.GrantFileProtocolExtraPrivileges,
};

/** What main.cjs requires at run time and their dependencies: one list, shared with the bundler. */
const RUNTIME_DEPS = JSON.parse(readFileSync(path.join(REPO_ROOT, 'shared', 'runtime-deps.json'), 'utf8')) as {
  external: string[];
  archive: string[];
  unpacked: string[];
};
const ALLOWED_MODULES = new Set(RUNTIME_DEPS.archive);

// js-yaml comes with electron-builder (which parses the same file with it); it ships no types.
const { load: parseYaml } = createRequire(import.meta.url)('js-yaml') as { load(text: string): unknown };
type BuilderConfig = Record<string, unknown> & { electronFuses?: unknown; npmRebuild?: unknown };
const builderConfig = parseYaml(readFileSync(path.join(REPO_ROOT, 'electron-builder.yml'), 'utf8')) as BuilderConfig;
const packageJson = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
  main: string;
  devDependencies: Record<string, string>;
};

let workDir: string;
let pkg: PackagedLinuxDir;
/** Archive paths without the leading slash, e.g. 'dist/main/main.cjs'. */
let entries: string[];

beforeAll(async () => {
  workDir = await mkdtemp(path.join(os.tmpdir(), 'veo-packaging-'));
  await ensureAppBuilt();
  pkg = await packageLinuxDir(workDir);
  entries = listPackage(pkg.asarPath, { isPack: false }).map((p) => p.replace(/\\/g, '/').replace(/^\//, ''));
}, 170_000);

afterAll(async () => {
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

const isFileEntry = (entry: string) => !('files' in statFile(pkg.asarPath, entry));
/** 'node_modules/@img/sharp-wasm32/x.js' → '@img/sharp-wasm32'; 'node_modules/keytar/x' → 'keytar'. */
const moduleNameOf = (entry: string) => {
  const [, first = '', second = ''] = entry.split('/');
  return first.startsWith('@') ? `${first}/${second}` : first;
};
/** A scoped folder itself ('node_modules/@img') is listed too; it holds nothing by itself. */
const isScopeFolder = (entry: string) => /^node_modules\/@[^/]+$/.test(entry);

async function dirSize(dir: string): Promise<number> {
  let total = 0;
  for (const item of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (item.isFile()) total += (await stat(path.join(item.parentPath, item.name))).size;
  }
  return total;
}

describe('packaged app (linux dir, stub Electron)', () => {
  it('renames the Electron executable and puts the app in resources/app.asar', () => {
    expect(existsSync(pkg.executablePath)).toBe(true);
    expect(existsSync(pkg.asarPath)).toBe(true);
    expect(existsSync(path.join(pkg.appDir, 'resources', 'app'))).toBe(false);
    expect(existsSync(path.join(pkg.appDir, 'LICENSE.electron.txt'))).toBe(true);
  });

  it('contains the entry points and the renderer with every asset index.html references', () => {
    for (const entry of ['package.json', ...BUILT_ENTRY_POINTS]) expect(entries).toContain(entry);
    const packagedJson = JSON.parse(extractText('package.json')) as Record<string, unknown>;
    expect(packagedJson.main).toBe(packageJson.main);
    expect(entries).toContain(packageJson.main);
    expect(packagedJson).not.toHaveProperty('devDependencies');
    expect(packagedJson).not.toHaveProperty('scripts');

    // base: './' → the page loads ./assets/… relative to app://veo/, i.e. from inside the archive.
    const html = extractText('dist/renderer/index.html');
    const refs = [...html.matchAll(/(?:src|href)="\.\/([^"]+)"/g)].map((m) => m[1]);
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) expect(entries).toContain(`dist/renderer/${ref}`);
    // The simulator's sample clip is resolved next to main.cjs.
    expect(entries).toContain('dist/main/assets/sample.mp4');
  });

  it('holds only the bundles and run-time modules: no sources, tests, maps or dev dependencies', () => {
    const topLevel = new Set(entries.map((e) => e.split('/')[0]));
    expect([...topLevel].sort()).toEqual(['dist', 'node_modules', 'package.json']);
    const distDirs = new Set(entries.filter((e) => e.startsWith('dist/')).map((e) => e.split('/')[1]));
    expect([...distDirs].sort()).toEqual(['main', 'preload', 'renderer']);

    const modules = new Set(entries.filter((e) => e.startsWith('node_modules/') && !isScopeFolder(e)).map(moduleNameOf));
    // A whole scope may be allowed ("@libsql": the prebuilt addon package of whichever platform is built).
    expect([...modules].filter((m) => !ALLOWED_MODULES.has(m) && !ALLOWED_MODULES.has(m.split('/')[0] ?? ''))).toEqual([]);
    for (const dev of Object.keys(packageJson.devDependencies)) {
      expect(entries.some((e) => e === `node_modules/${dev}` || e.startsWith(`node_modules/${dev}/`))).toBe(false);
    }

    const leaked = entries.filter(
      (e) =>
        /\.(ts|tsx|mts|cts|map|cc|cpp|h|gyp|gypi|mk)$/.test(e) ||
        /(^|\/)(test|tests|__tests__|spec|src|obj\.target)(\/|$)/.test(e) ||
        /\.(test|spec)\.[cm]?js$/.test(e),
    );
    expect(leaked).toEqual([]);
  });

  // That electron-builder.yml names exactly the shared run-time list is checked without packaging,
  // in test/unit/electron/builder-config.test.ts (npm run test:fast).

  it('ships no native libvips or sharp binding: only sharp-wasm32 (native sharp crashes Electron on Linux)', () => {
    const nativeImage = entries.filter((e) => /libvips|@img\/sharp-(?!wasm32(\/|$))|node_modules\/sharp(\/|$)/.test(e));
    expect(nativeImage).toEqual([]);
    expect(entries).toContain('node_modules/@img/sharp-wasm32/package.json');
    expect(entries.some((e) => e.endsWith('.wasm'))).toBe(true);
  });

  it('keeps native code outside the archive: keytar.node and libsql\'s glibc addon are the only native files, unpacked', () => {
    const keytarNode = 'node_modules/keytar/build/Release/keytar.node';
    const libsqlNode = `node_modules/@libsql/linux-${process.arch}-gnu/index.node`;
    expect(entries).toContain(keytarNode);
    expect(statFile(pkg.asarPath, keytarNode)).toMatchObject({ unpacked: true });
    expect(statSync(path.join(pkg.unpackedDir, keytarNode)).size).toBeGreaterThan(0);

    const nativeFiles = entries.filter((e) => /\.node$|\.so(\.\d+)*$|\.dylib$|\.dll$/.test(e));
    expect(nativeFiles.sort()).toEqual([keytarNode, libsqlNode].sort());
    for (const file of nativeFiles) {
      expect(statFile(pkg.asarPath, file), file).toMatchObject({ unpacked: true });
      expect(existsSync(path.join(pkg.unpackedDir, file)), file).toBe(true);
    }
  });

  it('satisfies every run-time require of the bundles from the archive itself', async () => {
    const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`), 'electron']);
    const requiresOf = (entry: string) => new Set([...extractText(entry).matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]!));

    // A sandboxed preload may require nothing but 'electron'.
    expect([...requiresOf('dist/preload/preload.cjs')]).toEqual(['electron']);

    const external = [...requiresOf('dist/main/main.cjs')].filter((s) => !builtins.has(s));
    const externalPackages = [...new Set(external.map((s) => moduleNameOf(`node_modules/${s}`)))].sort();
    expect(externalPackages).toEqual(RUNTIME_DEPS.external.filter((m) => m !== 'electron').sort());
    for (const name of externalPackages) expect(entries).toContain(`node_modules/${name}/package.json`);

    // Load them from an extracted copy, far from the repository's node_modules: proves the
    // allow-list kept every file they need at run time (sharp's wasm binding is instantiated).
    const extracted = path.join(workDir, 'extracted');
    extractAll(pkg.asarPath, extracted);
    const probe = `
      const keytar = require('./node_modules/keytar');
      const binding = require('./node_modules/@img/sharp-wasm32/index.cjs');
      if (typeof keytar.getPassword !== 'function') throw new Error('keytar did not load');
      const Database = require('./node_modules/libsql');
      const db = new Database(':memory:');
      db.exec("CREATE VIRTUAL TABLE t USING fts5 (text, tokenize = 'trigram')");
      db.close();
      const versions = require('./node_modules/@img/sharp-wasm32/versions.json');
      const outside = Object.keys(require.cache).filter((f) => !f.startsWith(process.cwd() + require('path').sep));
      console.log(JSON.stringify({ binding: typeof binding.pipeline, emscripten: versions.emscripten, outside }));
      process.exit(0);`;
    const { stdout } = await run(process.execPath, ['-e', probe], { cwd: extracted, env: { PATH: process.env.PATH ?? '' } });
    const result = JSON.parse(stdout) as { binding: string; emscripten?: string; outside: string[] };
    expect(result.binding).toBe('function');
    expect(result.emscripten).toBeTruthy();
    expect(result.outside).toEqual([]);
  }, 60_000);

  it(`stays within the size budget (asar ≤ ${ASAR_BUDGET_BYTES / MiB} MiB, unpacked ≤ ${UNPACKED_BUDGET_BYTES / MiB} MiB)`, async () => {
    const asarBytes = statSync(pkg.asarPath).size;
    const unpackedBytes = await dirSize(pkg.unpackedDir);
    const files = entries.filter(isFileEntry).length;
    console.log(`app.asar: ${entries.length} entries (${files} files), ${(asarBytes / MiB).toFixed(2)} MiB; app.asar.unpacked: ${(unpackedBytes / MiB).toFixed(2)} MiB`);
    expect(asarBytes).toBeLessThanOrEqual(ASAR_BUDGET_BYTES);
    expect(unpackedBytes).toBeLessThanOrEqual(UNPACKED_BUDGET_BYTES);
  });

  it('configures the intended fuses and flips them in the packaged executable', async () => {
    // resetAdHocDarwinSignature is no fuse: it re-signs a macOS app ad hoc after the flip, without
    // which an unsigned arm64 build is killed at launch (@electron/fuses README, "Apple Silicon").
    expect(builderConfig.electronFuses).toEqual({ ...INTENDED_FUSES, resetAdHocDarwinSignature: true });
    const wire = (await getCurrentFuseWire(pkg.executablePath)) as unknown as Record<number, number>;
    for (const [name, enabled] of Object.entries(INTENDED_FUSES) as Array<[keyof typeof INTENDED_FUSES, boolean]>) {
      expect({ fuse: name, state: wire[FUSE_INDEX[name]] }).toEqual({ fuse: name, state: enabled ? FUSE_ENABLED : FUSE_DISABLED });
    }
  });

  it('does not rebuild keytar for Electron: it is N-API, one binary for every ABI (docs/packaging.md)', () => {
    expect(builderConfig.npmRebuild).toBe(false);
  });

  it('offers "Open with Veo Studio" for images in the Linux desktop entry', async () => {
    const entry = parseDesktopEntry(await readFile(pkg.desktopEntryPath, 'utf8'));
    expect(entry.Name).toBe('Veo Studio');
    expect(entry.Type).toBe('Application');
    expect(entry.Icon).toBe('veo-studio');
    expect(entry.Categories).toBe('AudioVideo;Video;');
    expect(entry.MimeType?.split(';').filter(Boolean).sort()).toEqual(['image/jpeg', 'image/png', 'image/webp']);
    // A field code that passes the chosen file(s) to the executable.
    expect(entry.Exec).toMatch(/veo-studio.* %[fFuU]$/);
  });
});

function extractText(entry: string): string {
  return extractFile(pkg.asarPath, entry).toString('utf8');
}

function parseDesktopEntry(text: string): Record<string, string | undefined> {
  const fields: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const eq = line.indexOf('=');
    if (eq > 0 && !line.startsWith('[')) fields[line.slice(0, eq)] = line.slice(eq + 1);
  }
  return fields;
}
