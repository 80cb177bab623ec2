// Issue 15: the Language setting. 简体中文 switches the whole window at once (no reload) and is
// remembered across a reload; "System" follows the browser's language (Playwright's `locale` sets
// navigator.languages), in English for an English browser and in Chinese for a Chinese one.
import { expect, test, type Page } from '@playwright/test';
import { useStack } from './support/stack';
import { clippedLabels, strayEnglish } from './support/i18n';
import { openApp, shot } from './support/ui';

const stack = useStack();

const rail = (page: Page, name: string) => page.getByRole('navigation').getByRole('button', { name, exact: true });
const languageGroup = (page: Page, name: 'Language' | '语言') => page.getByRole('radiogroup', { name });

test.describe('an English browser', () => {
  test.use({ locale: 'en-US' });

  test('简体中文 applies live and survives a reload; System goes back to the browser’s English', async ({ page }) => {
    await openApp(page, stack().host.url);
    await rail(page, 'Settings').click();
    await expect(page.getByTestId('language-system')).toHaveText('System means English on this computer.');
    await expect(languageGroup(page, 'Language').getByRole('radio', { name: 'System' })).toBeChecked();

    // A mark on the window: it is gone if the page reloads.
    await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));
    // click, not check(): the radio's own name changes language the moment it applies.
    await languageGroup(page, 'Language').getByRole('radio', { name: '简体中文' }).click();
    await expect(rail(page, '设置')).toBeVisible();
    await expect(rail(page, '创作')).toBeVisible();
    await expect(rail(page, '作品库')).toBeVisible();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('设置');
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
    await shot(page, 'language-settings-zh-CN');

    await page.reload();
    await expect(rail(page, '设置')).toBeVisible();
    await rail(page, '设置').click();
    await expect(languageGroup(page, '语言').getByRole('radio', { name: '简体中文' })).toBeChecked();

    await languageGroup(page, '语言').getByRole('radio', { name: '跟随系统' }).click();
    await expect(rail(page, 'Settings')).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  });
});

test.describe('a Chinese browser', () => {
  test.use({ locale: 'zh-CN' });

  test('System reads Chinese, and names the language it follows; English can be chosen', async ({ page }) => {
    await openApp(page, stack().host.url);
    await expect(rail(page, '设置')).toBeVisible();
    await rail(page, '设置').click();
    await expect(page.getByTestId('language-system')).toHaveText('在这台电脑上，“跟随系统”即为简体中文。');
    // The rail and every Settings card in Chinese (the language picker names English in English,
    // marked lang="en"), and no label cut off at the smallest window we support.
    await page.setViewportSize({ width: 1024, height: 640 });
    expect(await strayEnglish(page, '[data-provider-words], [data-user-text], [lang="en"]')).toEqual([]);
    expect(await clippedLabels(page)).toEqual([]);
    await shot(page, 'language-system-zh-CN');

    await languageGroup(page, '语言').getByRole('radio', { name: 'English' }).click();
    await expect(rail(page, 'Settings')).toBeVisible();
    await expect(page.getByTestId('language-system')).toHaveText('System means 简体中文 on this computer.');
    // Back to System, so the setting does not outlive this test.
    await languageGroup(page, 'Language').getByRole('radio', { name: 'System' }).click();
    await expect(rail(page, '设置')).toBeVisible();
  });
});
