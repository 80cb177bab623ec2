// What every modal dialog promises, checked the same way for each: focus moves in, Tab and Shift+Tab
// never leave it, the page behind is inert, Esc closes it, and focus goes back to what opened it.
import { expect, type Locator, type Page } from '@playwright/test';

const focusInside = (dialog: Locator): Promise<boolean> => dialog.evaluate((d) => d.contains(document.activeElement));

export async function expectModalDialog(page: Page, dialog: Locator, o: { focused: Locator; opener: Locator }): Promise<void> {
  await expect(dialog).toBeVisible();
  await expect(o.focused).toBeFocused();
  // The backdrop covers the page behind: a press where the opener is lands on the dialog instead.
  const covered = await o.opener.evaluate((el) => {
    const r = el.getBoundingClientRect();
    return document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2) !== el;
  });
  expect(covered).toBe(true);
  const stops = await dialog.locator('button:not(:disabled), input:not(:disabled), [tabindex="0"]').count();
  for (const key of ['Tab', 'Shift+Tab']) {
    for (let i = 0; i <= stops; i += 1) {
      await page.keyboard.press(key);
      expect(await focusInside(dialog), `${key} #${i + 1} stays inside the dialog`).toBe(true);
    }
  }
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(o.opener).toBeFocused();
}
