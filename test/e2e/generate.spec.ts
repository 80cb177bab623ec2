// The whole product in Chromium: set a key, drop a picture, generate, watch every state, play and
// seek the video from disk; then restart the host and stop the simulator — the library stays whole.
import { expect, test } from '@playwright/test';
import { startStack, type Stack } from './support/stack';
import { dropImage, generate, nav, openApp, playAndSeek, recordJobStates, setKey, shot } from './support/ui';

const KEY = 'sk-e2e-test-key-7f3c';
let stack: Stack;

test.beforeAll(async () => {
  stack = await startStack();
});
test.afterAll(async () => {
  await stack?.close();
});

test.describe.configure({ mode: 'serial' });

test('first run without a key explains where to get one, then a key can be saved', async ({ page }) => {
  await openApp(page, stack.host.url);
  await expect(page.getByRole('button', { name: 'Try the simulator' })).toBeVisible();
  await shot(page, '01-first-run');
  await setKey(page, KEY);
  await shot(page, '02-settings');
  expect(await page.content()).not.toContain(KEY);
});

// Needs the key the test above saved (first run shows the welcome screen instead of the views).
test('Ctrl+O from the Library switches to Create and opens the file chooser', async ({ page }) => {
  await openApp(page, stack.host.url);
  await nav(page, 'Library').click();
  const chooser = page.waitForEvent('filechooser');
  await page.keyboard.press('Control+o');
  await chooser;
  await expect(page.getByRole('region', { name: 'Input image' })).toBeVisible();
});

test('drop, generate, and watch queued → running → downloading → completed', async ({ page }) => {
  const states = recordJobStates(page, 'A harbour at dawn');
  await openApp(page, stack.host.url);
  await nav(page, 'Create').click();
  await shot(page, '03-create-empty');
  await dropImage(page);
  await page.getByRole('textbox', { name: 'Prompt' }).fill('A harbour at dawn, gulls overhead [sim:slow_download]');
  await expect(page.getByRole('button', { name: /^Generate/ })).toContainText('$3.20');
  await shot(page, '04-create-filled');

  const card = await generate(page, 'A harbour at dawn, gulls overhead [sim:slow_download]');
  await expect(card).toContainText('queued');
  await shot(page, '05-job-queued');
  await expect(card.getByRole('progressbar')).toBeVisible({ timeout: 30_000 });
  await shot(page, '06-job-downloading');
  await expect(card).toContainText('completed', { timeout: 30_000 });
  const seen = states();
  expect(seen.filter((s) => ['queued', 'running', 'downloading', 'completed'].includes(s))).toEqual(['queued', 'running', 'downloading', 'completed']);
  expect(stack.sim.submitCount()).toBe(1);
  expect(await page.content()).not.toContain(KEY);
});

test('the finished video plays from disk and can seek', async ({ page }) => {
  await openApp(page, stack.host.url);
  await nav(page, 'Library').click();
  await page.getByText('A harbour at dawn').first().click();
  const landed = await playAndSeek(page.getByLabel('Video player'), 1.5);
  expect(landed).toBeCloseTo(1.5, 0);
  await shot(page, '07-library-detail');
});

test('after a host restart the history is intact and searchable', async ({ page }) => {
  await stack.restartHost('stop');
  await openApp(page, stack.host.url);
  await nav(page, 'Library').click();
  const search = page.getByRole('textbox', { name: 'Search library' });
  await search.fill('harbour');
  await expect(page.getByText('A harbour at dawn').first()).toBeVisible();
  await search.fill('no such words anywhere');
  await expect(page.getByText('A harbour at dawn')).toHaveCount(0);
  await shot(page, '08-library-no-results');
});

test('with the simulator gone, the library still browses, searches and plays', async ({ page }) => {
  await stack.sim.close();
  await openApp(page, stack.host.url);
  await nav(page, 'Library').click();
  await page.getByRole('textbox', { name: 'Search library' }).fill('gulls');
  await page.getByText('A harbour at dawn').first().click();
  expect(await playAndSeek(page.getByLabel('Video player'), 0.8)).toBeCloseTo(0.8, 0);
  await page.emulateMedia({ colorScheme: 'dark' });
  await shot(page, '09-library-dark');
});
