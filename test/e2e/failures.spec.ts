// What goes wrong, shown in plain words: a refused prompt, a cancel, and a host killed mid-job that
// resumes after restart without a second submit (a second POST would be a second charge).
import { expect, test } from '@playwright/test';
import { startStack, type Stack } from './support/stack';
import { generate, jobCard, openApp, setKey, shot } from './support/ui';

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

test('a content-policy refusal shows a readable reason, not JSON', async ({ page }) => {
  const card = await generate(page, 'Something the filter refuses [sim:content_policy]');
  await expect(card).toContainText('failed');
  await expect(card).toContainText(/safety|policy/i);
  await expect(card).not.toContainText('{');
  await expect(card.getByRole('button', { name: /Retry/ }).first()).toBeVisible();
  await shot(page, '10-job-failed');
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
