// Runs the real packaging pipeline (`electron-builder --linux dir`) against a stub Electron, so
// the packaging test exercises electron-builder.yml as shipped: file selection, asar + unpack
// rules, the fuse step. Only what cannot work offline is overridden: the Electron download
// (electronDist) and the native rebuild for Electron's ABI (it downloads Electron headers).
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { createStubElectronDist } from './stub-electron';

const run = promisify(execFile);

export const REPO_ROOT = path.resolve(import.meta.dirname, '..', '..');
const BIN = path.join(REPO_ROOT, 'node_modules', '.bin');

/** The files electron-builder packs; `npm run build` makes them. */
export const BUILT_ENTRY_POINTS = ['dist/main/main.cjs', 'dist/preload/preload.cjs', 'dist/renderer/index.html'];

/**
 * Builds the main and preload bundles, and the renderer unless it exists (VEO_PACK_REBUILD=1 rebuilds
 * it too). The packaging test checks how they are packaged; reusing a renderer build keeps it fast.
 */
export async function ensureAppBuilt(): Promise<void> {
  const force = process.env.VEO_PACK_REBUILD === '1';
  const has = (rel: string) => existsSync(path.join(REPO_ROOT, rel));
  // Always: esbuild takes well under a second, and a bundle left from an older checkout would have
  // the package tested against yesterday's requires (it hid libsql from this test once).
  await run(process.execPath, [path.join(REPO_ROOT, 'scripts', 'build-electron.mjs')], { cwd: REPO_ROOT });
  if (force || !has('dist/renderer/index.html')) {
    await run(path.join(BIN, 'vite'), ['build'], { cwd: REPO_ROOT, maxBuffer: 16 * 1024 * 1024 });
  }
}

export interface PackagedLinuxDir {
  /** electron-builder's output directory. */
  outDir: string;
  /** release/linux-unpacked equivalent: the executable, resources/, licences. */
  appDir: string;
  asarPath: string;
  unpackedDir: string;
  executablePath: string;
  /** The .desktop entry electron-builder computes for the deb (see capture-desktop-entry.mjs). */
  desktopEntryPath: string;
}

/** Packages the app for Linux x64 as a folder into `workDir`/out. */
export async function packageLinuxDir(workDir: string): Promise<PackagedLinuxDir> {
  const stubDir = await createStubElectronDist(path.join(workDir, 'electron-stub'));
  const outDir = path.join(workDir, 'out');
  const args = [
    '--linux', 'dir', '--x64',
    '--publish', 'never',
    `--config.electronDist=${stubDir}`,
    '--config.npmRebuild=false',
    `--config.directories.output=${outDir}`,
    // Relative on purpose: electron-builder only accepts hook modules inside the project.
    '--config.afterPack=./test/packaging/capture-desktop-entry.mjs',
  ];
  const env = { ...process.env, CSC_IDENTITY_AUTO_DISCOVERY: 'false', ELECTRON_BUILDER_CACHE: path.join(workDir, 'cache') };
  await run(path.join(BIN, 'electron-builder'), args, {
    cwd: REPO_ROOT,
    env,
    maxBuffer: 16 * 1024 * 1024,
  });
  const appDir = path.join(outDir, 'linux-unpacked');
  return {
    outDir,
    appDir,
    asarPath: path.join(appDir, 'resources', 'app.asar'),
    unpackedDir: path.join(appDir, 'resources', 'app.asar.unpacked'),
    executablePath: path.join(appDir, 'veo-studio'),
    desktopEntryPath: path.join(outDir, 'desktop-entry.txt'),
  };
}
