#!/usr/bin/env node
// Bundles the Electron main process and the preload with esbuild.
//   dist/main/main.cjs        CommonJS for Node 22 (Electron 45); native modules stay external
//   dist/main/assets/*        the simulator's sample clip + picture (resolved next to the bundle)
//   dist/preload/preload.cjs  ONE CommonJS file: a sandboxed preload may require only 'electron'
// Usage: node scripts/build-electron.mjs [--outdir <dir>]   (default: dist; tests build to a temp dir)
import { cp, mkdir, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { sharpWasmOnly } from './sharp-wasm-plugin.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.resolve(root, argValue('--outdir') ?? 'dist');

/**
 * Loaded at run time, never bundled: Electron itself, keytar's addon, sharp's WebAssembly build and
 * optional native speed-ups some packages probe for. The list lives in shared/runtime-deps.json,
 * which electron-builder.yml and the packaging tests are checked against.
 */
const RUNTIME_DEPS = JSON.parse(await readFile(path.join(root, 'shared', 'runtime-deps.json'), 'utf8'));
const MAIN_EXTERNALS = [...RUNTIME_DEPS.external, ...RUNTIME_DEPS.optionalProbes];

// The core is ESM and resolves files next to its modules with import.meta.url (the simulator's
// sample clip). In a CJS bundle import.meta is empty, so point it at the bundle file itself and
// ship those files beside it (see SIMULATOR_ASSETS).
const IMPORT_META_SHIM = "const __veo_import_meta_url = require('node:url').pathToFileURL(__filename).href;";
const SIMULATOR_ASSETS = path.join(root, 'electron', 'core', 'simulator', 'assets');

function argValue(flag) {
  const i = process.argv.indexOf(flag);
  return i === -1 ? undefined : process.argv[i + 1];
}

async function buildMain() {
  await build({
    entryPoints: [path.join(root, 'electron', 'main', 'main.ts')],
    outfile: path.join(outDir, 'main', 'main.cjs'),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    external: MAIN_EXTERNALS,
    plugins: [sharpWasmOnly(root)],
    // Turn `await import('keytar')` into require(): loading a native CommonJS addon through Node's
    // ESM loader from inside app.asar is needlessly fragile; require() is what asar was built for.
    supported: { 'dynamic-import': false },
    banner: { js: IMPORT_META_SHIM },
    define: {
      'import.meta.url': '__veo_import_meta_url',
      'import.meta.dirname': '__dirname',
      'import.meta.filename': '__filename',
    },
    sourcemap: 'linked',
    legalComments: 'none',
    logLevel: 'warning',
  });
  // SAMPLE_CLIP_PATH = new URL('./assets/sample.mp4', import.meta.url) → dist/main/assets/sample.mp4
  const assetsOut = path.join(outDir, 'main', 'assets');
  await mkdir(assetsOut, { recursive: true });
  for (const name of await readdir(SIMULATOR_ASSETS)) {
    if (/\.(mp4|jpe?g)$/i.test(name)) await cp(path.join(SIMULATOR_ASSETS, name), path.join(assetsOut, name));
  }
}

async function buildPreload() {
  await build({
    entryPoints: [path.join(root, 'electron', 'preload', 'preload.ts')],
    outfile: path.join(outDir, 'preload', 'preload.cjs'),
    bundle: true,
    // The sandboxed preload runs in a renderer: browser platform, no Node built-ins to lean on.
    platform: 'browser',
    format: 'cjs',
    target: 'chrome140',
    external: ['electron'],
    minify: true,
    legalComments: 'none',
    logLevel: 'warning',
  });
}

await Promise.all([buildMain(), buildPreload()]);
console.log(`built ${path.relative(root, path.join(outDir, 'main', 'main.cjs'))} and ${path.relative(root, path.join(outDir, 'preload', 'preload.cjs'))}`);
