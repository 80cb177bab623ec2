// Money in the UI, in Chromium through the browser host against a paid provider (the aggregator,
// served by the simulator): a double-clicked Retry starts one job, Retry above the limit asks first
// (the core's answer, relayed), and the Library detail shows what the job was charged.
import { expect, test, type Page } from '@playwright/test';
import { startStack, type Stack } from './support/stack';
import { generate, jobCard, nav, openApp, setKey, shot } from './support/ui';

let stack: Stack;
test.beforeAll(async () => {
  stack = await startStack({ timing: { queueStepMs: 300, runMs: 600, logEveryMs: 200, cancelMs: 100 }, pingIntervalMs: 300 });
});
test.afterAll(async () => {
  await stack?.close();
});
test.describe.configure({ mode: 'serial' });

async function setLimit(page: Page, usd: string): Promise<void> {
  await nav(page, 'Settings').click();
  const limit = page.getByRole('spinbutton', { name: 'Confirm before spending more than' });
  await limit.fill(usd);
  await limit.press('Tab');
}

const retryOf = (card: ReturnType<typeof jobCard>) => card.getByRole('button', { name: 'Retry', exact: true });
const cards = (page: Page, prompt: string) => page.getByRole('list', { name: 'Jobs' }).getByRole('listitem').filter({ hasText: prompt });

test('a double-clicked Retry starts one job', async ({ page }) => {
  await openApp(page, stack.host.url);
  await setKey(page, 'sk-e2e-spend-key-7c2e');
  const prompt = 'Refused twice over [sim:content_policy]';
  const card = await generate(page, prompt);
  await expect(card).toContainText('failed');
  const before = stack.sim.submitCount();
  await retryOf(card).dblclick();
  await expect(cards(page, prompt)).toHaveCount(2);
  await expect(cards(page, prompt).first()).toContainText('failed');
  expect(stack.sim.submitCount()).toBe(before + 1);
});

test('Retry above the limit asks first; Cancel sends nothing, Confirm sends one job', async ({ page }) => {
  await openApp(page, stack.host.url);
  await setLimit(page, '1');
  await nav(page, 'Create').click();
  const prompt = 'Refused twice over [sim:content_policy]';
  const card = jobCard(page, prompt);
  const before = stack.sim.submitCount();
  await retryOf(card).click();
  const dialog = page.getByRole('dialog', { name: /Spend about \$3\.20/ });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Retrying starts a new job, which is charged again');
  await shot(page, '62-confirm-retry');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  expect(stack.sim.submitCount()).toBe(before);

  await retryOf(card).click();
  await dialog.getByRole('button', { name: 'Confirm' }).click();
  await expect(dialog).toBeHidden();
  await expect(cards(page, prompt)).toHaveCount(3);
  expect(stack.sim.submitCount()).toBe(before + 1);
});

test('the Library detail shows what a job was charged, and the spend by provider', async ({ page }) => {
  await openApp(page, stack.host.url);
  await nav(page, 'Library').click();
  const spend = page.getByRole('region', { name: 'Spend' });
  // Three refused jobs reached the server at 8 s with audio (refusals after acceptance are billed).
  await expect(spend.getByRole('definition').nth(2)).toHaveText('$9.60');
  await page.getByRole('list', { name: 'Library items' }).getByRole('button', { name: /Refused twice over/ }).first().click();
  const detail = page.getByRole('region', { name: 'Job details' });
  await expect(detail).toContainText(/Cost\s*\$3\.20 · charged by Aggregator/);
  await shot(page, '63-detail-cost');
});
