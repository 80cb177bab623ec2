// The Veo 3 family through the UI in Chromium: pick Veo 3 Fast, generate 2 takes (each its own job,
// priced together), then make one of them final with Veo 3 — posted to each model's own endpoint and
// linked to its draft.
import { expect, test, type Page } from '@playwright/test';
import { QUICK_JOBS, useStack } from './support/stack';
import { dropImage, nav, openApp, setKey, shot } from './support/ui';

const PROMPT = 'A lighthouse beam sweeps over a stormy sea at night';
const stackOf = useStack(QUICK_JOBS);
test.describe.configure({ mode: 'serial', timeout: 180_000 });

const posted = (path: string) => stackOf().sim.requests.filter((r) => r.method === 'POST' && r.path === path && r.status === 200).length;
const jobCards = (page: Page) => page.getByRole('list', { name: 'Jobs' }).getByRole('listitem').filter({ hasText: PROMPT.slice(0, 40) });
const detail = (page: Page) => page.getByRole('region', { name: 'Job details' });

test('pick Veo 3 Fast, generate 2 takes, make one final with Veo 3', async ({ page }) => {
  await openApp(page, stackOf().host.url);
  await setKey(page, 'sk-e2e-models-0042');
  await nav(page, 'Create').click();
  await dropImage(page);
  await expect(page.getByRole('region', { name: 'Input image' }).getByRole('img').first()).toBeVisible();
  await page.getByRole('textbox', { name: 'Prompt' }).fill(PROMPT);

  await page.getByLabel('Model').selectOption('fal-ai/veo3/fast/image-to-video');
  await page.getByRole('radiogroup', { name: 'Takes' }).getByRole('radio', { name: '×2' }).check();
  // Veo 3 offers no 4K and no seed: the options block shows only what the model takes.
  await expect(page.getByRole('radiogroup', { name: 'Resolution' }).getByRole('radio')).toHaveCount(2);
  await expect(page.getByRole('button', { name: 'Advanced' })).toHaveCount(0);
  const button = page.getByRole('button', { name: /^Generate/ });
  // Two takes of 8 s with audio at Veo 3 Fast's $0.15/s.
  await expect(button).toContainText('Generate 2 videos');
  await expect(button).toContainText('$2.40');
  await shot(page, 'models-01-fast-two-takes');
  await button.click();

  await expect(jobCards(page)).toHaveCount(2);
  for (const card of await jobCards(page).all()) await expect(card).toContainText('completed', { timeout: 60_000 });
  expect(posted('/fal-ai/veo3/fast/image-to-video')).toBe(2);
  // Creator round, finding 10: the two takes are told apart — the model and the take on each card.
  await expect(jobCards(page).getByText(/^Veo 3 Fast · Take [12]\/2$/)).toHaveCount(2);

  await nav(page, 'Library').click();
  const libraryCards = page.getByRole('list', { name: 'Library items' }).getByRole('button', { name: PROMPT });
  await expect(libraryCards.filter({ hasText: 'Veo 3 Fast · Take 1/2' })).toHaveCount(1);
  await expect(libraryCards.filter({ hasText: 'Veo 3 Fast · Take 2/2' })).toHaveCount(1);
  await page.getByRole('list', { name: 'Library items' }).getByRole('button', { name: PROMPT }).first().click();
  await expect(detail(page)).toContainText('Veo 3 Fast');
  await expect(detail(page)).toContainText(/Take [12] of its shot/);
  const takes = detail(page).getByRole('region', { name: 'Takes of this shot' });
  await expect(takes.getByRole('button')).toHaveText([/^Take 1 · completed/, /^Take 2 · completed/]);
  await detail(page).getByRole('button', { name: 'Make final with Veo 3' }).click();

  // The final is selected: the full model, the draft as its parent.
  await expect(detail(page).getByText('Veo 3', { exact: true })).toBeVisible();
  await expect(detail(page).getByRole('region', { name: 'Chain' })).toContainText(`Final of the Veo 3 Fast draft ${PROMPT}`);
  await expect.poll(() => posted('/fal-ai/veo3/image-to-video'), { timeout: 60_000 }).toBe(1);
  await expect(detail(page).locator('video')).toBeVisible({ timeout: 60_000 });
  await shot(page, 'models-02-final');

  // Back on the draft, its final is one click away and no second one can be started (and paid for).
  await detail(page).getByRole('region', { name: 'Chain' }).getByRole('button', { name: PROMPT }).click();
  await expect(detail(page).getByText('Veo 3 Fast', { exact: true })).toBeVisible();
  await expect(detail(page).getByRole('button', { name: 'Open final' })).toBeVisible();
  await expect(detail(page).getByRole('button', { name: /Make final/ })).toHaveCount(0);
  await detail(page).getByRole('button', { name: 'Open final' }).click();
  await expect(detail(page).getByRole('region', { name: 'Chain' })).toContainText('Final of the Veo 3 Fast draft');
  expect(posted('/fal-ai/veo3/image-to-video')).toBe(1);
});
