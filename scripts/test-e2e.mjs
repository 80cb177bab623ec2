#!/usr/bin/env node
// `npm run test:e2e`: build the renderer, then drive it in a system Chromium through the browser host
// (playwright.config.ts). Without a browser it SKIPS with a message on a developer's machine, but
// FAILS under CI (CI=true): our CI must never go green by not running the tests.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_ENV, findChromium, isCi } from './find-chromium.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const browser = findChromium();
if (!browser.path) {
  if (isCi()) {
    console.error(`test:e2e: FAILED — ${browser.missing} CI must run the end-to-end tests, so a missing browser is an error here.`);
    process.exit(1);
  }
  console.log(`test:e2e: SKIPPED — ${browser.missing} Then run \`npm run test:e2e\` again.`);
  process.exit(0);
}
console.log(`test:e2e: ${browser.path}`);
const env = { ...process.env, [CHROMIUM_ENV]: browser.path };
const run = (cmd, args) => spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env, shell: process.platform === 'win32' }).status ?? 1;
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const built = run(npm, ['run', 'build:renderer']);
if (built !== 0) process.exit(built);
const playwright = [path.join(root, 'node_modules', '@playwright', 'test', 'cli.js'), 'test', ...process.argv.slice(2)];
process.exit(run('bash', [path.join(root, 'test', 'with-keyring.sh'), process.execPath, ...playwright]));
