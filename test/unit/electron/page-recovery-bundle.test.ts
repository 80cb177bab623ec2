// The built main bundle keeps its window visible and its page alive, as a user on a real Electron
// needs: shown even when 'ready-to-show' never comes, reloaded with backoff after a renderer crash or
// a failed load, and after a bounded number of tries a clear message instead of a blank window.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { bootMainBundle, type BootedMain } from './boot-main-bundle';
import { fakeEvent, type FakeElectron } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).sharedFakeElectron().electron);
const { MAX_RELOADS, RELOAD_BACKOFF_MS, SHOW_TIMEOUT_MS } = await import('../../../electron/main/page-recovery');

let booted: BootedMain;
let fake: FakeElectron;

beforeAll(async () => {
  booted = await bootMainBundle();
  fake = booted.fake;
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
}, 60_000);

afterAll(async () => {
  vi.useRealTimers();
  await booted?.dispose();
});

const win = () => fake.windows[0]!;
const crash = (reason: string) => win().webContents.emit('render-process-gone', fakeEvent(), { reason, exitCode: 1 });

describe('the window and its page, when things go wrong', () => {
  it('shows the window after a timeout when the first load never paints', async () => {
    fake.pageLoads.push('hang');
    fake.becomeReady();
    await fake.windowLoaded;
    expect(win().shown).toBe(false);
    vi.advanceTimersByTime(SHOW_TIMEOUT_MS);
    expect(win().shown).toBe(true);
  });

  it('reloads a crashed page with growing delays, then asks instead of looping', async () => {
    expect(win().loads).toHaveLength(1);
    crash('clean-exit'); // the page closing with its window: nothing to recover
    vi.advanceTimersByTime(60_000);
    expect(win().loads).toHaveLength(1);

    for (let attempt = 0; attempt < MAX_RELOADS; attempt++) {
      crash('oom');
      const delay = RELOAD_BACKOFF_MS * 2 ** attempt;
      vi.advanceTimersByTime(delay - 1);
      expect(win().loads, `attempt ${attempt + 1} waits ${delay} ms`).toHaveLength(1 + attempt);
      vi.advanceTimersByTime(1);
      expect(win().loads).toHaveLength(2 + attempt);
      expect(win().loads.at(-1)).toBe('app://veo/index.html');
    }
    fake.messageBox.next = 0; // "Reload"
    crash('oom');
    await vi.waitFor(() => expect(fake.messageBox.calls).toHaveLength(1));
    expect(fake.messageBox.calls[0]).toMatchObject({ type: 'error', buttons: ['Reload', 'Quit Veo Studio'] });
    expect(String(fake.messageBox.calls[0]?.detail)).toMatch(/oom.*library and running jobs are safe/);
    await vi.waitFor(() => expect(win().loads).toHaveLength(2 + MAX_RELOADS));
  });

  it('reloads after a failed main-frame load, ignoring aborted loads and subframes', async () => {
    const before = win().loads.length;
    const fail = (code: number, mainFrame: boolean) => win().webContents.emit('did-fail-load', fakeEvent(), code, 'ERR', 'app://veo/index.html', mainFrame, 1, 1);
    fail(-3, true);
    fail(-6, false);
    vi.advanceTimersByTime(60_000);
    expect(win().loads).toHaveLength(before);
    fail(-6, true);
    vi.advanceTimersByTime(RELOAD_BACKOFF_MS);
    expect(win().loads).toHaveLength(before + 1);
  });
});
