// A job the aggregator accepted (and charged) and then refused to talk about while we followed it:
// in Chromium the card says it is still running and paid for and offers "Check again" — never a
// Retry that would pay again — and "Check again" finishes it once the key works again. Also: a host
// started with --provider offers no other provider in Settings.
import { expect, test } from '@playwright/test';
import { startStack, VISIBLE_TIMING, type Stack } from './support/stack';
import { generate, nav, openApp, setKey, shot } from './support/ui';

let stack: Stack;

test.beforeAll(async () => {
  stack = await startStack({ ...VISIBLE_TIMING, account: { balanceUsd: 100 } });
});
test.afterAll(async () => {
  stack?.sim.refuse(undefined);
  await stack?.close();
});

test('Settings on a host started with --provider aggregator: other providers cannot be chosen', async ({ page }) => {
  await openApp(page, stack.host.url);
  await nav(page, 'Settings').click();
  await expect(page.getByRole('radio', { name: 'fal.ai' })).toBeDisabled();
  await expect(page.getByRole('radio', { name: 'Aggregator' })).toBeChecked();
  await expect(page.getByTestId('provider-fixed')).toBeVisible();
});

test('a paid job refused while following stays resumable, and Check again finishes it', async ({ page }) => {
  await openApp(page, stack.host.url);
  await setKey(page, 'sk-e2e-aggregator-paid-7777');
  const card = await generate(page, 'A kite over dunes [sim:long_queue]');
  // The provider accepted (and charged) it; now the key is disabled at the aggregator.
  await expect.poll(() => stack.sim.jobs().length).toBe(1);
  stack.sim.refuse('key_disabled');
  await expect(card).toContainText('still running on the server and paid for');
  await expect(card).toContainText('该令牌状态不可用');
  await expect(card.getByRole('button', { name: 'Check again' })).toBeVisible();
  await expect(card.getByRole('button', { name: 'Retry' })).toHaveCount(0);
  await expect(card).toContainText('needs attention');
  await shot(page, '43-paid-job-paused');

  // The Library says the same, not "running" (issue 12 item 4): its card, and a detail with Check again.
  await nav(page, 'Library').click();
  const libraryCard = page.getByRole('list', { name: 'Library items' }).getByRole('button', { name: /A kite over dunes.*needs attention/ });
  await libraryCard.click();
  const detail = page.getByRole('region', { name: 'Job details' });
  await expect(detail).toContainText('still running on the server and paid for');
  await expect(detail.getByRole('button', { name: 'Retry' })).toHaveCount(0);

  stack.sim.refuse(undefined);
  await detail.getByRole('button', { name: 'Check again' }).click();
  await nav(page, 'Create').click();
  await expect(card).toContainText('completed', { timeout: 30_000 });
  expect(stack.sim.submitCount()).toBe(1);
});
