import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_WINDOW,
  MIN_WINDOW,
  WINDOW_STATE_FILE,
  WindowStateWriter,
  readWindowState,
  restoreWindowState,
  type Rect,
} from '../../../electron/main/window-state';

const LAPTOP: Rect = { x: 0, y: 25, width: 1440, height: 875 };
const RIGHT_MONITOR: Rect = { x: 1440, y: 0, width: 2560, height: 1415 };

describe('restoreWindowState', () => {
  it('opens at the default size, centred, when nothing valid was saved', () => {
    for (const saved of [undefined, null, 'x', {}, { width: 'wide', height: 800 }, { width: -5, height: 700 }, { width: 1e9, height: 800 }, [1, 2]]) {
      expect(restoreWindowState(saved, [LAPTOP])).toEqual({ bounds: { ...DEFAULT_WINDOW }, maximized: false });
    }
  });

  it('keeps a saved window that fits the display where it was', () => {
    const saved = { x: 1600, y: 100, width: 1400, height: 900, maximized: true };
    expect(restoreWindowState(saved, [LAPTOP, RIGHT_MONITOR])).toEqual({ bounds: { x: 1600, y: 100, width: 1400, height: 900 }, maximized: true });
  });

  it('drops the position of a window saved on a display that is gone', () => {
    const saved = { x: 1600, y: 100, width: 1400, height: 900 };
    expect(restoreWindowState(saved, [LAPTOP])).toEqual({ bounds: { width: 1400, height: 875 }, maximized: false });
  });

  it('drops the position when only a sliver would be visible', () => {
    const saved = { x: 1400, y: 100, width: 1000, height: 700 }; // 40 px left on the laptop
    expect(restoreWindowState(saved, [LAPTOP]).bounds).toEqual({ width: 1000, height: 700 });
  });

  it('pulls a half off-screen window back inside its display', () => {
    const saved = { x: 900, y: -200, width: 1000, height: 700 };
    expect(restoreWindowState(saved, [LAPTOP]).bounds).toEqual({ x: 440, y: 25, width: 1000, height: 700 });
  });

  it('clamps the size between the minimum and the display', () => {
    expect(restoreWindowState({ width: 300, height: 200 }, [LAPTOP]).bounds).toEqual({ ...MIN_WINDOW });
    expect(restoreWindowState({ width: 5000, height: 5000 }, [LAPTOP]).bounds).toEqual({ width: 1440, height: 875 });
    // A display smaller than the minimum: the minimum wins (Electron enforces it anyway).
    expect(restoreWindowState({ width: 1280, height: 800 }, [{ x: 0, y: 0, width: 800, height: 500 }]).bounds).toEqual({ ...MIN_WINDOW });
  });

  it('falls back to the default when there are no displays at all', () => {
    expect(restoreWindowState(undefined, []).bounds).toEqual({ ...DEFAULT_WINDOW });
  });
});

describe('saving and reading the window state', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'veo-window-state-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('round-trips through an atomic write and leaves no temp files', async () => {
    const writer = new WindowStateWriter(dir);
    void writer.save({ x: 10, y: 20, width: 1000, height: 700, maximized: false });
    await writer.save({ x: 30, y: 40, width: 1100, height: 720, maximized: true });
    await writer.idle();
    expect(await readWindowState(dir)).toEqual({ x: 30, y: 40, width: 1100, height: 720, maximized: true });
    expect(await readdir(dir)).toEqual([WINDOW_STATE_FILE]);
  });

  it('reads a missing or corrupt file as nothing saved', async () => {
    expect(await readWindowState(dir)).toBeUndefined();
    await writeFile(path.join(dir, WINDOW_STATE_FILE), '{"width": 12');
    expect(await readWindowState(dir)).toBeUndefined();
  });

  it('refuses to write an invalid state and keeps the previous file', async () => {
    const writer = new WindowStateWriter(dir);
    await writer.save({ width: 1000, height: 700, maximized: false });
    expect(() => writer.save({ width: Number.NaN, height: 700, maximized: false })).toThrow();
    expect(JSON.parse(await readFile(path.join(dir, WINDOW_STATE_FILE), 'utf8'))).toEqual({ width: 1000, height: 700, maximized: false });
  });
});
