// "Transition to…" in Chromium: two finished takes, then one first–last-frame job from the first
// take's last frame to the second's first frame — both frames taken in the page, posted to the
// first–last-frame endpoint as two pictures, followed to a finished video.
import { expect, test, type Page } from '@playwright/test';
import { QUICK_JOBS, SAMPLE_INPUT, useStack } from './support/stack';
import { dropImage, nav, openApp, setKey, shot } from './support/ui';

const PROMPT = 'A paper boat drifts down a rain-soaked street';
const FLF = '/fal-ai/veo3.1/first-last-frame-to-video';
const stackOf = useStack(QUICK_JOBS);
test.describe.configure({ mode: 'serial', timeout: 180_000 });

const jobCards = (page: Page) => page.getByRole('list', { name: 'Jobs' }).getByRole('listitem').filter({ hasText: PROMPT.slice(0, 40) });
const detail = (page: Page) => page.getByRole('region', { name: 'Job details' });

test('Transition to… between two takes queues one first–last-frame job, and it completes', async ({ page }) => {
  await openApp(page, stackOf().host.url);
  await setKey(page, 'sk-e2e-transition-0042');
  await nav(page, 'Create').click();
  await dropImage(page);
  await expect(page.getByRole('region', { name: 'Input image' }).getByRole('img').first()).toBeVisible();
  await page.getByRole('textbox', { name: 'Prompt' }).fill(PROMPT);
  await page.getByRole('radiogroup', { name: 'Takes' }).getByRole('radio', { name: '×2' }).check();
  await page.getByRole('button', { name: /^Generate/ }).click();
  await expect(jobCards(page)).toHaveCount(2);
  for (const card of await jobCards(page).all()) await expect(card).toContainText('completed', { timeout: 60_000 });

  await nav(page, 'Library').click();
  await page.getByRole('list', { name: 'Library items' }).getByRole('button', { name: PROMPT }).first().click();
  await expect(detail(page).locator('video')).toBeVisible();
  await detail(page).getByRole('button', { name: 'Transition to…' }).click();
  const group = detail(page).getByRole('group', { name: 'Transition to another take' });
  await expect(group.getByLabel('Transition to').locator('option')).toHaveCount(1);
  await expect(group.getByLabel('Transition prompt')).toHaveValue(/A smooth, continuous transition/);
  await expect(group).toContainText('Veo 3.1 First–Last Frame, 8s: $3.20');
  await shot(page, 'transition-01-pick');
  const before = stackOf().sim.submitCount();
  await group.getByRole('button', { name: 'Queue transition' }).click();

  await expect.poll(() => stackOf().sim.requests.filter((r) => r.method === 'POST' && r.path === FLF && r.status === 200).length, { timeout: 30_000 }).toBe(1);
  expect(stackOf().sim.submitCount()).toBe(before + 1);
  const sent = stackOf().sim.jobs().at(-1);
  expect(Object.keys(sent?.pictures ?? {}).sort()).toEqual(['first_frame_url', 'last_frame_url']);
  expect(sent?.pictures.first_frame_url).toMatch(/^data:image\//);
  // The new job is selected: the first–last-frame model, linked to the take it runs from.
  await expect(detail(page).getByText('Veo 3.1 First–Last Frame', { exact: true })).toBeVisible();
  await expect(detail(page).getByRole('region', { name: 'Chain' })).toContainText('Continued from');
  await expect(detail(page).locator('video')).toBeVisible({ timeout: 60_000 });
  await shot(page, 'transition-02-done');
});

test('Create shows a "Last frame" drop target only while the first–last-frame model is picked', async ({ page }) => {
  await openApp(page, stackOf().host.url);
  await nav(page, 'Create').click();
  const lastFrame = page.getByRole('region', { name: 'Last frame' });
  await expect(lastFrame).toHaveCount(0);
  await page.getByLabel('Model').selectOption(FLF.slice(1));
  await expect(lastFrame).toBeVisible();
  await lastFrame.locator('input[type="file"]').setInputFiles(SAMPLE_INPUT);
  await expect(lastFrame.getByRole('img', { name: /Last frame/ })).toBeVisible();
  await shot(page, 'transition-03-create-last-frame');
  await page.getByLabel('Model').selectOption('fal-ai/veo3.1/image-to-video');
  await expect(lastFrame).toHaveCount(0);
});
