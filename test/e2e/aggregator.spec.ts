// The aggregator as it really is, in Chromium through the browser host: the key is checked with the
// provider before it is saved, the balance chip shows what the account has left and follows each
// accepted job, Generate warns when the estimate exceeds it, and the provider's own refusal of an
// unaffordable job reads as "top up", in its own words — never as "the key was rejected".
import { expect, test } from '@playwright/test';
import { REJECTED_KEY_PREFIX } from '../../electron/core/simulator';
import { startStack, VISIBLE_TIMING, type Stack } from './support/stack';
import { generate, nav, openApp, shot } from './support/ui';

let stack: Stack;

test.beforeAll(async () => {
  // $5 on the account: one 8 s job with audio ($3.20) fits, the second does not.
  stack = await startStack({ ...VISIBLE_TIMING, account: { balanceUsd: 5 } });
});
test.afterAll(async () => {
  await stack?.close();
});

test.describe.configure({ mode: 'serial' });

test('the key is checked with the provider: rejected is not saved, a working key is', async ({ page }) => {
  await openApp(page, stack.host.url);
  // First run: onboarding names the address the key will go to, and where to get one.
  const origin = new URL(stack.sim.baseUrl).origin;
  await expect(page.getByTestId('key-destination')).toContainText(origin);
  await expect(page.getByRole('link', { name: /api\.chainhub\.tech/ })).toHaveAttribute('href', 'https://api.chainhub.tech');
  await shot(page, '39-onboarding-key-address');
  await nav(page, 'Settings').click();
  await expect(page.getByText(`sends it only to ${origin}`)).toBeVisible();
  const field = page.getByRole('textbox', { name: 'API key' });
  await field.fill(`${REJECTED_KEY_PREFIX}-e2e-0000`);
  await page.getByRole('button', { name: 'Save key' }).click();
  const verdict = page.getByTestId('key-check');
  await expect(verdict).toHaveAttribute('data-verdict', 'rejected');
  await expect(verdict).toContainText('Key rejected');
  await expect(verdict).toContainText('无效的令牌');
  await expect(page.getByText('No key set')).toBeVisible();
  await shot(page, '40-key-rejected');

  await field.fill('sk-e2e-aggregator-4321');
  await page.getByRole('button', { name: 'Save key' }).click();
  await expect(verdict).toHaveAttribute('data-verdict', 'works');
  await expect(verdict).toContainText('Key works');
  await expect(page.getByText('Key set (…4321)')).toBeVisible();
  // The check queued nothing.
  expect(stack.sim.submitCount()).toBe(0);
});

test('the balance chip shows the account, follows an accepted job, and Generate warns', async ({ page }) => {
  await openApp(page, stack.host.url);
  const chip = page.getByTestId('balance-chip');
  await expect(chip).toContainText('$5.00');
  const card = await generate(page, 'A paper boat on a rain puddle');
  await expect(card).toContainText(/queued|running|downloading|completed/);
  await expect(chip).toContainText('$1.80');
  await expect(page.getByTestId('balance-warning')).toContainText('more than your balance ($1.80)');
  await shot(page, '41-balance-warning');
});

test('the provider refuses an unaffordable job: "top up" in its words, nothing queued, not the key', async ({ page }) => {
  await openApp(page, stack.host.url);
  const submits = stack.sim.submitCount();
  const card = await generate(page, 'A second paper boat, out of money');
  await expect(card).toContainText('failed');
  await expect(card).toContainText('用户额度不足');
  await expect(card).toContainText(/top up/i);
  await expect(card).not.toContainText(/key was rejected|check it/i);
  await expect(card).not.toContainText('{');
  expect(stack.sim.submitCount()).toBe(submits);
  await shot(page, '42-quota-refusal');
});
