// A stand-in for an unpacked Electron Linux distribution, for electron-builder's `electronDist`:
// no Electron binary can be downloaded here, and packaging only copies the folder, renames the
// `electron` executable and flips the fuses inside it. The stub executable is a tiny shell script
// that carries a real fuse wire (the sentinel @electron/fuses searches for, the wire version and
// length, one byte per fuse), so electron-builder's actual fuse step runs unchanged and the test
// reads back what it wrote, instead of the fuse step being skipped for tests.
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Marks the start of the fuse wire in every Electron binary (from @electron/fuses). */
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const FUSE_WIRE_VERSION = 1;

/** Fuse byte values: '0' disabled, '1' enabled. */
export const FUSE_DISABLED = 0x30;
export const FUSE_ENABLED = 0x31;

/**
 * Electron's shipped defaults, in wire order (FuseV1Options 0..7). Most are the opposite of what
 * Veo Studio wants, so a fuse step that did nothing cannot pass the test.
 */
const ELECTRON_DEFAULT_WIRE = [
  FUSE_ENABLED, // RunAsNode
  FUSE_DISABLED, // EnableCookieEncryption
  FUSE_ENABLED, // EnableNodeOptionsEnvironmentVariable
  FUSE_ENABLED, // EnableNodeCliInspectArguments
  FUSE_DISABLED, // EnableEmbeddedAsarIntegrityValidation
  FUSE_DISABLED, // OnlyLoadAppFromAsar
  FUSE_DISABLED, // LoadBrowserProcessSpecificV8Snapshot
  FUSE_ENABLED, // GrantFileProtocolExtraPrivileges
];

function stubExecutable(): Buffer {
  const script = Buffer.from('#!/bin/sh\necho "stub Electron for packaging tests: it cannot run an app" >&2\nexit 1\n# fuse wire: ', 'utf8');
  const wire = Buffer.concat([
    Buffer.from(FUSE_SENTINEL, 'ascii'),
    Buffer.from([FUSE_WIRE_VERSION, ELECTRON_DEFAULT_WIRE.length, ...ELECTRON_DEFAULT_WIRE]),
  ]);
  return Buffer.concat([script, wire, Buffer.from('\n')]);
}

/** Writes the stub distribution into `dir` (created) and returns `dir`. */
export async function createStubElectronDist(dir: string): Promise<string> {
  await mkdir(path.join(dir, 'resources'), { recursive: true });
  await mkdir(path.join(dir, 'locales'), { recursive: true });
  await writeFile(path.join(dir, 'electron'), stubExecutable());
  await chmod(path.join(dir, 'electron'), 0o755);
  // The license files electron-builder moves next to the executable (LICENSE.electron.txt).
  await writeFile(path.join(dir, 'LICENSE'), 'stub Electron license\n');
  await writeFile(path.join(dir, 'LICENSES.chromium.html'), '<!doctype html><title>stub</title>\n');
  await writeFile(path.join(dir, 'locales', 'en-US.pak'), 'stub');
  return dir;
}
