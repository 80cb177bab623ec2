// The Library shows the videos (issue 12, item 2), in Chromium through the browser host: a finished
// take's tile, job card and player poster are a frame of its own video (pixels differ from the input
// picture), hover scrubs the take and arrow-key focus plays it, a failed job has no duration badge,
// theatre mode uses the window and keeps the player in view, J/K/L, frame steps, loop, and "Use this
// frame as poster".
import { existsSync } from 'node:fs';
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { QUICK_JOBS, useStack } from './support/stack';
import { generate, nav, openApp, setKey, shot } from './support/ui';

const PROMPT = 'A red kite dives over a wheat field at dawn';
const REFUSED = 'A kite the filter refuses [sim:content_policy]';
const stack = useStack(QUICK_JOBS);

test.describe.configure({ mode: 'serial', timeout: 180_000 });

const grid = (page: Page) => page.getByRole('list', { name: 'Library items' });
const card = (page: Page, prompt: string) => grid(page).getByRole('listitem').filter({ has: page.getByRole('button', { name: prompt }) });
const cardButton = (page: Page, prompt: string) => grid(page).getByRole('button', { name: prompt });
const detail = (page: Page) => page.getByRole('region', { name: 'Job details' });
const player = (page: Page) => detail(page).getByLabel('Video player');

/** Mean absolute difference (0–255) between two same-origin pictures, both drawn at 64×36. */
async function pictureDifference(page: Page, a: string, b: string): Promise<number> {
  return page.evaluate(
    async ([a, b]) => {
      const pixels = async (url: string) => {
        const bitmap = await createImageBitmap(await (await fetch(url)).blob());
        const canvas = new OffscreenCanvas(64, 36);
        const context = canvas.getContext('2d')!;
        context.drawImage(bitmap, 0, 0, 64, 36);
        return context.getImageData(0, 0, 64, 36).data;
      };
      const [pa, pb] = [await pixels(a), await pixels(b)];
      let sum = 0;
      for (let i = 0; i < pa.length; i++) if (i % 4 !== 3) sum += Math.abs(pa[i]! - pb[i]!);
      return sum / ((pa.length / 4) * 3);
    },
    [a, b] as const,
  );
}

const srcOf = (img: Locator) => img.evaluate((el: HTMLImageElement) => el.currentSrc || el.src);
const videoTime = (video: Locator) => video.evaluate((v: HTMLVideoElement) => v.currentTime);

async function posterFiles(): Promise<string[]> {
  const media = join(stack().dataDir, 'library', 'media');
  const out: string[] = [];
  for (const id of existsSync(media) ? await readdir(media) : []) {
    for (const name of await readdir(join(media, id))) if (name.startsWith('poster-')) out.push(`${id}/${name}`);
  }
  return out;
}

test('a finished take shows a frame of its own video, not its input picture; a failed job shows no length', async ({ page }) => {
  await openApp(page, stack().host.url);
  await setKey(page, 'sk-e2e-library-0012');
  const jobsCard = await generate(page, PROMPT);
  await expect(jobsCard).toContainText('completed', { timeout: 30_000 });
  const refused = await generate(page, REFUSED);
  await expect(refused).toContainText('failed', { timeout: 30_000 });

  // The Jobs panel's card switches to the poster once it is made (the video is on disk).
  const jobsThumb = jobsCard.locator('.job-thumb img');
  await expect.poll(() => srcOf(jobsThumb), { timeout: 30_000 }).toMatch(/\/poster-\d+\.\d{3}\.jpg\?/);
  expect(await posterFiles()).toHaveLength(1);

  await nav(page, 'Library').click();
  const tileImage = card(page, PROMPT).locator('.lib-thumb img');
  await expect.poll(() => srcOf(tileImage)).toMatch(/\/poster-\d+\.\d{3}\.jpg\?/);
  const posterUrl = await srcOf(tileImage);
  const inputThumbUrl = await srcOf(card(page, REFUSED).locator('.lib-thumb img'));
  expect(inputThumbUrl).toMatch(/\/thumb\.jpg\?/);
  // Same input picture for both jobs: the finished one's tile must show something else — its video.
  expect(await pictureDifference(page, posterUrl, inputThumbUrl)).toBeGreaterThan(12);
  expect(await pictureDifference(page, posterUrl, posterUrl)).toBe(0);

  // Only a video has a length.
  await expect(card(page, PROMPT).locator('.lib-card-duration')).toHaveText('8s');
  await expect(card(page, REFUSED).locator('.lib-card-duration')).toHaveCount(0);

  // The player's poster is the video's frame too.
  await cardButton(page, PROMPT).click();
  await expect(player(page)).toHaveAttribute('poster', /\/poster-\d+\.\d{3}\.jpg\?/);
  await shot(page, '40-library-posters');

  // Made once: a reload finds the poster in the record and makes no other.
  await page.reload();
  await nav(page, 'Library').click();
  await expect.poll(() => srcOf(card(page, PROMPT).locator('.lib-thumb img'))).toMatch(/\/poster-/);
  expect(await posterFiles()).toHaveLength(1);

  // A poster file gone missing: the tile falls back to the input picture, and a new poster is made.
  const [lost] = await posterFiles();
  await rm(join(stack().dataDir, 'library', 'media', lost!));
  await page.reload();
  await nav(page, 'Library').click();
  await expect.poll(() => posterFiles(), { timeout: 30_000 }).toHaveLength(1);
  await page.reload();
  await nav(page, 'Library').click();
  await expect.poll(() => srcOf(card(page, PROMPT).locator('.lib-thumb img'))).toMatch(/\/poster-/);
  expect(await pictureDifference(page, await srcOf(card(page, PROMPT).locator('.lib-thumb img')), inputThumbUrl)).toBeGreaterThan(12);
});

test('hover scrubs the take; arrow-key focus plays it; no tile holds a video otherwise', async ({ page }) => {
  await openApp(page, stack().host.url);
  await nav(page, 'Library').click();
  const media = card(page, PROMPT).locator('.lib-card-media');
  await expect(media).toBeVisible();
  await expect(grid(page).locator('video')).toHaveCount(0);

  const box = (await media.boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.2, box.y + box.height / 2);
  await page.mouse.move(box.x + box.width * 0.8, box.y + box.height / 2, { steps: 4 });
  const preview = media.locator('video');
  await expect(preview).toHaveCount(1);
  await expect.poll(() => preview.evaluate((v: HTMLVideoElement) => v.readyState)).toBeGreaterThanOrEqual(2);
  // The clip is 2.5 s: 80 % across the tile is 2.0 s into the take.
  await expect.poll(() => videoTime(preview)).toBeCloseTo(2.0, 1);
  await page.mouse.move(box.x + box.width * 0.4, box.y + box.height / 2);
  await expect.poll(() => videoTime(preview)).toBeCloseTo(1.0, 1);
  await page.mouse.move(0, 0);
  await expect(grid(page).locator('video')).toHaveCount(0);

  // Keyboard: from the refused job's card, the arrow key moves focus to the take, which plays.
  await cardButton(page, REFUSED).focus();
  await page.keyboard.press('ArrowRight');
  await expect(cardButton(page, PROMPT)).toBeFocused();
  const playing = media.locator('video');
  await expect.poll(() => playing.evaluate((v: HTMLVideoElement) => !v.paused && v.currentTime > 0.1), { timeout: 15_000 }).toBe(true);
  await page.keyboard.press('ArrowLeft');
  await expect(grid(page).locator('video')).toHaveCount(0);
});

test('theatre mode uses the window, keeps the player in view while the details scroll, and Esc leaves it', async ({ page }) => {
  await page.setViewportSize({ width: 1600, height: 900 });
  await openApp(page, stack().host.url);
  await nav(page, 'Library').click();
  await cardButton(page, PROMPT).click();
  await expect(player(page)).toBeVisible();
  const beside = (await player(page).boundingBox())!;
  expect(beside.width).toBeLessThan(700);

  await detail(page).getByRole('button', { name: 'Theatre mode' }).click();
  await expect(detail(page).getByRole('button', { name: 'Leave theatre mode' })).toHaveAttribute('aria-pressed', 'true');
  const theatre = (await player(page).boundingBox())!;
  expect(theatre.width).toBeGreaterThan(1600 * 0.9);
  expect(theatre.height).toBeGreaterThan(900 * 0.7);
  await shot(page, '41-theatre');

  // What the theatre covers cannot take focus: Tab and Shift+Tab cycle through its own controls.
  const focusInside = () => page.evaluate(() => !!document.activeElement?.closest('.lib-detail.is-theatre'));
  for (let i = 0; i < 25; i++) {
    await page.keyboard.press(i < 20 ? 'Tab' : 'Shift+Tab');
    expect(await focusInside()).toBe(true);
  }
  // Keys pressed inside the <video>'s own controls never reach the page (Chromium), so Esc is
  // pressed from one of ours.
  await detail(page).getByRole('button', { name: 'Leave theatre mode' }).focus();

  // Scroll the details underneath: the player stays where it is.
  await detail(page).evaluate((el) => (el.scrollTop = el.scrollHeight));
  await expect.poll(() => detail(page).evaluate((el) => el.scrollTop)).toBeGreaterThan(100);
  const afterScroll = (await player(page).boundingBox())!;
  expect(afterScroll.y).toBeGreaterThanOrEqual(-1);
  expect(afterScroll.y).toBeLessThan(5);

  await page.keyboard.press('Escape');
  await expect(detail(page).getByRole('button', { name: 'Theatre mode' })).toHaveAttribute('aria-pressed', 'false');
  await expect(detail(page)).toBeVisible();
  expect((await player(page).boundingBox())!.width).toBeLessThan(700);
  // T toggles it from the keyboard; Esc then closes theatre first, the detail second.
  await page.keyboard.press('t');
  await expect(detail(page).getByRole('button', { name: 'Leave theatre mode' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(detail(page)).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(detail(page)).toHaveCount(0);

  // Closing the detail in theatre mode ends it: the next job opens beside the grid.
  await cardButton(page, PROMPT).click();
  await page.keyboard.press('t');
  await detail(page).getByRole('button', { name: 'Close details' }).click();
  await cardButton(page, PROMPT).click();
  await expect(detail(page).getByRole('button', { name: 'Theatre mode' })).toHaveAttribute('aria-pressed', 'false');
});

test('J/K/L shuttle, "," and "." step single frames, loop, and "Use this frame as poster"', async ({ page }) => {
  await openApp(page, stack().host.url);
  await nav(page, 'Library').click();
  await cardButton(page, PROMPT).click();
  const video = player(page);
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.readyState)).toBeGreaterThanOrEqual(2);

  // Frame steps work with focus anywhere in the Library (here: the card), not only on the player.
  await cardButton(page, PROMPT).focus();
  for (const key of ['.', '.', '.', '.', ',']) await page.keyboard.press(key);
  await expect.poll(() => videoTime(video)).toBeCloseTo(3 / 24, 3);

  await page.keyboard.press('l');
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => !v.paused && v.playbackRate === 1)).toBe(true);
  await page.keyboard.press('l');
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.playbackRate)).toBe(2);
  await page.keyboard.press('k');
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.paused)).toBe(true);

  // J plays backwards: time goes down while the element itself stays paused.
  await video.evaluate((v: HTMLVideoElement) => (v.currentTime = 2));
  await expect.poll(() => videoTime(video)).toBeCloseTo(2, 2);
  await page.keyboard.press('j');
  await expect.poll(() => videoTime(video), { timeout: 10_000 }).toBeLessThan(1.6);
  await page.keyboard.press('k');
  const stopped = await videoTime(video);
  await expect.poll(async () => Math.abs((await videoTime(video)) - stopped)).toBeLessThan(0.05);

  const loop = detail(page).getByRole('button', { name: 'Loop' });
  await loop.click();
  await expect(loop).toHaveAttribute('aria-pressed', 'true');
  expect(await video.evaluate((v: HTMLVideoElement) => v.loop)).toBe(true);

  // A chosen frame becomes the poster everywhere; the poster it replaces is deleted.
  const before = await posterFiles();
  await video.evaluate((v: HTMLVideoElement) => (v.currentTime = 2.2));
  await expect.poll(() => videoTime(video)).toBeCloseTo(2.2, 2);
  await detail(page).getByRole('button', { name: 'Use this frame as poster' }).click();
  await expect(page.getByText('Poster set')).toBeVisible();
  await expect.poll(() => srcOf(card(page, PROMPT).locator('.lib-thumb img'))).toMatch(/\/poster-2\.200\.jpg\?/);
  await expect(video).toHaveAttribute('poster', /\/poster-2\.200\.jpg\?/);
  const after = await posterFiles();
  expect(after).toHaveLength(1);
  expect(after).not.toEqual(before);
  expect(after[0]).toMatch(/poster-2\.200\.jpg$/);
});
