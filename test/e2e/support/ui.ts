// Page-level helpers written against the accessible names the UI promises (issue: "Accessible
// names"), so the tests read like what a person does.
import { readFile } from 'node:fs/promises';
import { expect, type Locator, type Page } from '@playwright/test';
import { REPO, SAMPLE_INPUT } from './stack';

export const SCREENSHOTS = `${REPO}/test-results/screens`;

export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${SCREENSHOTS}/${name}.png`, fullPage: false });
}

export async function openApp(page: Page, url: string): Promise<void> {
  await page.goto(url);
  // The token lives in the page's memory: it must not linger in the address bar, nor become a cookie.
  await expect.poll(() => page.url().includes('token=')).toBe(false);
  expect(await page.context().cookies()).toEqual([]);
}

export const nav = (page: Page, name: 'Create' | 'Library' | 'Settings'): Locator =>
  page.getByRole('navigation').getByRole('link', { name }).or(page.getByRole('navigation').getByRole('button', { name }));

export async function setKey(page: Page, key: string): Promise<void> {
  await nav(page, 'Settings').click();
  await page.getByRole('textbox', { name: 'API key' }).fill(key);
  await page.getByRole('button', { name: 'Save key' }).click();
  await expect(page.getByText(`…${key.slice(-4)}`)).toBeVisible();
}

/** A real drop: a File built from the sample picture, dispatched as dragenter/dragover/drop. */
export async function dropImage(page: Page, path = SAMPLE_INPUT, name = 'harbour.jpg', zoneName = 'Input image'): Promise<void> {
  const base64 = (await readFile(path)).toString('base64');
  const zone = page.getByRole('region', { name: zoneName });
  await zone.evaluate(
    (el, { base64, name }) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const dt = new DataTransfer();
      dt.items.add(new File([bytes], name, { type: 'image/jpeg' }));
      for (const type of ['dragenter', 'dragover', 'drop']) {
        el.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
      }
    },
    { base64, name },
  );
}

export async function generate(page: Page, prompt: string): Promise<Locator> {
  await nav(page, 'Create').click();
  await dropImage(page);
  await expect(page.getByRole('region', { name: 'Input image' }).getByRole('img').first()).toBeVisible();
  await page.getByRole('textbox', { name: 'Prompt' }).fill(prompt);
  const button = page.getByRole('button', { name: /^Generate/ });
  await expect(button).toBeEnabled();
  await button.click();
  return jobCard(page, prompt);
}

export function jobCard(page: Page, prompt: string): Locator {
  return page.getByRole('list', { name: 'Jobs' }).getByRole('listitem').filter({ hasText: prompt.slice(0, 40) }).first();
}

/** Plays the open video from disk and seeks it; returns the time it landed on. */
export async function playAndSeek(video: Locator, to = 1.5): Promise<number> {
  await expect(video).toBeVisible();
  return video.evaluate(async (el, to) => {
    const v = el as HTMLVideoElement;
    v.muted = true;
    if (v.readyState < 2) await new Promise((r) => v.addEventListener('loadeddata', r, { once: true }));
    await v.play();
    await new Promise<void>((resolve) => {
      const tick = () => (v.currentTime > 0.2 ? resolve() : requestAnimationFrame(tick));
      tick();
    });
    v.pause();
    const seeked = new Promise((r) => v.addEventListener('seeked', r, { once: true }));
    v.currentTime = to;
    await seeked;
    return v.currentTime;
  }, to);
}

/**
 * Records every state the host reports for a job, from the WebSocket frames the page receives
 * (call before the page loads). A state that lasts a moment on a loaded machine is still seen even
 * if the test's own polling of the DOM misses it; the DOM assertions cover what is displayed.
 */
export function recordJobStates(page: Page, promptFragment: string): () => string[] {
  const seen: string[] = [];
  page.on('websocket', (ws) => {
    ws.on('framereceived', ({ payload }) => {
      try {
        const frame = JSON.parse(String(payload)) as { type?: string; channel?: string; payload?: { state?: string; params?: { prompt?: string } } };
        const job = frame.payload;
        if (frame.type !== 'event' || frame.channel !== 'job:updated' || !job?.params?.prompt?.includes(promptFragment)) return;
        if (job.state && seen.at(-1) !== job.state) seen.push(job.state);
      } catch {
        // not JSON: ignore
      }
    });
  });
  return () => [...seen];
}
