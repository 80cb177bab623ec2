// Issue 10 "High" in a real Chromium: the browser host authenticates by a token held in the page
// (never a cookie). The app works end to end with it — generate, play and seek a signed media URL,
// reload the tab — while a second local server on another port, visited by the same browser, gets
// no credential, cannot use anything it saw (replayed with a forged Origin), and cannot lock the
// user out by planting cookies for 127.0.0.1.
import { createServer, request, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import WebSocket from 'ws';
import { startStack, type Stack } from './support/stack';
import { generate, jobCard, nav, openApp, playAndSeek, setKey } from './support/ui';

const KEY = 'sk-e2e-session-key-90af';
const PROMPT = 'A kite over dunes at noon, slow pan';
let stack: Stack;
let other: { server: Server; origin: string; seen: IncomingHttpHeaders[] };

/** Another tool's local web UI: records what the browser sends it, and plants cookies for 127.0.0.1. */
async function startOtherServer(): Promise<typeof other> {
  const seen: IncomingHttpHeaders[] = [];
  const server = createServer((req, res) => {
    seen.push(req.headers);
    const planted = [
      'veo_host=planted; Path=/',
      'veo_host=planted-ws; Path=/ws',
      'veo_host=planted-media; Path=/media',
      ...Array.from({ length: 40 }, (_, i) => `junk${i}=${'x'.repeat(3900)}; Path=/`),
    ];
    res.writeHead(200, { 'Content-Type': 'text/html', 'Set-Cookie': planted }).end('<!doctype html><title>another local tool</title>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

test.beforeAll(async () => {
  stack = await startStack({ timing: { queueStepMs: 150, runMs: 600, logEveryMs: 100, cancelMs: 50 }, pingIntervalMs: 200 });
  other = await startOtherServer();
});
test.afterAll(async () => {
  await new Promise((resolve) => other?.server.close(resolve));
  await stack?.close();
});

test.describe.configure({ mode: 'serial' });

test('the app works end to end with the token in page memory: generate, play a signed video, reload', async ({ page }) => {
  await openApp(page, stack.host.url);
  await setKey(page, KEY);
  await generate(page, PROMPT);
  await expect(jobCard(page, PROMPT)).toContainText('completed', { timeout: 30_000 });
  await nav(page, 'Library').click();
  await page.getByText(PROMPT).first().click();
  const video = page.getByLabel('Video player');
  expect(await video.getAttribute('src')).toMatch(/^\/media\/media\/[^?]+\/video\.mp4\?e=\d+&s=[\w-]{43}$/);
  expect(await playAndSeek(video)).toBeGreaterThan(1);

  // A reload of this tab keeps working (sessionStorage is per origin *and* port), still cookie-free.
  await page.reload();
  await nav(page, 'Library').click();
  await expect(page.getByText(PROMPT).first()).toBeVisible();
  expect(await page.context().cookies()).toEqual([]);
  expect(await page.evaluate(() => document.cookie)).toBe('');
});

test('a server on another port gets no credential, and nothing it saw works from outside', async ({ page }) => {
  await openApp(page, stack.host.url);
  await expect(page.getByRole('navigation')).toBeVisible();
  await page.goto(`${other.origin}/`);
  const first = other.seen.at(0)!;
  expect(first.cookie).toBeUndefined();

  // Replay everything it saw, with a forged Origin, at the host: no socket, no media.
  const { host: hostHeader, port } = new URL(stack.host.url);
  const forged: Record<string, string> = { ...(first as Record<string, string>), host: hostHeader, origin: new URL(stack.host.url).origin };
  const status = await new Promise<number>((resolve) => {
    const ws = new WebSocket(`ws://${hostHeader}/ws`, { headers: forged });
    ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.on('open', () => resolve(101));
    ws.on('error', () => resolve(-1));
  });
  expect(status).toBe(401);
  const media = await new Promise<number>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: '/media/library.jsonl', headers: forged }, (res) => resolve(res.statusCode ?? 0));
    req.on('error', reject);
    req.end();
  });
  expect(media).toBe(401);
});

test('cookies planted by a page on another port do not lock the user out', async ({ page }) => {
  await openApp(page, stack.host.url);
  await page.goto(`${other.origin}/`);
  expect((await page.context().cookies()).length).toBeGreaterThan(10);
  // Back to the app in the same tab (no link this time): it still connects and shows the library.
  await page.goto(`${new URL(stack.host.url).origin}/`);
  await nav(page, 'Library').click();
  await expect(page.getByText(PROMPT).first()).toBeVisible();
  await expect(page.getByText(/Connecting to Veo Studio|reconnecting/)).toHaveCount(0);
});

test('opened without its link (no token anywhere), the page says what to do instead of spinning', async ({ browser }) => {
  const fresh = await browser.newPage();
  try {
    await fresh.goto(`${new URL(stack.host.url).origin}/`);
    await expect(fresh.getByText('Open the link printed by "npm run host"')).toBeVisible();
  } finally {
    await fresh.close();
  }
});
