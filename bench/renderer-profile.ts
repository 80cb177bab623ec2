// A diagnostic, not a benchmark row: scrolls the Library grid (as group 5 does) under a Chromium
// trace and V8's sampling profiler, then says what the longest main-thread tasks were made of —
// trace events by name (self time) and the JavaScript functions the samples landed in. Run it when a
// scroll row misses, to find where the time goes before changing anything:
//   npx tsx bench/renderer-profile.ts [--posters] [--untraced|--second] [--cpu] [--detail] [--unminified] [--keep DIR] [--no-build]
//     [--css TEXT|none ...] [--rounds N] [--max-ms MS]
// --untraced scrolls as the benchmark's first pass does (longtask observer, frame times, no trace);
// --second traces a second pass, as the benchmark does when its first pass saw no long task;
// --cpu adds V8's sampling profiler (which slows the page: compare runs with the same flags);
// --unminified builds without minifying, so functions keep their names; --keep reuses a folder;
// each --css is a variant (extra CSS, or none), and --other DIR (another build of the renderer) one
// more, run in turn for --rounds rounds.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Browser } from '@playwright/test';
import { MemoryKeychain } from '../electron/core/secrets/secret-store';
import { startHost } from '../electron/host/server';
import { REPO_ROOT } from './child';
import { CHROMIUM } from './prepare-page';
import { collectFindings, recordLongTasks, scrollToBottom } from './renderer-page';
import { seedDataDir } from './renderer-seed';

const JOBS = 10_000;
const GRID = '.lib-grid-scroll';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'];
const NAME_SHIM = { content: 'globalThis.__name = (fn) => fn;' };
/** Tasks with at least this much CPU time are broken down. */
const SHOWN_TASK_MS = 12;

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  /** Thread (CPU) time: unlike dur, not stretched when other processes take the core. */
  tdur?: number;
  args?: { name?: string; data?: { url?: string; functionName?: string } };
}

interface CpuProfile {
  nodes: Array<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }; children?: number[] }>;
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

async function build(outDir: string, minify: boolean): Promise<void> {
  const args = [join(REPO_ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'];
  if (!minify) args.push('--minify', 'false');
  const vite = spawn(process.execPath, args, { cwd: REPO_ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
  const [code] = (await once(vite, 'exit')) as [number | null];
  if (code !== 0) throw new Error(`vite build exited with ${code}`);
}

/** Self time (ms) by event name inside [start, end] on one thread; nested events subtract from their parent. */
function selfTimeByName(events: TraceEvent[], start: number, end: number): Array<[string, number]> {
  const inside = events.filter((e) => e.ts >= start && e.ts + (e.dur ?? 0) <= end).sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const self = new Map<string, number>();
  const stack: TraceEvent[] = [];
  for (const e of inside) {
    while (stack.length && (stack.at(-1)!.ts + (stack.at(-1)!.dur ?? 0)) <= e.ts) stack.pop();
    const parent = stack.at(-1);
    const label = e.name === 'FunctionCall' || e.name === 'EvaluateScript' ? `${e.name} ${e.args?.data?.functionName ?? ''}`.trim() : e.name;
    self.set(label, (self.get(label) ?? 0) + (e.dur ?? 0) / 1000);
    if (parent) {
      const pl = parent.name === 'FunctionCall' || parent.name === 'EvaluateScript' ? `${parent.name} ${parent.args?.data?.functionName ?? ''}`.trim() : parent.name;
      self.set(pl, (self.get(pl) ?? 0) - (e.dur ?? 0) / 1000);
    }
    stack.push(e);
  }
  return [...self.entries()].filter(([, ms]) => ms >= 0.5).sort((a, b) => b[1] - a[1]);
}

/** JS self time and inclusive time (ms) by function for the samples inside [start, end] (trace µs). */
function samplesIn(profile: CpuProfile, start: number, end: number): { self: Array<[string, number]>; total: Array<[string, number]> } {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const label = (id: number): string => {
    const f = byId.get(id)!.callFrame;
    const file = f.url.split('/').pop() ?? '';
    return `${f.functionName || '(anonymous)'} ${file}:${f.lineNumber + 1}`;
  };
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  let t = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    t += profile.timeDeltas[i] ?? 0;
    const next = t + (profile.timeDeltas[i + 1] ?? 0);
    if (t < start || t > end) continue;
    const ms = (next - t) / 1000;
    const id = profile.samples[i]!;
    self.set(label(id), (self.get(label(id)) ?? 0) + ms);
    const seen = new Set<string>();
    for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) {
      const l = label(n);
      if (seen.has(l)) continue;
      seen.add(l);
      total.set(l, (total.get(l) ?? 0) + ms);
    }
  }
  const top = (m: Map<string, number>) => [...m.entries()].filter(([, ms]) => ms >= 0.5).sort((a, b) => b[1] - a[1]).slice(0, 25);
  return { self: top(self), total: top(total) };
}

interface Options {
  /** No trace: the longtask observer and frame times only, as the benchmark's first pass sees them. */
  untraced: boolean;
  /** Trace a second pass, as the benchmark does when the first saw no long task: it starts with a jump to the top. */
  second: boolean;
  cpu: boolean;
  detail: boolean;
  css: string;
  maxMs: number;
  work: string;
}

/** One uncached scroll in a fresh context, traced; prints a summary line (and, with detail, the longest tasks). */
async function profileScroll(browser: Browser, url: string, label: string, opts: Options): Promise<void> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, bypassCSP: opts.css !== '' });
  try {
    const page = await context.newPage();
    await page.addInitScript(NAME_SHIM);
    if (opts.untraced) await page.addInitScript(recordLongTasks);
    await page.goto(url, { waitUntil: 'load' });
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: /^Library/ }).click();
    await page.locator(`${GRID} [data-index="0"]`).waitFor({ timeout: 30_000 });
    // An experiment: extra CSS for the page (e.g. containment), without rebuilding.
    if (opts.css) await page.addStyleTag({ content: opts.css });
    if (opts.untraced) {
      const scroll = await page.evaluate(scrollToBottom, { selector: GRID, maxMs: opts.maxMs });
      const found = await page.evaluate(collectFindings, { from: scroll.startedAt, to: scroll.endedAt });
      const long = [...found.longTasks].sort((a, b) => b - a);
      console.log(
        `[${label}] ${scroll.steps} steps, p95 frame ${scroll.frameP95.toFixed(1)} ms; long tasks ${long.length}: ${long.slice(0, 6).map((d) => d.toFixed(0)).join(', ')}; ` +
          `${found.longFrames} long frames, style/layout/paint ${found.styleLayoutAndPaintMs.toFixed(0)} ms, scripts ${found.scriptByInvoker.map(([w, ms]) => `${w} ${ms.toFixed(0)}`).join('; ')}`,
      );
      return;
    }
    const cdp = await context.newCDPSession(page);
    if (opts.cpu) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    }
    if (opts.second) await page.evaluate(scrollToBottom, { selector: GRID, maxMs: opts.maxMs });
    const memory = async () => {
      const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number; totalSize: number };
      const dom = (await cdp.send('Memory.getDOMCounters')) as { nodes: number; jsEventListeners: number };
      return `JS heap ${(heap.usedSize / 2 ** 20).toFixed(1)}/${(heap.totalSize / 2 ** 20).toFixed(1)} MB, ${dom.nodes} DOM nodes, ${dom.jsEventListeners} listeners`;
    };
    const before = await memory();
    await browser.startTracing(page, { categories: ['toplevel', 'devtools.timeline', 'v8.execute'] });
    if (opts.cpu) await cdp.send('Profiler.start');
    const scroll = await page.evaluate(scrollToBottom, { selector: GRID, maxMs: opts.maxMs });
    const profile = opts.cpu ? ((await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile }).profile : undefined;
    const trace = await browser.stopTracing();
    const after = await memory();
    if (profile) await writeFile(join(opts.work, 'scroll.cpuprofile'), JSON.stringify(profile));
    if (opts.detail) await writeFile(join(opts.work, 'scroll-trace.json'), trace);

    const parsed = JSON.parse(trace.toString('utf8')) as { traceEvents: TraceEvent[] };
    const main = new Set(parsed.traceEvents.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
    const onMain = parsed.traceEvents.filter((e) => e.ph === 'X' && main.has(`${e.pid}:${e.tid}`));
    const tasks = onMain.filter((e) => e.name === 'ThreadControllerImpl::RunTask').sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0));
    const durations = tasks.map((t) => (t.dur ?? 0) / 1000);
    const count = (ms: number) => durations.filter((d) => d >= ms).length;
    // On a shared machine a task's wall time includes time the OS gave to others; CPU time (tdur, on
    // the tasks the trace gives it for) does not.
    const cpu = tasks.map((t) => (t.tdur ?? 0) / 1000).sort((a, b) => b - a);
    const cpuCount = (ms: number) => cpu.filter((d) => d >= ms).length;
    const perStep = (ms: number) => (ms / scroll.steps).toFixed(2);
    const gcs = (name: string) => onMain.filter((e) => e.name === name);
    const gcLine = ['MajorGC', 'MinorGC'].map((n) => `${n} ${gcs(n).length}× (longest ${Math.max(0, ...gcs(n).map((e) => (e.dur ?? 0) / 1000)).toFixed(1)} ms)`).join(', ');
    // Garbage collection shows as many V8.GC_* phases: one sum says more.
    const wholeByName = new Map<string, number>();
    for (const [n, ms] of selfTimeByName(onMain, -Infinity, Infinity)) {
      if (n.includes('RunTask')) continue;
      const key = /^V8\.GC|GC$|concurrent marking/.test(n) ? 'GC' : n;
      wholeByName.set(key, (wholeByName.get(key) ?? 0) + ms);
    }
    const whole = [...wholeByName.entries()].sort((a, b) => b[1] - a[1]);
    console.log(
      `[${label}] ${scroll.steps} steps, p95 frame ${scroll.frameP95.toFixed(1)} ms; tasks ≥50: ${count(50)}, ≥30: ${count(30)}, ≥16: ${count(16)}; ` +
        `longest ${durations.slice(0, 6).map((d) => d.toFixed(1)).join(', ')}\n  by CPU time: ≥30: ${cpuCount(30)}, ≥16: ${cpuCount(16)}, ≥10: ${cpuCount(10)}; ` +
        `longest ${cpu.slice(0, 6).map((d) => d.toFixed(1)).join(', ')}; p99.9 ${(cpu[Math.floor(cpu.length / 1000)] ?? 0).toFixed(1)}\n  ${gcLine}\n  before: ${before}; after: ${after}\n  per step (ms): ${whole.slice(0, 12).map(([n, ms]) => `${n} ${perStep(ms)}`).join('; ')}`,
    );
    if (!opts.detail) return;
    const byCpu = [...tasks].sort((a, b) => (b.tdur ?? 0) - (a.tdur ?? 0));
    for (const task of byCpu.filter((t) => (t.tdur ?? 0) / 1000 >= SHOWN_TASK_MS).slice(0, 8)) {
      const end = task.ts + (task.dur ?? 0);
      console.log(`  — task ${((task.dur ?? 0) / 1000).toFixed(1)} ms (CPU ${((task.tdur ?? 0) / 1000).toFixed(1)} ms)`);
      const same = onMain.filter((e) => e.pid === task.pid && e.tid === task.tid && e !== task);
      console.log(`    trace self time: ${selfTimeByName(same, task.ts, end).slice(0, 12).map(([n, ms]) => `${n} ${ms.toFixed(1)}`).join('; ')}`);
      if (!profile) continue;
      const js = samplesIn(profile, task.ts, end);
      console.log(`    JS self: ${js.self.slice(0, 15).map(([n, ms]) => `${n} ${ms.toFixed(1)}`).join('; ')}`);
      console.log(`    JS total: ${js.total.slice(0, 25).map(([n, ms]) => `${n} ${ms.toFixed(1)}`).join('; ')}`);
    }
  } finally {
    await context.close();
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      posters: { type: 'boolean' },
      cpu: { type: 'boolean' },
      untraced: { type: 'boolean' },
      second: { type: 'boolean' },
      detail: { type: 'boolean' },
      unminified: { type: 'boolean' },
      keep: { type: 'string' },
      'no-build': { type: 'boolean' },
      css: { type: 'string', multiple: true },
      rounds: { type: 'string' },
      'max-ms': { type: 'string' },
      other: { type: 'string' },
    },
  });
  const work = values.keep ?? (await mkdtemp(join(tmpdir(), 'veo-renderer-profile-')));
  const dist = join(work, 'renderer');
  const data = join(work, values.posters ? 'data-posters' : 'data');
  if (!values['no-build'] || !existsSync(dist)) await build(dist, !values.unminified);
  if (!existsSync(data)) await seedDataDir(data, JOBS, { posters: values.posters });
  const host = await startHost({ dataDir: data, provider: 'simulator', staticDir: dist, coreOverrides: { keychain: new MemoryKeychain() }, log: () => undefined });
  // --other: a second built renderer (e.g. main's), served from its own copy of the data, for A/B.
  let other: Awaited<ReturnType<typeof startHost>> | undefined;
  if (values.other) {
    const otherData = `${data}-other`;
    if (!existsSync(otherData)) await seedDataDir(otherData, JOBS, { posters: values.posters });
    other = await startHost({ dataDir: otherData, provider: 'simulator', staticDir: values.other, coreOverrides: { keychain: new MemoryKeychain() }, log: () => undefined });
  }
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  // Variants alternate round by round, so a busy machine slows them alike.
  const variants = (values.css?.length ? values.css : ['']).map((css) => ({ url: host.url, css: css === 'none' ? '' : css }));
  if (other) variants.push({ url: other.url, css: '' });
  try {
    for (let round = 0; round < Number(values.rounds ?? 1); round++) {
      for (const [i, variant] of variants.entries()) {
        const opts = { untraced: !!values.untraced, second: !!values.second, cpu: !!values.cpu, detail: !!values.detail, css: variant.css, maxMs: Number(values['max-ms'] ?? 180_000), work };
        await profileScroll(browser, variant.url, `${String.fromCharCode(65 + i)}${round + 1}`, opts);
      }
    }
  } finally {
    await browser.close();
    await host.close();
    await other?.close();
    if (!values.keep) await rm(work, { recursive: true, force: true });
  }
}

await main();
