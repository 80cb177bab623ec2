// Small laptops and big screens, in Chromium through the browser host (issue 12 item 3): at 1024×640
// a picture, the prompt, every video option and Generate are inside the window without scrolling; the
// Jobs panel folds away on Create (a button and ⌘/Ctrl+J, remembered across a reload); at 2560×1440
// the picture and the Library's detail use the room instead of sitting in a corner.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { makeImage } from '../fixtures/images/generate';
import { startStack, type Stack } from './support/stack';
import { dropImage, generate, nav, openApp, setKey, shot } from './support/ui';

let stack: Stack;
test.beforeAll(async () => {
  stack = await startStack();
});
test.afterAll(async () => {
  await stack?.close();
});

/** The element's box lies wholly inside the viewport (nothing clipped, nothing below the fold). */
async function expectOnScreen(page: Page, target: Locator, what: string): Promise<void> {
  await expect(target, what).toBeVisible();
  const box = await target.boundingBox();
  const view = page.viewportSize()!;
  expect(box, what).not.toBeNull();
  expect(box!.x, `${what} starts left of the window`).toBeGreaterThanOrEqual(0);
  expect(box!.y, `${what} starts above the window`).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width, `${what} ends right of the window`).toBeLessThanOrEqual(view.width + 0.5);
  expect(box!.y + box!.height, `${what} ends below the window`).toBeLessThanOrEqual(view.height + 0.5);
  // Not hidden inside an inner scroller, clipped by its panel or under something else: its middle
  // and both corners are what a click there hits.
  const hit = await target.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const points = [
      [r.x + r.width / 2, r.y + r.height / 2],
      [r.x + 2, r.y + 2],
      [r.right - 2, r.bottom - 2],
    ];
    return points.every(([x, y]) => {
      const top = document.elementFromPoint(x!, y!);
      return !!top && (el.contains(top) || top.contains(el) || top.closest('label')?.contains(el) === true);
    });
  });
  expect(hit, `${what} is covered or scrolled out of its panel`).toBe(true);
}

/** Everything a person needs to start a job, each inside the window. */
async function expectCreateEssentialsOnScreen(page: Page): Promise<void> {
  const options = page.getByRole('complementary', { name: 'Video options' });
  await expectOnScreen(page, page.getByRole('region', { name: 'Input image' }).getByRole('img').first(), 'the picture');
  await expectOnScreen(page, page.getByRole('textbox', { name: 'Prompt', exact: true }), 'the prompt');
  await expectOnScreen(page, options.getByLabel('Model'), 'the model');
  for (const group of ['Takes', 'Aspect ratio', 'Duration', 'Resolution']) {
    await expectOnScreen(page, options.getByRole('radiogroup', { name: group }), group);
  }
  await expectOnScreen(page, options.getByRole('switch', { name: /Generate audio/ }), 'the audio switch');
  await expectOnScreen(page, page.getByRole('button', { name: /^Generate/ }), 'Generate');
  // Nothing got there by scrolling the page or the view.
  const scrolled = await page.evaluate(() =>
    [document.scrollingElement, ...document.querySelectorAll('.main, .create-view, .create-body')].some((el) => !!el && el.scrollTop > 0),
  );
  expect(scrolled).toBe(false);
}

test('setup: a key; an empty Library offers nothing to export', async ({ page }) => {
  await openApp(page, stack.host.url);
  await setKey(page, 'sk-e2e-layout-key-5a1d');
  await nav(page, 'Library').click();
  await expect(page.getByText('0 jobs')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Export all…' })).toBeDisabled();
});

test('at 1024×640 a picture, the prompt, every option and Generate are on screen', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 640 });
  await openApp(page, stack.host.url);
  await nav(page, 'Create').click();
  await dropImage(page);
  await page.getByRole('textbox', { name: 'Prompt', exact: true }).fill('A harbour at dawn, gulls lifting off the water');
  await expectCreateEssentialsOnScreen(page);
  await shot(page, 'layout-1024x640-create');
  // The model with the most options (three resolutions, Advanced) still fits.
  await page.getByLabel('Model').selectOption('fal-ai/veo3.1/image-to-video');
  await expectCreateEssentialsOnScreen(page);

  // A small, tall picture draws two warnings: both readable, and the essentials still on screen.
  const small = join(stack.dataDir, 'small-tall.jpg');
  await writeFile(small, await makeImage(300, 1000, 'jpeg'));
  await dropImage(page, small, 'small-tall.jpg');
  const warnings = page.getByRole('list', { name: 'Warnings about this picture' }).getByRole('listitem');
  await expect(warnings).toHaveCount(2);
  for (const warning of await warnings.all()) await expectOnScreen(page, warning, 'a picture warning');
  await expectCreateEssentialsOnScreen(page);
  // The Generate label keeps its price whole (it once ended "≈ $3…").
  const label = page.getByRole('button', { name: /^Generate/ }).locator('.generate-text');
  expect(await label.evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true);
  await shot(page, 'layout-1024x640-create-warnings');
});

test('the Jobs panel folds away on Create with a button and ⌘/Ctrl+J, and stays folded after a reload', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 640 });
  await openApp(page, stack.host.url);
  await nav(page, 'Create').click();
  const jobs = page.getByRole('complementary', { name: 'Jobs panel' });
  await expect(jobs).toBeVisible();
  const create = page.locator('.create-view');
  const widthWithJobs = (await create.boundingBox())!.width;

  await page.getByRole('button', { name: 'Hide jobs' }).click();
  await expect(jobs).toBeHidden();
  // Focus is not lost with the button that went: it is on the one that brings the panel back.
  await expect(page.getByRole('button', { name: 'Show jobs' })).toBeFocused();
  expect((await create.boundingBox())!.width).toBeGreaterThan(widthWithJobs + 200);

  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Prompt', exact: true })).toBeVisible();
  await expect(jobs).toBeHidden();

  await page.keyboard.press('Control+j');
  await expect(jobs).toBeVisible();
  await page.keyboard.press('Control+j');
  await expect(jobs).toBeHidden();
  await page.getByRole('button', { name: 'Show jobs' }).click();
  await expect(jobs).toBeVisible();
});

test('at 2560×1440 the picture and the Library detail use the space', async ({ page }) => {
  await page.setViewportSize({ width: 2560, height: 1440 });
  await openApp(page, stack.host.url);
  await nav(page, 'Create').click();
  await dropImage(page);
  await page.getByRole('textbox', { name: 'Prompt', exact: true }).fill('A lighthouse in a storm');
  await expectCreateEssentialsOnScreen(page);
  const picture = (await page.getByRole('region', { name: 'Input image' }).boundingBox())!;
  // Most of the window's height goes to the picture, not to empty margins.
  expect(picture.height).toBeGreaterThan(1440 * 0.55);
  expect(picture.width).toBeGreaterThan(2560 * 0.45);
  await shot(page, 'layout-2560x1440-create');
});

test('at 1024×640 the Library detail leaves the grid most of the window', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 640 });
  await openApp(page, stack.host.url);
  const card = await generate(page, 'A fox crossing a frozen river at noon');
  await expect(card.getByText('Completed')).toBeVisible({ timeout: 60_000 });
  await nav(page, 'Library').click();
  await page.getByText('A fox crossing a frozen river').first().click();
  const detail = page.getByRole('region', { name: 'Job details' });
  await expect(detail).toBeVisible();
  const main = (await page.locator('.main').boundingBox())!;
  const box = (await detail.boundingBox())!;
  const grid = (await page.locator('.lib-grid-scroll').boundingBox())!;
  expect(box.width).toBeLessThanOrEqual(main.width * 0.45);
  // Beside the grid, not over it.
  expect(grid.x + grid.width).toBeLessThanOrEqual(box.x + 0.5);
  await shot(page, 'layout-1024x640-library-detail');

  // The detail names the seed (random, as none was set) and opens the job's whole log.
  await expect(detail.getByText('Random (not reported)')).toBeVisible();
  await detail.getByRole('button', { name: /^Log \(\d+ lines?\)/ }).click();
  const lines = detail.getByRole('list', { name: 'Log lines' }).getByRole('listitem');
  expect(await lines.count()).toBeGreaterThan(1);
});

test('at 2560×1440 the Library detail player grows with the window', async ({ page }) => {
  await page.setViewportSize({ width: 2560, height: 1440 });
  await openApp(page, stack.host.url);
  await nav(page, 'Library').click();
  await page.getByText('A fox crossing a frozen river').first().click();
  const video = page.getByRole('region', { name: 'Job details' }).locator('video');
  await expect(video).toBeVisible();
  // It was 519×292 beside a mostly empty grid: a third of the window's width at least.
  expect((await video.boundingBox())!.width).toBeGreaterThan(2560 / 3);
  await shot(page, 'layout-2560x1440-library-detail');
});

test('"Clear finished" empties the Jobs panel of finished jobs; the Library keeps them', async ({ page }) => {
  await page.setViewportSize({ width: 1600, height: 900 });
  await openApp(page, stack.host.url);
  await nav(page, 'Create').click();
  const panel = page.getByRole('complementary', { name: 'Jobs panel' });
  if (!(await panel.isVisible())) await page.getByRole('button', { name: /^Show jobs/ }).click();
  await expect(panel.getByRole('list', { name: 'Jobs' }).getByRole('listitem').first()).toBeVisible();
  await panel.getByRole('button', { name: 'Clear finished' }).click();
  await expect(panel.getByText('No jobs yet')).toBeVisible();
  await nav(page, 'Library').click();
  await expect(page.getByText('A fox crossing a frozen river').first()).toBeVisible();
});

test('at 1024×640 Recent prompts, the prompt counter and Advanced open in full view', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 640 });
  // Ten earlier prompts, long ones, as the page keeps them.
  const earlier = Array.from({ length: 10 }, (_, i) => `Earlier prompt ${i + 1}: a slow dolly along a rain-soaked street, neon reflections, distant thunder`);
  await page.addInitScript((prompts) => localStorage.setItem('veo.recentPrompts', JSON.stringify(prompts)), earlier);
  await openApp(page, stack.host.url);
  await nav(page, 'Create').click();
  await dropImage(page);
  await page.getByRole('button', { name: 'Recent prompts' }).click();
  const recent = page.getByRole('list', { name: 'Recent prompts' });
  await expectOnScreen(page, recent, 'the recent prompts list');
  await page.keyboard.press('Escape');

  // A prompt long enough to fill the box: the counter is beside its text, not over it.
  const prompt = page.getByRole('textbox', { name: 'Prompt', exact: true });
  await prompt.fill(Array.from({ length: 12 }, (_, i) => `Line ${i + 1} of a long shot description that keeps going`).join('\n'));
  await prompt.evaluate((el) => (el.scrollTop = el.scrollHeight));
  const count = (await page.locator('#prompt-count').boundingBox())!;
  const text = (await prompt.boundingBox())!;
  expect(count.y).toBeGreaterThanOrEqual(text.y + text.height - 0.5);

  // Advanced (negative prompt, seed) is offered by the models that take them.
  await page.getByLabel('Model').selectOption('fal-ai/veo3.1/image-to-video');
  await page.getByRole('button', { name: 'Advanced' }).click();
  await expectOnScreen(page, page.getByRole('textbox', { name: 'Negative prompt' }), 'the negative prompt');
  await expectOnScreen(page, page.getByRole('textbox', { name: 'Seed' }), 'the seed');
  // It opens over the picture; the prompt and Generate stay in reach.
  await expectOnScreen(page, prompt, 'the prompt');
  await expectOnScreen(page, page.getByRole('button', { name: /^Generate/ }), 'Generate');
  await shot(page, 'layout-1024x640-advanced');
});
