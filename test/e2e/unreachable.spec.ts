// Issue 12 item 4: the service goes away while a job is queued. The card says so within seconds
// ("can't reach <host>") instead of ticking silently, and a Cancel that cannot reach the server ends
// in words: the job may still finish (and be charged) there, and Cancel can be pressed again.
import { expect, test } from '@playwright/test';
import { startStack, type Stack } from './support/stack';
import { generate, openApp, setKey, shot } from './support/ui';

let stack: Stack;

test.beforeAll(async () => {
  stack = await startStack({ timing: { queueStepMs: 5000, runMs: 5000, logEveryMs: 500, cancelMs: 200 }, pingIntervalMs: 500 });
});
test.afterAll(async () => {
  await stack?.close();
});

test('a job whose server goes away says so on its card, and Cancel then says what it could not do', async ({ page }) => {
  await openApp(page, stack.host.url);
  await setKey(page, 'sk-e2e-unreachable-01');
  const card = await generate(page, 'A lighthouse keeps its light on [sim:long_queue]');
  await expect(card).toContainText('queued');

  const host = new URL(stack.sim.baseUrl).host;
  await stack.sim.close();
  // The first failed poll names the host: a few seconds, not minutes of a silently ticking clock.
  await expect(card).toContainText(`Can’t reach ${host}`, { timeout: 10_000 });
  await shot(page, 'unreachable-card');

  await card.getByRole('button', { name: 'Cancel' }).click();
  await expect(card).toContainText('Cancel requested');
  const toast = page.getByRole('alert').filter({ hasText: 'Could not cancel the job' });
  await expect(toast).toContainText(/cancel did not reach the server.*may still finish there and be charged.*press Cancel again/, { timeout: 60_000 });
  await expect(toast).not.toContainText(/ECONNREFUSED|UND_ERR/);
  // Nothing is pending any more: the job is still followed, and Cancel can be pressed again.
  await expect(card).toContainText('queued');
  await expect(card.getByRole('button', { name: 'Cancel' })).toBeEnabled();
  await shot(page, 'unreachable-cancel');
});
