// Windows shutdown or log-off: Electron emits no before-quit / will-quit / quit there, only the
// window's 'session-end', and terminates the process as soon as its listeners return. The built
// bundle must release the library lock inside that listener — synchronously — or the next start
// judges a stale lock by a pid that Windows (Fast Startup keeps uptime) may have handed to another
// process. A later quit must still close cleanly.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootMainBundle, type BootedMain } from './boot-main-bundle';
import { fakeEvent } from './fake-electron';

let booted: BootedMain;

beforeAll(async () => {
  booted = await bootMainBundle();
}, 60_000);

afterAll(() => booted?.dispose());

describe('a Windows session end', () => {
  it('releases the library lock before the listener returns, and a quit afterwards still closes cleanly', async () => {
    const { fake, dataDir } = booted;
    const lock = path.join(dataDir, 'library', 'library.lock');
    fake.becomeReady();
    const win = await fake.windowLoaded;
    expect(existsSync(lock)).toBe(true);

    win.emit('session-end', fakeEvent(), ['logoff']);
    // No await in between: the process would already be gone.
    expect(existsSync(lock)).toBe(false);

    fake.electron.app.quit();
    await fake.quitDone;
    expect(fake.ipcHandlers.size).toBe(0);
    expect(existsSync(lock)).toBe(false);
  });
});
