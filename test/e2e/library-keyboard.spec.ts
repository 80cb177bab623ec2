// Keyboard focus in a large Library grid (red team, issue 16): End jumps to a page not loaded yet,
// and the first arrow key opens the detail, which narrows the grid at 1024×640 and moves the
// focused card into another row. Both used to drop focus to the page (and End selected nothing).
import { expect, test, type Page } from '@playwright/test';
import { seedDataDir } from '../../bench/renderer-seed';
import { QUICK_JOBS, useStack } from './support/stack';
import { nav, openApp } from './support/ui';

const JOBS = 600; // ten pages: End lands on one nothing has loaded yet
const stack = useStack(QUICK_JOBS);

test.describe.configure({ mode: 'serial', timeout: 120_000 });

test.beforeAll(async () => {
  await stack().host.stop();
  await seedDataDir(stack().dataDir, JOBS);
  await stack().restartHost();
});

const focusedIndex = (page: Page) => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.index ?? document.activeElement?.tagName);
const detail = (page: Page) => page.getByRole('region', { name: 'Job details' });

async function openLibrary(page: Page): Promise<void> {
  await openApp(page, stack().host.url);
  await nav(page, 'Library').click();
  await page.locator('.lib-grid [data-index="0"]').focus();
}

test('End focuses and opens the last job, Home the first, though their pages were not loaded', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openLibrary(page);
  await page.keyboard.press('End');
  await expect.poll(() => focusedIndex(page)).toBe(String(JOBS - 1));
  await expect(page.locator(`.lib-grid [data-index="${JOBS - 1}"]`)).toHaveAttribute('aria-current', 'true');
  await expect(detail(page)).toBeVisible();
  await page.keyboard.press('Home');
  await expect.poll(() => focusedIndex(page)).toBe('0');
  await expect(page.locator('.lib-grid [data-index="0"]')).toHaveAttribute('aria-current', 'true');
});

test('at 1024×640 the arrow that opens the detail keeps focus on the card it moved to', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 640 });
  await openLibrary(page);
  const columnsBefore = await page.locator('.lib-row').first().evaluate((row) => getComputedStyle(row).gridTemplateColumns.split(' ').length);
  await page.keyboard.press('ArrowDown');
  await expect(detail(page)).toBeVisible();
  await expect.poll(() => focusedIndex(page)).toBe(String(columnsBefore));
  // The grid is narrower now, and the arrows still move through it from where focus is.
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => focusedIndex(page)).toBe(String(columnsBefore + 1));
});
