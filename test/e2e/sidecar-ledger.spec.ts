// Self-describing outputs and the cost ledger, in Chromium through the browser host: the library
// copy gets a sidecar, dropping that sidecar restores Create, "confirm above $X" asks before a
// Generate (Esc cancels without a submit, Confirm sends), and the Library shows the spend.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { expectModalDialog } from './support/dialog';
import { startStack, type Stack } from './support/stack';
import { dropImage, jobCard, nav, openApp, setKey, shot } from './support/ui';

const KEY = 'sk-e2e-sidecar-key-5a1d';
const PROMPT = 'A paper boat drifting down a rain gutter';
let stack: Stack;
let sidecarPath: string;

test.beforeAll(async () => {
  stack = await startStack();
});
test.afterAll(async () => {
  await stack?.close();
});

test.describe.configure({ mode: 'serial' });

/** A synthetic drop of any file's bytes on the Create drop zone (like dropImage, any type). */
async function dropFile(page: Page, bytes: Buffer, name: string, type: string): Promise<void> {
  await page.getByRole('region', { name: 'Input image' }).evaluate(
    (el, { base64, name, type }) => {
      const data = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const dt = new DataTransfer();
      dt.items.add(new File([data], name, { type }));
      for (const ev of ['dragenter', 'dragover', 'drop']) {
        el.dispatchEvent(new DragEvent(ev, { dataTransfer: dt, bubbles: true, cancelable: true }));
      }
    },
    { base64: bytes.toString('base64'), name, type },
  );
}

const generateButton = (page: Page) => page.getByRole('button', { name: /^Generate/ });

test('a finished job has a sidecar next to its library video', async ({ page }) => {
  await openApp(page, stack.host.url);
  await setKey(page, KEY);
  await nav(page, 'Create').click();
  await dropImage(page);
  await page.getByRole('textbox', { name: 'Prompt' }).fill(PROMPT);
  await page.getByRole('radio', { name: '9:16' }).check();
  await page.getByRole('radio', { name: '1080p' }).check();
  await generateButton(page).click();
  await expect(jobCard(page, PROMPT)).toContainText('completed', { timeout: 30_000 });

  const mediaDir = join(stack.dataDir, 'library', 'media');
  const [id] = await readdir(mediaDir);
  sidecarPath = join(mediaDir, id!, 'video.json');
  const car = JSON.parse(await readFile(sidecarPath, 'utf8'));
  expect(car).toMatchObject({
    format: 'veo-studio.sidecar',
    version: 1,
    prompt: PROMPT,
    params: { prompt: PROMPT, aspectRatio: '9:16', resolution: '1080p', duration: '8s', generateAudio: true },
    provider: 'aggregator',
    apiBase: stack.sim.baseUrl,
    estimatedCostUsd: 3.2,
    input: { mime: 'image/jpeg', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) },
    video: { fileName: 'video.mp4', bytes: expect.any(Number) },
  });
  expect(car.requestId).toEqual(expect.any(String));
  expect(car.finishedAt).toEqual(expect.any(String));
  expect(JSON.stringify(car)).not.toContain(KEY);
});

test('dropping the sidecar restores the prompt, the settings and the picture', async ({ page }) => {
  await openApp(page, stack.host.url);
  await nav(page, 'Create').click();
  await expect(page.getByRole('textbox', { name: 'Prompt' })).toHaveValue('');
  await dropFile(page, await readFile(sidecarPath), 'video.json', 'application/json');
  await expect(page.getByRole('textbox', { name: 'Prompt' })).toHaveValue(PROMPT);
  await expect(page.getByRole('radio', { name: '9:16' })).toBeChecked();
  await expect(page.getByRole('radio', { name: '1080p' })).toBeChecked();
  await expect(page.getByRole('region', { name: 'Input image' }).getByRole('img').first()).toBeVisible();
  await expect(generateButton(page)).toBeEnabled();
  await shot(page, '30-sidecar-restored');

  // A lone video cannot bring its sidecar through a browser: say so instead of failing quietly.
  await dropFile(page, Buffer.from('\0\0\0\x18ftypmp42'), 'take.mp4', 'video/mp4');
  await expect(page.getByRole('alert')).toContainText('Drop the .json sidecar');
});

test('"confirm above $1" asks first: Esc cancels without a submit, Confirm sends', async ({ page }) => {
  await openApp(page, stack.host.url);
  await nav(page, 'Settings').click();
  const limit = page.getByRole('spinbutton', { name: 'Confirm before spending more than' });
  await limit.fill('1');
  await limit.press('Tab');
  await nav(page, 'Create').click();
  await dropFile(page, await readFile(sidecarPath), 'video.json', 'application/json');
  await expect(page.getByRole('textbox', { name: 'Prompt' })).toHaveValue(PROMPT);
  await expect(generateButton(page)).toBeEnabled();
  const before = stack.sim.submitCount();

  await generateButton(page).focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: /Spend about \$3\.20/ });
  await expect(dialog).toContainText('above your limit of $1.00');
  await shot(page, '31-confirm-spend');
  // Focus starts on Cancel, Tab stays inside, Esc cancels and focus returns to Generate.
  await expectModalDialog(page, dialog, { focused: dialog.getByRole('button', { name: 'Cancel' }), opener: generateButton(page) });
  expect(stack.sim.submitCount()).toBe(before);

  await page.keyboard.press('Enter');
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Confirm' }).click();
  await expect(dialog).toBeHidden();
  await expect.poll(() => stack.sim.submitCount()).toBe(before + 1);
  await expect(page.getByRole('list', { name: 'Jobs' }).getByRole('listitem').filter({ hasText: PROMPT.slice(0, 40) })).toHaveCount(2);
});

test('the Library shows the estimated spend, with a breakdown by day and month', async ({ page }) => {
  await openApp(page, stack.host.url);
  await nav(page, 'Library').click();
  const spend = page.getByRole('region', { name: 'Spend' });
  // Two jobs reached the server at 8 s with audio: 2 × $3.20 (today and this month too, unless the
  // run straddled midnight, when each day holds one).
  const [today, month, total] = [0, 1, 2].map((i) => spend.getByRole('definition').nth(i));
  await expect(total!).toHaveText('$6.40');
  await expect(today!).toHaveText(/^\$(3\.20|6\.40)$/);
  await expect(month!).toHaveText(/^\$(3\.20|6\.40)$/);
  await spend.getByText('Spend by day and month').click();
  const byDay = spend.getByRole('table', { name: 'By day' });
  await expect(byDay.getByRole('row').nth(1)).toContainText(/\$(3\.20|6\.40)/);
  await expect(spend.getByRole('table', { name: 'By month' })).toBeVisible();
  await shot(page, '32-library-spend');
});
