// Boots the BUILT main bundle against the fake 'electron' (as main-bundle.test.ts does) and checks
// "Open with Veo Studio" end to end: pictures from the first launch's argv and from a macOS
// 'open-file' sent before `ready` reach the page once it has loaded, and so does a second launch's.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootMainBundle, type BootedMain } from './boot-main-bundle';
import { fakeEvent, type FakeElectron } from './fake-electron';

let booted: BootedMain;
let pictures: string;
let fake: FakeElectron;
const picture = (name: string) => path.join(pictures, name);
const openedPaths = () =>
  (fake.windows[0]?.webContents.sent ?? []).filter(([channel]) => channel === 'app:openImage').map(([, payload]) => (payload as { path: string }).path);

beforeAll(async () => {
  booted = await bootMainBundle({
    async prepare(appPath) {
      pictures = path.join(appPath, 'pictures');
      await mkdir(pictures);
      for (const name of ['fox.png', 'bee.webp', 'owl.jpeg', 'notes.txt']) await writeFile(picture(name), 'x');
    },
    // A first launch by "Open with": the picture (and a file that is not one) on the command line.
    // The paths are only known once prepare() ran, so argv is read lazily below.
    get argv() {
      return [process.execPath, picture('fox.png'), '--some-chromium-switch', picture('notes.txt')];
    },
  });
  fake = booted.fake;
}, 60_000);

afterAll(() => booted?.dispose());

describe('opening pictures handed over by the OS', () => {
  it('takes macOS open-file before ready, and delivers it with the launch argv once the page loads', async () => {
    const openFile = fakeEvent();
    fake.electron.app.emit('open-file', openFile, picture('bee.webp'));
    expect(openFile.defaultPrevented).toBe(true);
    expect(fake.windows).toHaveLength(0);

    fake.becomeReady();
    await fake.windowLoaded;
    await expect.poll(openedPaths).toEqual([picture('fox.png'), picture('bee.webp')]);
  });

  it('delivers the pictures of a second launch (paths and file:// URLs), ignoring everything else', async () => {
    const argv = ['veo-studio', '--allow-file-access-from-files', 'owl.jpeg', pathToFileURL(picture('fox.png')).href, 'notes.txt', 'missing.png'];
    fake.electron.app.emit('second-instance', fakeEvent(), argv, pictures, {});
    await expect.poll(openedPaths).toEqual([picture('fox.png'), picture('bee.webp'), picture('owl.jpeg'), picture('fox.png')]);
    expect(fake.windows).toHaveLength(1);
  });

  it('quits gracefully afterwards', async () => {
    fake.electron.app.quit();
    await fake.quitDone;
    expect(fake.ipcHandlers.size).toBe(0);
  });
});
