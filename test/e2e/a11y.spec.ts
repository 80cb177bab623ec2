// Issue 12 item 7: axe-core over every view — Create (with the Jobs panel full of jobs in different
// states), Library, the detail of a done and of a failed job, Settings and Compare — in light and in
// dark, with no serious or critical violation; plus the keyboard promises: a skip link, and a Jobs
// panel that is one Tab stop (arrow keys inside), not forty in the way on Create.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { startStack, type Stack } from './support/stack';
import { generate, jobCard, nav, openApp, setKey, shot } from './support/ui';

let stack: Stack;
const DONE_A = 'A fox crosses a frozen lake at dawn';
const DONE_B = 'A fox crosses a frozen lake at dusk';
const FAILED = 'Something the filter refuses [sim:content_policy]';
const QUEUED = 'A long wait in line [sim:long_queue]';

test.beforeAll(async () => {
  stack = await startStack({ timing: { queueStepMs: 300, runMs: 800, logEveryMs: 200, cancelMs: 100 }, pingIntervalMs: 300 });
});
test.afterAll(async () => {
  await stack?.close();
});

/** Serious and critical violations, each as "rule: target — summary", so a failure reads as a list. */
async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} — ${n.failureSummary?.split('\n').slice(0, 2).join(' ') ?? ''}`));
}

const libraryCard = (page: Page, prompt: string) => page.getByRole('list', { name: 'Library items' }).getByRole('button', { name: prompt }).first();
const detail = (page: Page) => page.getByRole('region', { name: 'Job details' });

async function fillJobs(page: Page): Promise<void> {
  await openApp(page, stack.host.url);
  await setKey(page, 'sk-e2e-a11y-0001');
  await expect(await generate(page, DONE_A)).toContainText('completed', { timeout: 45_000 });
  await expect(await generate(page, DONE_B)).toContainText('completed', { timeout: 45_000 });
  await expect(await generate(page, FAILED)).toContainText('failed');
  await generate(page, QUEUED);
}

test('no serious or critical axe violation on any view, light and dark', async ({ page }) => {
  test.setTimeout(240_000);
  await fillJobs(page);
  const found: string[] = [];
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    const scan = async (view: string) => {
      for (const v of await seriousViolations(page)) found.push(`[${scheme} ${view}] ${v}`);
      await shot(page, `a11y-${scheme}-${view}`);
    };
    await nav(page, 'Create').click();
    await expect(jobCard(page, QUEUED)).toBeVisible();
    await scan('create-and-jobs');
    await nav(page, 'Library').click();
    await expect(libraryCard(page, DONE_A)).toBeVisible();
    await scan('library');
    await libraryCard(page, DONE_A).click();
    await expect(detail(page).getByLabel('Video player')).toBeVisible();
    await scan('detail');
    await libraryCard(page, FAILED).click();
    await expect(detail(page).getByRole('group', { name: 'What went wrong' })).toBeVisible();
    await scan('detail-failed');
    await libraryCard(page, DONE_A).click();
    await detail(page).getByRole('button', { name: 'Compare with…' }).click();
    await libraryCard(page, DONE_B).click();
    const compare = page.getByRole('dialog', { name: 'Compare' });
    await expect(compare).toBeVisible();
    await scan('compare');
    await page.keyboard.press('Escape');
    await expect(compare).toBeHidden();
    await nav(page, 'Settings').click();
    await expect(page.getByRole('textbox', { name: 'API key' })).toBeVisible();
    await scan('settings');
  }
  expect(found, found.join('\n')).toEqual([]);
});

test('keyboard: a skip link comes first, and the Jobs panel is one Tab stop with arrow keys inside', async ({ page }) => {
  await openApp(page, stack.host.url);
  await setKey(page, 'sk-e2e-a11y-0002');
  for (const n of [1, 2, 3]) await expect(await generate(page, `Refused again ${n} [sim:content_policy]`)).toContainText('failed');

  await page.reload();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('main#main')).toBeFocused();

  const list = page.getByRole('list', { name: 'Jobs' });
  const inList = () => list.evaluate((el) => el.contains(document.activeElement));
  await page.getByRole('button', { name: /^Generate/ }).focus();
  let presses = 0;
  while (!(await inList()) && presses++ < 40) await page.keyboard.press('Tab');
  expect(await inList()).toBe(true);
  const cards = list.locator('article');
  await expect(cards.first()).toBeFocused();
  // Every job has buttons, yet one more Tab leaves the list: it is one stop, not forty.
  expect(await list.locator('button').count()).toBeGreaterThan(3);
  await page.keyboard.press('Tab');
  expect(await inList()).toBe(false);
  await page.keyboard.press('Shift+Tab');
  await expect(cards.first()).toBeFocused();

  // ↓ to the next job, → to its first button, and Tab still leaves; coming back lands where we were.
  await page.keyboard.press('ArrowDown');
  await expect(cards.nth(1)).toBeFocused();
  await page.keyboard.press('ArrowRight');
  const button = cards.nth(1).getByRole('button').first();
  await expect(button).toBeFocused();
  await page.keyboard.press('Tab');
  expect(await inList()).toBe(false);
  await page.keyboard.press('Shift+Tab');
  await expect(button).toBeFocused();
  await shot(page, 'a11y-jobs-roving-focus');
});
