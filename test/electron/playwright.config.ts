// Smoke test of the real Electron app. Runs only where an Electron binary exists (none can be
// downloaded on the CI machine): `npx playwright test -c test/electron/playwright.config.ts`.
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: '.',
  testMatch: 'smoke.spec.ts',
  outputDir: '../../test-results/electron-artifacts',
  workers: 1,
  fullyParallel: false,
  timeout: 180_000,
  expect: { timeout: 20_000 },
  retries: 0,
  reporter: [['list']],
});
