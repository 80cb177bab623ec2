#!/usr/bin/env node
// `npm run test:electron`: the real desktop app under Playwright's _electron driver
// (test/electron/smoke.spec.ts). Where no Electron binary is installed (CI here sets
// ELECTRON_SKIP_BINARY_DOWNLOAD and cannot download one) it says so and exits 0: this suite can
// only add evidence, never fail a machine that cannot run it. On Linux without a display it runs
// under xvfb-run when that exists.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronBinary } from './electron-binary.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const binary = electronBinary(root);
if (!binary) {
  console.log(
    'test:electron: SKIPPED — no Electron binary in node_modules/electron. Install one with a plain ' +
      '`npm ci` (without ELECTRON_SKIP_BINARY_DOWNLOAD) on a machine that can download it, then run ' +
      '`npm run test:electron` again. The shell is still covered by test/unit/electron against the built bundle.',
  );
  process.exit(0);
}

const playwright = [path.join(root, 'node_modules', '@playwright', 'test', 'cli.js'), 'test', '-c', 'test/electron/playwright.config.ts', ...process.argv.slice(2)];
const needsDisplay = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
const hasXvfb = needsDisplay && spawnSync('sh', ['-c', 'command -v xvfb-run'], { stdio: 'ignore' }).status === 0;
if (needsDisplay && !hasXvfb) console.log('test:electron: no display and no xvfb-run (apt install xvfb); Electron may fail to open a window.');
const [cmd, args] = hasXvfb ? ['xvfb-run', ['-a', process.execPath, ...playwright]] : [process.execPath, playwright];
console.log(`test:electron: ${binary}`);
const run = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
process.exit(run.status ?? 1);
