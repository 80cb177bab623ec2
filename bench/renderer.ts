// Group 5 — the renderer in Chromium through the browser host. The renderer is built into a temp
// folder (so other work using dist/renderer is not disturbed) and served by startHost from a data
// folder seeded with 10,000 jobs. Measured: initial JavaScript gzipped, first contentful paint and
// startup to a usable Library (fresh browser context each time, so nothing is cached), and the
// longest main-thread task while the Library grid is scrolled from top to bottom — once as seeded,
// once with every finished job showing its video's poster (a second data folder, so the first row
// keeps its meaning). The scrolls run in a page with no automation attached (bare-page.ts).
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import { MemoryKeychain } from '../electron/core/secrets/secret-store';
import { startHost, type RunningHost } from '../electron/host/server';
import { REPO_ROOT } from './child';
import { openBarePage } from './bare-page';
import { CHROMIUM } from './prepare-page';
import { collectFindings, initialJsGzipBytes, longestRendererTask, markLibraryReady, recordLongTasks, scrollToBottom } from './renderer-page';
import { seedDataDir } from './renderer-seed';
import { makeRow, REPORT_ONLY, type Row } from './rows';
import { median } from './stats';

const JOBS = 10_000;
const FCP_RUNS = 3;
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'];
const VIEWPORT = { width: 1280, height: 800 };
const LARGE = { width: 2560, height: 1440 };
const GRID = '.lib-grid-scroll';
const FIRST_CARD = `${GRID} [data-index="0"]`;
const BLANK_CARD = `${GRID} .lib-card.is-placeholder`;
/** tsx compiles with esbuild's keepNames, which wraps named functions in a __name() helper;
 * functions we hand to the page carry those calls, so the page gets an identity __name. */
const NAME_SHIM = { content: 'globalThis.__name = (fn) => fn;' };
/** One viewport per two frames takes ~30 s at 60 fps; long tasks stretch that, this bounds it. */
const SCROLL_LIMIT_MS = 180_000;

async function buildRenderer(outDir: string): Promise<void> {
  const vite = spawn(process.execPath, [join(REPO_ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const [code] = (await once(vite, 'exit')) as [number | null];
  if (code !== 0) throw new Error(`vite build exited with ${code}`);
}

async function firstContentfulPaint(browser: Browser, url: string): Promise<number> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'load' });
    const handle = await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime);
    return (await handle.jsonValue()) as number;
  } finally {
    await context.close();
  }
}

/**
 * Navigation → Library usable, in a fresh context: the page loads, the Library is opened from the
 * rail as soon as the rail is there (as a person would), and the clock stops when its first card is
 * in the page — time since navigation start, measured by the page itself.
 */
async function startupToLibrary(browser: Browser, url: string): Promise<number> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const page = await context.newPage();
    await page.addInitScript(NAME_SHIM);
    await page.addInitScript(markLibraryReady, FIRST_CARD);
    await page.goto(url, { waitUntil: 'commit' });
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: /^Library/ }).click();
    const ready = await page.waitForFunction(() => window.__veoLibraryReadyAt, undefined, { timeout: 30_000 });
    return (await ready.jsonValue()) as number;
  } finally {
    await context.close();
  }
}

/** Runs in the page: opens the Library from the rail, as a person would. */
function openLibrary(): boolean {
  const rail = document.querySelector('nav.rail');
  const button = [...(rail?.querySelectorAll('button') ?? [])].find((b) => b.textContent?.trim().startsWith('Library'));
  button?.click();
  return !!button;
}

const present = (selector: string): boolean => document.querySelector(selector) !== null;
const longestOpeningTask = (): number => Math.max(0, ...(window.__veoLongTasks ?? []).map((t) => t.duration));

/** What one scroll of the grid measured. */
interface ScrollResult {
  longest: number;
  frameP95: number;
  /** Steps after which some card on screen was still a placeholder (its job not loaded yet). */
  blankSteps: number;
}

/**
 * The first (uncached) scroll, in a page with no automation attached but a light trace
 * (bare-page.ts says why): its longest main-thread task from the trace (every task, not only
 * those over the long-task observer's 50 ms), frame times, and blank cards seen.
 */
async function scrollLibrary(url: string, viewport: { width: number; height: number }, log: (line: string) => void): Promise<ScrollResult> {
  if (!CHROMIUM) throw new Error('no Chromium found: install Debian\'s chromium (see .ci/setup-test-deps)');
  const page = await openBarePage({
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
    url,
    viewport,
    initScripts: [NAME_SHIM.content, `(${recordLongTasks.toString()})()`],
  });
  try {
    await page.waitFor(openLibrary, undefined, 30_000);
    await page.waitFor(present, FIRST_CARD, 30_000);
    const opening = await page.evaluate(longestOpeningTask, undefined);

    let scroll: Awaited<ReturnType<typeof scrollToBottom>> | undefined;
    const trace = await page.traced(['toplevel'], async () => {
      scroll = await page.evaluate(scrollToBottom, { selector: GRID, maxMs: SCROLL_LIMIT_MS, blankSelector: BLANK_CARD });
    });
    if (!scroll?.atBottom) throw new Error(`the grid did not reach its bottom in ${scroll?.steps} steps (${SCROLL_LIMIT_MS / 1000} s)`);
    await page.waitFor(present, `${GRID} [data-index="${JOBS - 1}"]`, 30_000);
    const found = await page.evaluate(collectFindings, { from: scroll.startedAt, to: scroll.endedAt });
    const observed = [...found.longTasks].sort((a, b) => b - a);
    // The trace sees every task; the observer (no trace needed) is the cross-check.
    const longest = Math.max(longestRendererTask(trace), observed[0] ?? 0);
    log(`  library opened (longest task while opening ${opening.toFixed(0)} ms); scrolled ${scroll.steps} viewports in ${((scroll.endedAt - scroll.startedAt) / 1000).toFixed(1)} s`);
    log(`  longest task ${longest.toFixed(1)} ms; long tasks (≥ 50 ms) seen by the observer: ${observed.length}${observed.length ? ` (${observed.slice(0, 5).map((d) => d.toFixed(0)).join(', ')} ms)` : ''}`);
    log(`  ${scroll.frames} frames, p95 frame time ${scroll.frameP95.toFixed(1)} ms; steps showing blank cards: ${scroll.blankSteps} of ${scroll.steps} (at most ${scroll.mostBlank} at once)`);
    log(
      `  in ${found.longFrames} long animation frames: style, layout and paint ${found.styleLayoutAndPaintMs.toFixed(0)} ms; ` +
        `scripts by invoker: ${found.scriptByInvoker.map(([who, ms]) => `${who} ${ms.toFixed(0)} ms`).join('; ') || 'none'}`,
    );
    return { longest, frameP95: scroll.frameP95, blankSteps: scroll.blankSteps };
  } finally {
    await page.close();
  }
}

/** A scroll's rows: its longest task (the target), frame times, and steps that showed blank cards. */
function scrollRows(scroll: ScrollResult, what: string, withTargets = true): Row[] {
  const jobs = `${JOBS.toLocaleString('en-US')} jobs${what}`;
  return [
    makeRow({
      name: `renderer: longest main-thread task, scrolling ${jobs}`,
      unit: 'ms',
      ours: scroll.longest,
      ...(withTargets ? { target: '< 50 ms', check: (r: { ours: number }) => r.ours < 50 } : REPORT_ONLY),
    }),
    makeRow({ name: `renderer: p95 frame time, scrolling ${jobs}`, unit: 'ms', ours: scroll.frameP95, ...REPORT_ONLY }),
    makeRow({
      name: `renderer: scroll steps showing blank cards, scrolling ${jobs}`,
      unit: 'steps',
      ours: scroll.blankSteps,
      ...(withTargets ? { target: '0', check: (r: { ours: number }) => r.ours === 0 } : REPORT_ONLY),
    }),
  ];
}

export async function benchRenderer(log: (line: string) => void): Promise<Row[]> {
  for (const file of ['electron/host/server.ts', 'renderer/index.html']) {
    if (!existsSync(join(REPO_ROOT, file))) throw new Error(`${file} is missing: the renderer benchmark needs the browser host and the renderer`);
  }
  const tmp = await mkdtemp(join(tmpdir(), 'veo-bench-renderer-'));
  let host: RunningHost | undefined;
  let posterHost: RunningHost | undefined;
  let browser: Browser | undefined;
  try {
    const dist = join(tmp, 'renderer');
    await buildRenderer(dist);
    const js = await initialJsGzipBytes(dist);
    log(`  initial JS: ${js.files.join(', ')}: ${(js.rawBytes / 1024).toFixed(0)} KB raw, ${(js.gzipBytes / 1024).toFixed(1)} KB gzipped`);

    const dataDir = join(tmp, 'data');
    await seedDataDir(dataDir, JOBS);
    log(`  seeded ${JOBS} jobs`);
    host = await startHost({ dataDir, provider: 'simulator', staticDir: dist, coreOverrides: { keychain: new MemoryKeychain() }, log: () => undefined });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    log('  host and Chromium started');

    const fcps: number[] = [];
    for (let i = 0; i < FCP_RUNS; i++) fcps.push(await firstContentfulPaint(browser, host.url));
    log(`  first contentful paint: ${fcps.map((t) => t.toFixed(0)).join(', ')} ms`);
    const startups: number[] = [];
    for (let i = 0; i < FCP_RUNS; i++) startups.push(await startupToLibrary(browser, host.url));
    log(`  navigation → Library's first card (${JOBS} jobs): ${startups.map((t) => t.toFixed(0)).join(', ')} ms`);
    const plain = await scrollLibrary(host.url, VIEWPORT, log);

    const posterData = join(tmp, 'data-posters');
    await seedDataDir(posterData, JOBS, { posters: true });
    posterHost = await startHost({ dataDir: posterData, provider: 'simulator', staticDir: dist, coreOverrides: { keychain: new MemoryKeychain() }, log: () => undefined });
    log('  with video thumbnails:');
    const posters = await scrollLibrary(posterHost.url, VIEWPORT, log);
    log(`  with video thumbnails at ${LARGE.width}×${LARGE.height}:`);
    const large = await scrollLibrary(posterHost.url, LARGE, log);

    return [
      makeRow({ name: 'renderer: initial JavaScript, gzipped', unit: 'KB', ours: js.gzipBytes / 1024, target: '< 250 KB', check: (r) => r.ours < 250 }),
      makeRow({ name: 'renderer: first contentful paint (median)', unit: 'ms', ours: median(fcps), ...REPORT_ONLY }),
      makeRow({ name: `renderer: startup, navigation → Library usable (${JOBS.toLocaleString('en-US')} jobs, median)`, unit: 'ms', ours: median(startups), ...REPORT_ONLY }),
      ...scrollRows(plain, ''),
      ...scrollRows(posters, ' with video thumbnails'),
      // A large screen: ten columns, ~110 cards per viewport. Reported; the targets are 1280×800's.
      ...scrollRows(large, ` with video thumbnails at ${LARGE.width}×${LARGE.height}`, false),
    ];
  } finally {
    await browser?.close();
    await host?.close();
    await posterHost?.close();
    await rm(tmp, { recursive: true, force: true });
  }
}
