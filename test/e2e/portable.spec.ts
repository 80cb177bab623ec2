// Portable library in Chromium through the browser host: make two videos, export the whole library
// to a folder (typed path — the host has no native picker), check the folder on disk, then import it
// into a SECOND host with a fresh data dir: both jobs appear and play; importing again adds nothing.
import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { expectModalDialog } from './support/dialog';
import { startHostProcess, startStack, type HostProcess, type Stack } from './support/stack';
import { generate, jobCard, nav, openApp, playAndSeek, setKey, shot } from './support/ui';

const KEY = 'sk-e2e-portable-key-51ab';
const PROMPTS = ['A lantern-lit alley in the rain, slow push in', 'Wind turbines on a ridge at sunrise, wide shot'];

let stack: Stack;
let scratch: string;
let exportDir: string;
let second: { host: HostProcess; dataDir: string } | undefined;

test.beforeAll(async () => {
  stack = await startStack({ timing: { queueStepMs: 150, runMs: 600, logEveryMs: 100, cancelMs: 50 }, pingIntervalMs: 200 });
  scratch = await mkdtemp(join(tmpdir(), 'veo-e2e-portable-'));
  exportDir = join(scratch, 'my export');
});
test.afterAll(async () => {
  await second?.host.stop();
  if (second) await rm(second.dataDir, { recursive: true, force: true });
  await stack?.close();
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

test.describe.configure({ mode: 'serial' });

const status = (page: Page, text: string | RegExp) => page.getByRole('status').filter({ hasText: text });

async function typeFolder(page: Page, path: string, submit: 'Export' | 'Import'): Promise<void> {
  const dialog = page.getByRole('dialog', { name: submit === 'Export' ? 'Export library' : 'Import library' });
  await expect(dialog).toBeVisible();
  // Focus lands in the path box: typing goes straight in.
  await expect(dialog.getByRole('textbox', { name: 'Folder path' })).toBeFocused();
  await page.keyboard.type(path);
  await dialog.getByRole('button', { name: submit, exact: true }).click();
  await expect(dialog).toBeHidden();
}

test('two finished jobs are checked with the keyboard and exported to a typed folder', async ({ page }) => {
  await openApp(page, stack.host.url);
  await setKey(page, KEY);
  for (const prompt of PROMPTS) await generate(page, prompt);
  for (const prompt of PROMPTS) await expect(jobCard(page, prompt)).toContainText('completed', { timeout: 30_000 });

  await nav(page, 'Library').click();
  await expect(page.getByText('2 jobs')).toBeVisible();
  const exportSelection = page.getByRole('button', { name: 'Export selection…' });
  await expect(exportSelection).toBeDisabled();

  // Select mode: Space toggles the focused card, Ctrl+A checks every card.
  await page.getByRole('button', { name: 'Select', exact: true }).click();
  const boxes = page.getByRole('checkbox', { name: /^Select: / });
  await expect(boxes).toHaveCount(2);
  const firstCard = page.getByRole('list', { name: 'Library items' }).getByRole('button', { name: PROMPTS[1] });
  await firstCard.focus();
  await page.keyboard.press('Space');
  await expect(page.getByRole('checkbox', { name: `Select: ${PROMPTS[1]}` })).toBeChecked();
  await page.keyboard.press('Space');
  await expect(page.getByRole('checkbox', { name: `Select: ${PROMPTS[1]}` })).not.toBeChecked();
  await page.keyboard.press('Control+A');
  for (const box of await boxes.all()) await expect(box).toBeChecked();
  await expect(exportSelection).toBeEnabled();
  await shot(page, 'portable-01-selected');

  await page.getByRole('button', { name: 'Export all…' }).click();
  await typeFolder(page, exportDir, 'Export');
  await expect(status(page, `Exported 2 jobs to ${exportDir}`)).toBeVisible();

  // On disk: an index naming both jobs, and each job's video, sidecar, input and thumbnail.
  const index = JSON.parse(await readFile(join(exportDir, 'index.json'), 'utf8')) as {
    format: string;
    jobs: Array<{ id: string; params: { prompt: string }; videoPath: string; videoBytes: number }>;
  };
  expect(index.format).toBe('veo-studio.library');
  expect(index.jobs.map((j) => j.params.prompt).sort()).toEqual([...PROMPTS].sort());
  for (const job of index.jobs) {
    // The job's folder is named from its prompt and day, not its id: whatever it is, the index names it.
    const folder = dirname(job.videoPath);
    expect(folder).toMatch(/^jobs\/veo-[a-z0-9-]+$/);
    expect(folder).not.toContain(job.id);
    expect((await readdir(join(exportDir, folder))).sort()).toEqual(['input.jpg', 'thumb.jpg', 'video.json', 'video.mp4']);
    expect((await stat(join(exportDir, job.videoPath))).size).toBe(job.videoBytes);
  }
});

test('a second machine imports the folder: both jobs appear and play; importing again adds nothing', async ({ page }) => {
  const dataDir = await mkdtemp(join(tmpdir(), 'veo-e2e-portable-b-'));
  second = {
    dataDir,
    host: await startHostProcess({ dataDir, apiBase: stack.sim.baseUrl, keychainService: `Veo Studio E2E ${randomBytes(4).toString('hex')}` }),
  };
  await openApp(page, second.host.url);
  await nav(page, 'Library').click();
  await expect(page.getByText('No videos yet')).toBeVisible();

  // The folder form is modal (the shared Dialog); Esc leaves without importing.
  const importButton = page.getByRole('button', { name: 'Import…' });
  await importButton.click();
  const dialog = page.getByRole('dialog', { name: 'Import library' });
  await expectModalDialog(page, dialog, { focused: dialog.getByRole('textbox', { name: 'Folder path' }), opener: importButton });

  await importButton.click();
  await typeFolder(page, exportDir, 'Import');
  await expect(status(page, /^Imported 2$/)).toBeVisible();
  await expect(page.getByText('2 jobs')).toBeVisible();
  for (const prompt of PROMPTS) await expect(page.getByRole('button', { name: prompt })).toBeVisible();
  await shot(page, 'portable-02-imported');

  await page.getByRole('button', { name: PROMPTS[0] }).click();
  expect(await playAndSeek(page.getByLabel('Video player'), 1.5)).toBeCloseTo(1.5, 0);

  await page.getByRole('button', { name: 'Import…' }).click();
  await typeFolder(page, exportDir, 'Import');
  await expect(status(page, 'Imported 0, skipped 2 already in the library')).toBeVisible();
  await expect(page.getByText('2 jobs')).toBeVisible();
  await expect(page.getByRole('list', { name: 'Library items' }).getByRole('listitem')).toHaveCount(2);
});
