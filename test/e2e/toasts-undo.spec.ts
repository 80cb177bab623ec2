// Toasts, focus and undo, in Chromium through the browser host at 1024×640 (issue 12 item 5): the
// "Job deleted — Undo" notice covers neither Generate nor the detail's actions, focus lands on the
// card that took the deleted one's place, ⌘/Ctrl+Z brings the job back, and the notice is still
// there after the time a person needs to notice it.
import { expect, test, type Locator } from '@playwright/test';
import { startStack, type Stack } from './support/stack';
import { generate, nav, openApp, setKey, shot } from './support/ui';

let stack: Stack;
test.beforeAll(async () => {
  stack = await startStack();
});
test.afterAll(async () => {
  await stack?.close();
});

const PROMPTS = ['A kite over the dunes at first light', 'Rain on a tram window at night'];

async function expectApart(a: Locator, b: Locator, what: string): Promise<void> {
  const [x, y] = [(await a.boundingBox())!, (await b.boundingBox())!];
  const overlap = x.x < y.x + y.width && y.x < x.x + x.width && x.y < y.y + y.height && y.y < x.y + x.height;
  expect(overlap, what).toBe(false);
}


test('setup: a key and two finished jobs', async ({ page }) => {
  await openApp(page, stack.host.url);
  await setKey(page, 'sk-e2e-toasts-key-91c2');
  for (const prompt of PROMPTS) {
    const card = await generate(page, prompt);
    await expect(card.getByText('Completed')).toBeVisible({ timeout: 60_000 });
  }
});

test('Delete: focus goes to the next card, the notice stays clear of the actions, ⌘/Ctrl+Z undoes it', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 640 });
  await openApp(page, stack.host.url);
  await nav(page, 'Library').click();
  await expect(page.locator('.lib-card-button')).toHaveCount(2);
  await page.locator('.lib-card-button').first().click();
  const detail = page.getByRole('region', { name: 'Job details' });
  await detail.getByRole('button', { name: 'Delete' }).click();

  const notice = page.getByRole('region', { name: 'Notifications' }).getByText('Job deleted');
  await expect(notice).toBeVisible();
  await expect(page.locator('.lib-card-button')).toHaveCount(1);
  // Focus is on the card that is left, not lost to the page.
  await expect(page.locator('.lib-card-button').first()).toBeFocused();

  // The remaining job's detail opens beside the notice: none of its actions is under it.
  await page.keyboard.press('Enter');
  await expect(detail).toBeVisible();
  const toast = page.locator('.toast').filter({ hasText: 'Job deleted' });
  for (const button of await detail.getByRole('button').all()) {
    if (await button.isVisible()) await expectApart(toast, button, `the notice covers "${await button.textContent()}"`);
  }
  await shot(page, 'toast-beside-detail');

  // On Create, Generate is not under it either.
  await page.keyboard.press('Control+1');
  await expect(page.getByRole('button', { name: /^Generate/ })).toBeVisible();
  await expect(toast).toBeVisible();
  await expectApart(toast, page.getByRole('button', { name: /^Generate/ }), 'the notice covers Generate');

  // Undo is one key away, from anywhere but a text field.
  await page.keyboard.press('Control+2');
  await page.locator('.lib-card-button').first().focus();
  await page.keyboard.press('Control+z');
  await expect(page.locator('.lib-card-button')).toHaveCount(2);
  await expect(toast).toBeHidden();
});

test('Undo is still offered after the time it takes to notice it', async ({ page }) => {
  await page.clock.install();
  await openApp(page, stack.host.url);
  await nav(page, 'Library').click();
  await expect(page.locator('.lib-card-button')).toHaveCount(2);
  await page.locator('.lib-card-button').first().click();
  await page.getByRole('region', { name: 'Job details' }).getByRole('button', { name: 'Delete' }).click();
  const undo = page.locator('.toast').filter({ hasText: 'Job deleted' }).getByRole('button', { name: 'Undo' });
  await expect(undo).toBeVisible();
  await page.clock.runFor(12_000);
  await expect(undo).toBeVisible();
  await undo.click();
  await expect(page.locator('.lib-card-button')).toHaveCount(2);
});

test('Select mode ticks cards instead of opening them; the selection can be favourited and deleted with one Undo', async ({ page }) => {
  await openApp(page, stack.host.url);
  await nav(page, 'Library').click();
  await expect(page.locator('.lib-card-button')).toHaveCount(2);
  await page.getByRole('button', { name: 'Select', exact: true }).click();
  const boxes = page.getByRole('checkbox', { name: /^Select: / });
  for (const card of await page.locator('.lib-card').all()) await card.click();
  for (const box of await boxes.all()) await expect(box).toBeChecked();
  await expect(page.getByRole('region', { name: 'Job details' })).toBeHidden();

  const bar = page.getByRole('toolbar', { name: 'Selected jobs' });
  await expect(bar.getByText('2 selected')).toBeVisible();
  await bar.getByRole('button', { name: 'Favourite selected' }).click();
  await expect(page.getByRole('button', { name: 'Favourite', pressed: true })).toHaveCount(2);

  await bar.getByRole('button', { name: 'Delete selected' }).click();
  await expect(page.locator('.lib-card-button')).toHaveCount(0);
  // The emptied Library hands focus to the search box, where Ctrl+Z is the field's: the notice undoes.
  const notice = page.locator('.toast').filter({ hasText: '2 jobs deleted' });
  await notice.getByRole('button', { name: 'Undo' }).click();
  await expect(page.locator('.lib-card-button')).toHaveCount(2);
});

test('the browser host names a downloaded video from its prompt and day, not its UUID', async ({ page }) => {
  await openApp(page, stack.host.url);
  await nav(page, 'Library').click();
  await page.locator('.lib-card-button').first().click();
  const download = page.waitForEvent('download');
  await page.getByRole('region', { name: 'Job details' }).getByRole('link', { name: 'Download video' }).click();
  const name = (await download).suggestedFilename();
  expect(name).toMatch(/^veo-(a-kite-over-the-dunes|rain-on-a-tram-window)[a-z0-9-]*-\d{4}-\d{2}-\d{2}-[0-9a-f]{8}\.mp4$/);
});

test('a key too short to be a key is explained under the field, not in a toast', async ({ page }) => {
  await openApp(page, stack.host.url);
  await nav(page, 'Settings').click();
  const field = page.getByRole('textbox', { name: 'API key' });
  await field.fill('sk-1');
  await page.getByRole('button', { name: 'Save key' }).click();
  const problem = page.getByText(/too short to be an API key/);
  await expect(problem).toBeVisible();
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  expect((await problem.boundingBox())!.y).toBeGreaterThan((await field.boundingBox())!.y);
  await expect(page.getByRole('region', { name: 'Notifications' }).getByText(/too short/)).toHaveCount(0);
});

test('Shift+click ticks a range, and the Delete key deletes the ticked cards with one Undo', async ({ page }) => {
  await openApp(page, stack.host.url);
  await nav(page, 'Library').click();
  await expect(page.locator('.lib-card-button')).toHaveCount(2);
  await page.getByRole('button', { name: 'Select', exact: true }).click();
  const boxes = page.getByRole('checkbox', { name: /^Select: / });
  await boxes.first().click();
  await boxes.nth(1).click({ modifiers: ['Shift'] });
  for (const box of await boxes.all()) await expect(box).toBeChecked();
  await boxes.nth(1).focus();
  await page.keyboard.press('Delete');
  await expect(page.locator('.lib-card-button')).toHaveCount(0);
  // The emptied Library hands focus to the search box, where Ctrl+Z is the field's: the notice undoes.
  const notice = page.locator('.toast').filter({ hasText: '2 jobs deleted' });
  await notice.getByRole('button', { name: 'Undo' }).click();
  await expect(page.locator('.lib-card-button')).toHaveCount(2);
});

test('with a detail open, ←/→ seek once the player was used, and go back to the grid after a card click', async ({ page }) => {
  await openApp(page, stack.host.url);
  await nav(page, 'Library').click();
  const cards = page.locator('.lib-card-button');
  await expect(cards).toHaveCount(2);
  await cards.first().click();
  const video = page.getByRole('region', { name: 'Job details' }).locator('video');
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.readyState)).toBeGreaterThanOrEqual(1);
  // J/K/L work from the card; after one, ← / → are the player's too.
  await page.keyboard.press('k');
  await video.evaluate((v: HTMLVideoElement) => (v.currentTime = 0));
  await page.keyboard.press('ArrowRight');
  await expect(cards.first()).toBeFocused();
  await expect(cards.first()).toHaveAttribute('aria-current', 'true');
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.currentTime)).toBeGreaterThan(1);

  // A click on a card gives the arrows back to the grid.
  await cards.nth(1).click();
  await page.keyboard.press('ArrowLeft');
  await expect(cards.first()).toBeFocused();
});

test('Undo survives a page reload while the host still has the deleted job', async ({ page }) => {
  await openApp(page, stack.host.url);
  await nav(page, 'Library').click();
  await expect(page.locator('.lib-card-button')).toHaveCount(2);
  await page.locator('.lib-card-button').first().click();
  await page.getByRole('region', { name: 'Job details' }).getByRole('button', { name: 'Delete' }).click();
  await expect(page.locator('.lib-card-button')).toHaveCount(1);

  await page.reload();
  await nav(page, 'Library').click();
  await expect(page.locator('.lib-card-button')).toHaveCount(1);
  await page.locator('.lib-card-button').first().focus();
  await page.keyboard.press('Control+z');
  await expect(page.locator('.lib-card-button')).toHaveCount(2);
  // Done: a second Ctrl+Z says so rather than doing nothing.
  await page.keyboard.press('Control+z');
  await expect(page.locator('.toast').filter({ hasText: 'Nothing to undo' })).toBeVisible();
});
