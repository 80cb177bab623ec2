// What goes wrong, shown in plain words: a refused prompt, a cancel, and a host killed mid-job that
// resumes after restart without a second submit (a second POST would be a second charge).
import { expect, test } from '@playwright/test';
import { startStack, type Stack } from './support/stack';
import { generate, jobCard, nav, openApp, setKey, shot } from './support/ui';

let stack: Stack;

test.beforeAll(async () => {
  stack = await startStack({ timing: { queueStepMs: 700, runMs: 1500, logEveryMs: 300, cancelMs: 200 }, pingIntervalMs: 500 });
});
test.afterAll(async () => {
  await stack?.close();
});

// Each test stands alone (sets the key, counts only its own requests): any one can run by itself.
test.beforeEach(async ({ page }) => {
  await openApp(page, stack.host.url);
  await setKey(page, 'sk-e2e-failures-0001');
});

test('a content-policy refusal says what to change and leads with Edit prompt, which opens Create on the prompt', async ({ page }) => {
  const prompt = 'Something the filter refuses [sim:content_policy]';
  const card = await generate(page, prompt);
  await expect(card).toContainText('failed');
  await expect(card).toContainText(/safety filter refused the prompt.*Reword the prompt/i);
  await expect(card).not.toContainText('{');
  await expect(card).not.toContainText(/\.\)\.|\.\./);
  // A Retry would be refused the same way: the card leads with what to change.
  const actions = card.getByRole('button', { name: /Edit prompt|Replace picture|Retry|Check again/ });
  await expect(actions.first()).toHaveText('Edit prompt');
  await expect(actions.last()).toHaveText('Retry');
  await shot(page, '10-job-failed');

  // The Library detail of the failed job offers the same actions, not only the Jobs panel.
  await nav(page, 'Library').click();
  // The card's accessible name carries its visible status (issue 12 item 7).
  await page.getByRole('list', { name: 'Library items' }).getByRole('button', { name: `${prompt} failed` }).first().click();
  const detail = page.getByRole('region', { name: 'Job details' });
  await expect(detail.getByRole('group', { name: 'What went wrong' }).getByRole('button', { name: 'Edit prompt' })).toBeVisible();
  await detail.getByRole('group', { name: 'What went wrong' }).getByRole('button', { name: 'Edit prompt' }).click();
  const promptBox = page.getByRole('textbox', { name: 'Prompt' });
  await expect(promptBox).toBeFocused();
  await expect(promptBox).toHaveValue(prompt);
});

test('a picture that is too small leads with Replace picture, which opens Create on the picture', async ({ page }) => {
  const card = await generate(page, 'A harbour, picture refused [sim:image_too_small]');
  await expect(card).toContainText('failed');
  // Our sentence says what to do; the provider's own words follow, marked as theirs (issue 15).
  await expect(card).toContainText(/refused the picture\. Replace the picture/);
  await expect(card.locator('[data-provider-words]')).toContainText('Image dimensions are too small');
  await expect(card).not.toContainText('image_url');
  await expect(card.getByRole('button', { name: 'Retry', exact: true })).toHaveCount(0);
  await expect(card.getByRole('button', { name: /Edit prompt|Replace picture|Retry|Check again/ }).first()).toHaveText('Replace picture');
  await card.getByRole('button', { name: 'Replace picture' }).click();
  await expect(page.getByRole('textbox', { name: 'Prompt' })).toHaveValue('A harbour, picture refused [sim:image_too_small]');
  await expect(page.getByRole('region', { name: 'Input image' }).getByRole('button', { name: /Choose/ })).toBeFocused();
});

test('cancel stops a queued job and says so', async ({ page }) => {
  const card = await generate(page, 'A long wait in line [sim:long_queue]');
  await expect(card).toContainText('queued');
  await card.getByRole('button', { name: 'Cancel' }).click();
  await expect(card).toContainText('cancelled');
});

test('a job in flight survives a host crash and resumes without a second submit', async ({ page }) => {
  const earlierRequests = stack.sim.requests.length;
  const prompt = 'A lighthouse in a storm [sim:long_queue]';
  const card = await generate(page, prompt);
  await expect(card).toContainText('queued');
  const submitsBefore = stack.sim.submitCount();

  await stack.restartHost('kill');
  await openApp(page, stack.host.url);
  await expect(jobCard(page, prompt)).toContainText('completed', { timeout: 45_000 });
  expect(stack.sim.submitCount()).toBe(submitsBefore);
  const posts = stack.sim.requests.slice(earlierRequests).filter((r) => r.method === 'POST' && r.scenario === 'long_queue');
  expect(posts).toHaveLength(1); // this job, exactly once
});
