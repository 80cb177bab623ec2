// End-to-end tests: the real renderer in a system Chromium (or Google Chrome), through the browser
// host, against the simulator. Playwright's own browser downloads are unavailable here and cannot play
// H.264/AAC, so scripts/find-chromium.mjs looks where each OS installs one; VEO_CHROMIUM overrides.
// `npm run test:e2e` (scripts/test-e2e.mjs) skips — or under CI fails — when there is none.
import { defineConfig } from '@playwright/test';
import { findChromium } from './scripts/find-chromium.mjs';

const browser = findChromium();
if (!browser.path) throw new Error(`End-to-end tests need a browser: ${browser.missing}`);

export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results/e2e-artifacts',
  // One host + simulator per file and real timing: run files one after another.
  workers: 1,
  fullyParallel: false,
  timeout: 90_000,
  expect: { timeout: 20_000 },
  retries: 0,
  reporter: [['list']],
  use: {
    viewport: { width: 1280, height: 800 },
    // The app follows the browser's language: pin it, so a machine set to Chinese runs the English
    // specs in English. The 简体中文 specs set 'zh-CN' themselves.
    locale: 'en-US',
    launchOptions: {
      executablePath: browser.path,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--autoplay-policy=no-user-gesture-required'],
    },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
});
