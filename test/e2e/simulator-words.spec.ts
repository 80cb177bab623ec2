// Creator round, findings 11 and 12, through the browser host on the simulator provider: the chip says
// the simulator is free (no play balance), and a submit whose answer broke off (submit_reset) is
// told in the simulator's terms — no port, no dashboard — and offers Retry.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startSimulator, type Simulator } from '../../electron/core/simulator';
import { QUICK_JOBS, startHostProcess, type HostProcess } from './support/stack';
import { generate, openApp } from './support/ui';

let sim: Simulator;
let host: HostProcess;
let dataDir: string;

test.beforeAll(async () => {
  sim = await startSimulator(QUICK_JOBS);
  dataDir = await mkdtemp(join(tmpdir(), 'veo-e2e-simwords-'));
  host = await startHostProcess({ dataDir, apiBase: sim.baseUrl, provider: 'simulator', keychainService: `Veo Studio E2E ${randomBytes(4).toString('hex')}` });
});
test.afterAll(async () => {
  await host?.stop();
  await sim?.close();
  await rm(dataDir, { recursive: true, force: true });
});

test('on the simulator: the chip says Free, and a lost submit answer says what is true and offers Retry', async ({ page }) => {
  await openApp(page, host.url);
  await expect(page.getByTestId('balance-chip')).toContainText('Free');
  await expect(page.getByTestId('balance-chip')).not.toContainText('$');

  const card = await generate(page, 'The answer breaks off [sim:submit_reset]');
  await expect(card).toContainText('failed', { timeout: 30_000 });
  await expect(card).toContainText(/simulator may or may not have started it.*nothing was charged/);
  await expect(card).not.toContainText(/127\.0\.0\.1|dashboard/);
  await expect(card.getByRole('button', { name: 'Retry', exact: true })).toBeVisible();
});
