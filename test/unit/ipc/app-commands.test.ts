// Every command in the contract must make the renderer do something, and the menu must send every
// command except the few listed in NOT_FROM_MENU (with the reason): the menu is walked item by item
// (both platform layouts, developer items on), and each command is run against fresh stores.
// File ▸ Generate once sent a command nobody handled; a command added with no menu item and no
// entry in NOT_FROM_MENU fails here.
import { readFile } from 'node:fs/promises';
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { buildMenuTemplate } from '../../../electron/main/menu';
import { APP_COMMAND_KEYS, windowCommandForKey, acceleratorKey } from '../../../shared/app-commands';
import { APP_COMMANDS, type AppCommand, type PreparedImageInfo } from '../../../shared/contract';
import { DEFAULT_SETTINGS } from '../../../shared/settings';
import { connectEvents, createStores } from '../../../renderer/stores';
import type { View } from '../../../renderer/stores/app-store';
import { makeJobRecord } from '../../support/records';
import { createFakeApi, memoryStorage, ok } from '../../renderer/fake-api';

/** Commands the menu deliberately does not send, and who does. */
const NOT_FROM_MENU: Partial<Record<AppCommand, string>> = {
  'job:open': 'needs a job id: a notification click sends it',
  'file:open-image': 'the desktop menu opens the native chooser in main; the renderer key map sends it in the browser host',
};

/** Clicks every item of the menu the way Electron would and returns what it sent the renderer. */
function commandsTheMenuSends(): Set<AppCommand> {
  const sent = new Set<AppCommand>();
  const click = (items: readonly MenuItemConstructorOptions[]): void => {
    for (const item of items) {
      (item.click as (() => void) | undefined)?.();
      if (Array.isArray(item.submenu)) click(item.submenu);
    }
  };
  for (const isMac of [false, true]) {
    click(buildMenuTemplate({ isMac, isDev: true, appName: 'Veo Studio', command: (c) => sent.add(c), openExternal: () => {}, openDataFolder: () => {}, openImageDialog: () => {}, locale: 'en' }));
  }
  return sent;
}

const image: PreparedImageInfo = { token: 'tok', kind: 'file', name: 'a.png', width: 1920, height: 1080, warnings: [] };

/** Stores with a form that can be generated, showing `view`, wired to the fake's events. */
async function readyStores(view: View) {
  const job = makeJobRecord();
  const fake = createFakeApi({
    'image:prepare': () => ok(image),
    'jobs:create': ({ params }) => ok(makeJobRecord({ state: 'submitting', params })),
    'library:get': () => ok(job),
    'library:delete': () => ok(undefined),
    'library:undoDelete': () => ok(job),
    'settings:get': () => ok({ ...DEFAULT_SETTINGS, provider: 'simulator' as const }),
  });
  const stores = createStores(fake.api, { storage: memoryStorage() });
  await stores.settings.getState().load();
  await stores.create.getState().addImages([{ kind: 'url', url: 'https://example.com/a.png' }]);
  stores.create.getState().setField('prompt', 'A fox in the snow');
  stores.app.getState().setView(view);
  connectEvents(fake.api, stores);
  return { fake, stores, job };
}

/** Everything a command could change that a person would notice. */
function observable({ fake, stores }: Awaited<ReturnType<typeof readyStores>>) {
  const { view, searchFocusRequest, chooseImageRequest, jobsPanelOpen, jobsPanelOpenOnCreate } = stores.app.getState();
  return { view, searchFocusRequest, chooseImageRequest, jobsPanelOpen, jobsPanelOpenOnCreate, selected: stores.library.getState().selected?.id, calls: fake.calls.map((c) => c.channel) };
}

/** Runs `command` from a view it is not about, and says whether anything noticeable changed. */
async function changesSomething(command: AppCommand): Promise<boolean> {
  const s = await readyStores(command === 'view:settings' ? 'library' : 'settings');
  // Undo needs something deleted to bring back.
  if (command === 'edit:undo-delete') await s.stores.library.getState().remove(s.job.id);
  const before = observable(s);
  s.fake.emit('app:command', command === 'job:open' ? { command, jobId: s.job.id } : { command });
  return JSON.stringify(observable(s)) !== JSON.stringify(before);
}

describe('app commands', () => {
  const fromMenu = commandsTheMenuSends();

  it.each(APP_COMMANDS.map((c) => [c]))('the menu sends %s, or says why not', (command) => {
    expect(fromMenu.has(command), NOT_FROM_MENU[command] ?? 'the menu should send it').toBe(!NOT_FROM_MENU[command]);
  });

  it.each(APP_COMMANDS.map((c) => [c]))('the renderer acts on %s', async (command) => {
    expect(await changesSomething(command)).toBe(true);
  });

  it('the renderer key map answers every shortcut a view does not own', () => {
    for (const command of APP_COMMANDS) {
      const keys: { accelerator?: string; viewOwned?: true } = APP_COMMAND_KEYS[command];
      const expected = keys.accelerator && !keys.viewOwned ? command : undefined;
      if (keys.accelerator) expect(windowCommandForKey(acceleratorKey(keys.accelerator)), command).toBe(expected);
    }
    expect(windowCommandForKey('enter')).toBeUndefined();
  });

  it('⌘/Ctrl+Z undoes a delete outside text fields and leaves typing its own undo', () => {
    expect(windowCommandForKey('z')).toBe('edit:undo-delete');
    expect(windowCommandForKey('z', true)).toBeUndefined();
    expect(windowCommandForKey('f', true)).toBe('focus:search');
  });

  it('the README lists every shortcut', async () => {
    const readme = await readFile(new URL('../../../README.md', import.meta.url), 'utf8');
    for (const command of APP_COMMANDS) {
      const { accelerator }: { accelerator?: string } = APP_COMMAND_KEYS[command];
      if (accelerator) expect(readme, command).toContain(`⌘/Ctrl+${accelerator.replace('CmdOrCtrl+', '')}`);
    }
  });

  it('the renderer acts on job:open from a notification', async () => {
    expect(await changesSomething('job:open')).toBe(true);
  });

  it('File ▸ Generate submits the form like the Generate button', async () => {
    const s = await readyStores('library');
    s.fake.emit('app:command', { command: 'job:generate' });
    await expect.poll(() => s.fake.callsTo('jobs:create')).toHaveLength(1);
    expect(s.stores.app.getState().view).toBe('create');
  });

  it('ignores a command this renderer does not know', async () => {
    const s = await readyStores('library');
    const before = observable(s);
    s.fake.emit('app:command', { command: 'something:unknown' } as never);
    expect(observable(s)).toEqual(before);
  });
});
