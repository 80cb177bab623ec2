// `npm run test:electron` must never fail a machine that has no Electron binary: it says why it
// skipped, and how to get one, and exits 0.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { electronBinary } from '../../../scripts/electron-binary.mjs';
import { ROOT } from './boot-main-bundle';

describe('npm run test:electron', () => {
  it.skipIf(electronBinary(ROOT) !== undefined)('skips with a clear message and exit code 0 where no Electron binary exists', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [path.join(ROOT, 'scripts', 'test-electron.mjs')], { cwd: ROOT });
    expect(stdout).toMatch(/SKIPPED — no Electron binary/);
    expect(stdout).toMatch(/npm ci/);
  });
});
