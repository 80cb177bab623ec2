// What group 5 does inside Chromium, plus reading Chromium's trace. Functions passed to
// page.evaluate/addInitScript run in the page, so they must not close over anything from here.
import { gzipSync } from 'node:zlib';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

interface LongFrame {
  start: number;
  duration: number;
  /** Time from the frame's start until style and layout began (scripts, rAF callbacks). */
  beforeLayout: number;
  scripts: Array<{ invoker: string; duration: number }>;
}

declare global {
  interface Window {
    __veoLibraryReadyAt?: number;
    __veoLongTasks?: Array<{ start: number; duration: number }>;
    __veoLongFrames?: LongFrame[];
  }
}

/**
 * Installed before any page script: notes the moment (ms since navigation started) the Library
 * grid's first card is in the page, i.e. the Library can be used.
 */
export function markLibraryReady(selector: string): void {
  const check = (): boolean => {
    if (window.__veoLibraryReadyAt !== undefined || document.querySelector(selector) === null) return false;
    window.__veoLibraryReadyAt = performance.now();
    return true;
  };
  const observer = new MutationObserver(() => {
    if (check()) observer.disconnect();
  });
  observer.observe(document, { childList: true, subtree: true });
}

/**
 * Installed before any page script: records every long task (≥ 50 ms), and every long animation
 * frame with its script attribution, so a miss can say where the time went.
 */
export function recordLongTasks(): void {
  window.__veoLongTasks = [];
  window.__veoLongFrames = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__veoLongTasks?.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        const e = entry as PerformanceEntry & { styleAndLayoutStart?: number; scripts?: Array<{ invoker?: string; duration: number }> };
        window.__veoLongFrames?.push({
          start: e.startTime,
          duration: e.duration,
          beforeLayout: (e.styleAndLayoutStart ?? e.startTime + e.duration) - e.startTime,
          scripts: (e.scripts ?? []).map((s) => ({ invoker: s.invoker ?? '?', duration: s.duration })),
        });
      }
    }).observe({ type: 'long-animation-frame', buffered: true });
  } catch {
    // Long animation frames arrived in Chromium 123; without them we still have long tasks.
  }
}

/**
 * Scrolls the element one viewport per step, letting two animation frames pass between steps so
 * the virtualized grid renders (and fetches) every row it passes, until the bottom stops moving.
 */
export async function scrollToBottom(args: {
  selector: string;
  maxMs: number;
  /** Cards still without their job (placeholders): counted when a step's two frames have passed. */
  blankSelector?: string;
}): Promise<{ steps: number; startedAt: number; endedAt: number; atBottom: boolean; frames: number; frameP95: number; blankSteps: number; mostBlank: number }> {
  const el = document.querySelector<HTMLElement>(args.selector);
  if (!el) throw new Error(`no ${args.selector} on the page`);
  const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
  el.scrollTop = 0;
  await frame();
  const startedAt = performance.now();
  // Every frame's start time while scrolling: the gaps are the frame times the user sees.
  const frameStarts: number[] = [];
  let recording = true;
  const record = (t: number) => {
    frameStarts.push(t);
    if (recording) requestAnimationFrame(record);
  };
  requestAnimationFrame(record);
  let steps = 0;
  let atBottom = false;
  let blankSteps = 0;
  let mostBlank = 0;
  while (performance.now() - startedAt < args.maxMs) {
    const before = el.scrollTop;
    el.scrollTop = before + el.clientHeight;
    await frame();
    await frame();
    steps++;
    if (args.blankSelector) {
      // What a person sees now: placeholders inside the scrolled viewport.
      const view = el.getBoundingClientRect();
      let blank = 0;
      for (const card of el.querySelectorAll(args.blankSelector)) {
        const box = card.getBoundingClientRect();
        if (box.bottom > view.top && box.top < view.bottom) blank++;
      }
      if (blank > 0) blankSteps++;
      mostBlank = Math.max(mostBlank, blank);
    }
    atBottom = el.scrollTop + el.clientHeight >= el.scrollHeight - 1;
    if (atBottom && el.scrollTop === before) break;
  }
  recording = false;
  const gaps = frameStarts.slice(1).map((t, i) => t - (frameStarts[i] as number)).sort((a, b) => a - b);
  const frameP95 = gaps.length > 0 ? (gaps[Math.min(gaps.length - 1, Math.floor(gaps.length * 0.95))] as number) : 0;
  return { steps, startedAt, endedAt: performance.now(), atBottom, frames: gaps.length, frameP95, blankSteps, mostBlank };
}

export interface ScrollFindings {
  longTasks: number[];
  longFrames: number;
  /** Sum over long frames: script time by invoker (top few), and time before style/layout. */
  scriptByInvoker: Array<[string, number]>;
  styleLayoutAndPaintMs: number;
}

/** Runs in the page: what the observers saw between `from` and `to` (performance.now() times). */
export function collectFindings(args: { from: number; to: number }): ScrollFindings {
  const inWindow = <T extends { start: number }>(list: T[] | undefined): T[] => (list ?? []).filter((e) => e.start >= args.from && e.start <= args.to);
  const frames = inWindow(window.__veoLongFrames);
  const byInvoker = new Map<string, number>();
  let styleLayoutAndPaintMs = 0;
  for (const f of frames) {
    styleLayoutAndPaintMs += f.duration - f.beforeLayout;
    for (const s of f.scripts) {
      const key = s.invoker.length > 60 ? `${s.invoker.slice(0, 57)}...` : s.invoker;
      byInvoker.set(key, (byInvoker.get(key) ?? 0) + s.duration);
    }
  }
  return {
    longTasks: inWindow(window.__veoLongTasks).map((t) => t.duration),
    longFrames: frames.length,
    scriptByInvoker: [...byInvoker.entries()].sort((a, b) => b[1] - a[1]).slice(0, 5),
    styleLayoutAndPaintMs,
  };
}

/** Gzipped size of the JavaScript index.html loads up front (module scripts and modulepreloads). */
export async function initialJsGzipBytes(distDir: string): Promise<{ files: string[]; gzipBytes: number; rawBytes: number }> {
  const html = await readFile(join(distDir, 'index.html'), 'utf8');
  const refs = new Set<string>();
  for (const m of html.matchAll(/<script[^>]*\bsrc="([^"]+\.js)"/g)) if (m[1]) refs.add(m[1]);
  for (const m of html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+\.js)"/g)) if (m[1]) refs.add(m[1]);
  if (refs.size === 0) throw new Error('index.html references no JavaScript');
  let gzipBytes = 0;
  let rawBytes = 0;
  for (const ref of refs) {
    const bytes = await readFile(join(distDir, ref.replace(/^\.?\//, '')));
    rawBytes += bytes.length;
    gzipBytes += gzipSync(bytes).length; // default level 6, what a typical server sends
  }
  return { files: [...refs], gzipBytes, rawBytes };
}

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  dur?: number;
  args?: { name?: string };
}

const TASK_NAMES = new Set(['ThreadControllerImpl::RunTask', 'RunTask']);

/**
 * Longest task (ms) on a renderer main thread in a Chromium "toplevel" trace. Unlike the longtask
 * observer (50 ms threshold) this sees every task, so it gives a real number when nothing is long.
 */
export function longestRendererTask(trace: Buffer): number {
  const parsed = JSON.parse(trace.toString('utf8')) as { traceEvents?: TraceEvent[] } | TraceEvent[];
  const events = Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []);
  const mainThreads = new Set(
    events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`),
  );
  let longest = 0;
  for (const e of events) {
    if (e.ph === 'X' && TASK_NAMES.has(e.name) && mainThreads.has(`${e.pid}:${e.tid}`)) longest = Math.max(longest, (e.dur ?? 0) / 1000);
  }
  return longest;
}
