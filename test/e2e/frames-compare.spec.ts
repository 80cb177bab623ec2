// Continue from a frame, chains and Compare in Chromium through the browser host: take a frame of a
// finished video, generate the continuation, follow the chain, export its file list, then play both
// jobs side by side on one timeline.
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { isAbsolute } from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { expectModalDialog } from './support/dialog';
import { QUICK_JOBS, useStack } from './support/stack';
import { generate, nav, openApp, setKey, shot } from './support/ui';

const PARENT_PROMPT = 'A paper boat drifts across a still pond at noon';
const CHILD_PROMPT = 'A paper boat drifts across a still pond then sinks slowly';
const stackOf = useStack(QUICK_JOBS);

// Each test generates (or plays) real videos end to end; on a busy machine that takes a while.
test.describe.configure({ mode: 'serial', timeout: 180_000 });

const detail = (page: Page) => page.getByRole('region', { name: 'Job details' });
const libraryCard = (page: Page, prompt: string) =>
  page.getByRole('list', { name: 'Library items' }).getByRole('button', { name: prompt });

/** Resolves once the element has decoded a frame, so currentTime/seek behave. */
async function loaded(video: Locator): Promise<void> {
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.readyState)).toBeGreaterThanOrEqual(2);
}

test('continue from a chosen frame: Create gets the frame, the prompt and the settings', async ({ page }) => {
  await openApp(page, stackOf().host.url);
  await setKey(page, 'sk-e2e-frames-0042');
  const card = await generate(page, PARENT_PROMPT);
  await expect(card).toContainText('completed', { timeout: 30_000 });

  await nav(page, 'Library').click();
  await libraryCard(page, PARENT_PROMPT).click();
  const player = detail(page).getByLabel('Video player');
  await loaded(player);

  // "," and "." step single frames while the player has focus.
  await player.focus();
  await page.keyboard.press('.');
  await page.keyboard.press('.');
  await page.keyboard.press('.');
  await page.keyboard.press(',');
  await expect.poll(() => player.evaluate((v: HTMLVideoElement) => v.currentTime)).toBeCloseTo(2 / 24, 2);

  // Keyboard only: Tab from the player reaches the button.
  const button = detail(page).getByRole('button', { name: 'Continue from this frame' });
  await button.focus();
  await page.keyboard.press('Enter');

  const zone = page.getByRole('region', { name: 'Input image' });
  await expect(zone.getByRole('img', { name: /Preview of frame-0\.083\.png/ })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Prompt' })).toHaveValue(PARENT_PROMPT);
  await shot(page, '30-continue-from-frame');
});

test('the continuation completes and the library shows the chain; its file list is in order', async ({ page }) => {
  await openApp(page, stackOf().host.url);
  await nav(page, 'Library').click();
  await libraryCard(page, PARENT_PROMPT).click();
  await loaded(detail(page).getByLabel('Video player'));
  // "Use last frame" is the default way to continue a shot.
  await detail(page).getByRole('button', { name: 'Use last frame' }).click();
  await expect(page.getByRole('region', { name: 'Input image' }).getByRole('img', { name: /Preview of frame-2\.\d{3}\.png/ })).toBeVisible();

  await page.getByRole('textbox', { name: 'Prompt' }).fill(CHILD_PROMPT);
  await page.getByRole('radiogroup', { name: 'Duration' }).getByRole('radio', { name: '4s' }).check();
  await page.getByRole('button', { name: /^Generate/ }).click();
  const jobs = page.getByRole('list', { name: 'Jobs' }).getByRole('listitem').filter({ hasText: CHILD_PROMPT }).first();
  await expect(jobs).toContainText('completed', { timeout: 30_000 });

  await nav(page, 'Library').click();
  await libraryCard(page, CHILD_PROMPT).click();
  const chain = detail(page).getByRole('region', { name: 'Chain' });
  await expect(chain).toContainText('Continued from');
  await expect(chain.getByRole('button', { name: PARENT_PROMPT, exact: true })).toBeVisible();

  // The parent lists its continuation, and the link-button goes back and forth.
  await chain.getByRole('button', { name: PARENT_PROMPT, exact: true }).click();
  await expect(detail(page).getByRole('region', { name: 'Chain' })).toContainText('Continued in 1 job');
  await shot(page, '31-chain');

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    detail(page).getByRole('button', { name: 'Download list' }).click(),
  ]);
  const lines = (await readFile(await download.path(), 'utf8')).trim().split('\n');
  expect(lines).toHaveLength(2);
  for (const line of lines) {
    expect(isAbsolute(line)).toBe(true);
    expect(line.startsWith(stackOf().dataDir)).toBe(true);
    expect(existsSync(line)).toBe(true);
  }
  // Parent first: the list is the order the clips play in (the parent's video was written first).
  const [parentFile, childFile] = await Promise.all(lines.map((line) => stat(line)));
  expect(parentFile!.mtimeMs).toBeLessThan(childFile!.mtimeMs);

  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await detail(page).getByRole('button', { name: 'Copy file list' }).click();
  await expect(page.getByText('2 files copied in order')).toBeVisible();
  expect((await page.evaluate(() => navigator.clipboard.readText())).trim().split('\n')).toEqual(lines);
});

test('compare the two jobs: one transport drives both videos, and the differences are listed', async ({ page }) => {
  await openApp(page, stackOf().host.url);
  await nav(page, 'Library').click();
  await libraryCard(page, CHILD_PROMPT).click();

  // Keyboard: "Compare with…", then arrow to the other card and press Enter.
  await detail(page).getByRole('button', { name: 'Compare with…' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Choose a second job' })).toBeVisible();
  await expect(libraryCard(page, CHILD_PROMPT)).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(libraryCard(page, PARENT_PROMPT)).toBeFocused();
  await page.keyboard.press('Enter');

  const dialog = page.getByRole('dialog', { name: 'Compare' });
  await expect(dialog).toBeVisible();
  const a = dialog.getByLabel('Video A');
  const b = dialog.getByLabel('Video B');
  await loaded(a);
  await loaded(b);

  // The clips are 2.5 s long: watch for "both playing" inside the page, frame by frame, rather than
  // with coarse polls that a busy machine could let slip past the end.
  const bothPlayed = dialog.evaluate(
    (root) =>
      new Promise<boolean>((resolve) => {
        const [va, vb] = [...root.querySelectorAll('video')];
        const tick = () =>
          va && vb && !va.paused && !vb.paused && va.currentTime > 0.2 && vb.currentTime > 0.2 ? resolve(true) : requestAnimationFrame(tick);
        tick();
      }),
  );
  await dialog.getByRole('button', { name: 'Play' }).click();
  expect(await bothPlayed).toBe(true);
  const pause = dialog.getByRole('button', { name: 'Pause' });
  // Usually still playing; if the clip already ended, both have stopped on their own.
  if (await pause.isVisible()) await pause.click();
  await expect.poll(() => Promise.all([a, b].map((v) => v.evaluate((el: HTMLVideoElement) => el.paused)))).toEqual([true, true]);

  const times = () => Promise.all([a, b].map((v) => v.evaluate((el: HTMLVideoElement) => (el.seeking ? -1 : el.currentTime))));
  await dialog.getByRole('slider', { name: 'Timeline' }).fill('1');
  await expect.poll(async () => {
    const [ta, tb] = await times();
    return ta! >= 0 && tb! >= 0 && Math.abs(ta! - 1) < 0.1 && Math.abs(ta! - tb!) < 0.1;
  }).toBe(true);

  // Keyboard transport: ← seeks both back a second, Space plays both.
  await dialog.getByRole('slider', { name: 'Timeline' }).focus();
  await page.keyboard.press('ArrowLeft');
  await expect.poll(async () => (await times()).every((t) => t >= 0 && t < 0.1)).toBe(true);
  await page.keyboard.press(' ');
  await expect.poll(() => Promise.all([a, b].map((v) => v.evaluate((el: HTMLVideoElement) => el.paused)))).toEqual([false, false]);
  await page.keyboard.press(' ');
  await expect.poll(() => Promise.all([a, b].map((v) => v.evaluate((el: HTMLVideoElement) => el.paused)))).toEqual([true, true]);
  const [ta, tb] = await times();
  expect(Math.abs(ta! - tb!)).toBeLessThan(0.1);

  const diff = dialog.getByRole('table', { name: 'Settings diff' });
  await expect(diff).toBeVisible();
  await expect(diff.getByRole('row', { name: /Duration \(differs\)/ })).toContainText('4s');
  await expect(diff.getByRole('row', { name: /Resolution/ })).not.toContainText('differs');
  // A is the job "Compare with…" started from (the continuation), B the one picked second.
  await expect(dialog.locator('.prompt-diff del')).toHaveText('then sinks slowly');
  await expect(dialog.locator('.prompt-diff ins')).toHaveText('at noon');

  await dialog.getByRole('radio', { name: 'Wipe' }).check();
  const wipe = dialog.getByRole('slider', { name: 'Wipe position' });
  await wipe.focus();
  await page.keyboard.press('ArrowLeft');
  await expect(wipe).toHaveValue('49');
  await shot(page, '32-compare-wipe');

  // Modal like every dialog: Tab stays inside, Esc closes, focus returns to the card that opened it.
  await expectModalDialog(page, dialog, { focused: wipe, opener: libraryCard(page, PARENT_PROMPT) });
  // Esc closed only the Compare view: the library detail is still open.
  await expect(detail(page)).toBeVisible();
});
