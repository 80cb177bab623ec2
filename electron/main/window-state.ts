// The main window's remembered size and position: a small JSON file in the data folder, validated
// when read (it is disk input like any other) and clamped to the displays that exist *now* — a
// window saved on an unplugged monitor must not open off-screen. No Electron imports: window.ts
// hands in the displays' work areas.
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../core/fs/atomic';

export const WINDOW_STATE_FILE = 'window-state.json';
export const DEFAULT_WINDOW = { width: 1280, height: 800 } as const;
export const MIN_WINDOW = { width: 900, height: 600 } as const;
/** How much of the saved window must be on a display for its position to be kept. */
const MIN_VISIBLE = { width: 120, height: 60 } as const;

const Coordinate = z.number().int().min(-100_000).max(100_000);
const Extent = z.number().int().min(1).max(100_000);

export const WindowStateSchema = z.object({
  x: Coordinate.optional(),
  y: Coordinate.optional(),
  width: Extent,
  height: Extent,
  maximized: z.boolean().default(false),
});
export type WindowState = z.infer<typeof WindowStateSchema>;

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface RestoredWindow {
  bounds: { x?: number; y?: number; width: number; height: number };
  maximized: boolean;
}

/**
 * Where the window opens, from whatever was on disk (`saved` is untrusted) and the displays'
 * work areas (primary first). Invalid or missing state → default size, centred by Electron.
 */
export function restoreWindowState(saved: unknown, workAreas: readonly Rect[]): RestoredWindow {
  const primary = workAreas[0];
  const parsed = WindowStateSchema.safeParse(saved);
  if (!parsed.success) {
    return { bounds: fitSize(DEFAULT_WINDOW, primary), maximized: false };
  }
  const state = parsed.data;
  const placed = state.x !== undefined && state.y !== undefined ? bestDisplay(state as Rect, workAreas) : undefined;
  if (!placed) return { bounds: fitSize(state, primary), maximized: state.maximized };
  const size = fitSize(state, placed);
  return {
    bounds: {
      ...size,
      x: clamp(state.x as number, placed.x, placed.x + placed.width - size.width),
      y: clamp(state.y as number, placed.y, placed.y + placed.height - size.height),
    },
    maximized: state.maximized,
  };
}

/** The display the saved window overlaps most, if enough of it would be visible to grab. */
function bestDisplay(win: Rect, workAreas: readonly Rect[]): Rect | undefined {
  let best: Rect | undefined;
  let bestArea = 0;
  for (const area of workAreas) {
    const w = Math.min(win.x + win.width, area.x + area.width) - Math.max(win.x, area.x);
    const h = Math.min(win.y + win.height, area.y + area.height) - Math.max(win.y, area.y);
    if (w < Math.min(MIN_VISIBLE.width, win.width) || h < Math.min(MIN_VISIBLE.height, win.height)) continue;
    if (w * h > bestArea) {
      best = area;
      bestArea = w * h;
    }
  }
  return best;
}

/** At least the minimum size, at most the display (unless the display is smaller than the minimum). */
function fitSize(size: { width: number; height: number }, area: Rect | undefined): { width: number; height: number } {
  const fit = (value: number, min: number, max: number | undefined): number =>
    Math.max(min, max === undefined ? value : Math.min(value, max));
  return { width: fit(size.width, MIN_WINDOW.width, area?.width), height: fit(size.height, MIN_WINDOW.height, area?.height) };
}

/** Like Math.min(max(v, lo), hi) but prefers `lo` when the range is empty (window wider than the area). */
const clamp = (value: number, lo: number, hi: number): number => Math.max(lo, Math.min(value, hi));

/** Reads the saved state; a missing, unreadable or malformed file reads as "nothing saved". */
export async function readWindowState(dataDir: string): Promise<unknown> {
  try {
    return JSON.parse(await fsp.readFile(path.join(dataDir, WINDOW_STATE_FILE), 'utf8')) as unknown;
  } catch {
    return undefined;
  }
}

/** Saves writes one after another, so a late, slow write never overwrites a newer one. */
export class WindowStateWriter {
  private tail: Promise<void> = Promise.resolve();

  constructor(private readonly dataDir: string) {}

  save(state: WindowState): Promise<void> {
    const valid = WindowStateSchema.parse(state);
    this.tail = this.tail
      .then(() => writeFileAtomic(path.join(this.dataDir, WINDOW_STATE_FILE), `${JSON.stringify(valid, null, 2)}\n`))
      .catch((err: unknown) => console.warn('[veo] could not save the window position:', err instanceof Error ? err.message : err));
    return this.tail;
  }

  /** Resolves when every write asked for so far has finished (or failed and been logged). */
  idle(): Promise<void> {
    return this.tail;
  }
}
