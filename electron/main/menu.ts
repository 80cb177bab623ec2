// The native menu, as a template. Standard roles give the platform's usual items and shortcuts;
// app-specific items send an `app:command` event the renderer acts on. Only types come from
// 'electron' so the template is unit-tested under Node; lifecycle.ts builds and installs it.
import type { MenuItemConstructorOptions } from 'electron';
import { APP_COMMAND_KEYS } from '../../shared/app-commands';
import type { AppCommand } from '../../shared/contract';

/**
 * The commands menu items send: a subset of the contract's APP_COMMANDS. Not sent: `job:open` (needs
 * an id; notifications send it) and `file:open-image` (the menu opens the native chooser in main;
 * the renderer's key map sends it where there is no menu). test/unit/ipc/app-commands.test.ts keeps
 * that list honest.
 */
export const MENU_COMMANDS = {
  create: 'view:create',
  library: 'view:library',
  settings: 'view:settings',
  search: 'focus:search',
  jobsPanel: 'view:toggle-jobs',
  undoDelete: 'edit:undo-delete',
  generate: 'job:generate',
} as const satisfies Record<string, AppCommand>;

export interface MenuOptions {
  isMac: boolean;
  /** Developer items (reload, devtools) appear only in unpackaged runs. */
  isDev: boolean;
  appName: string;
  command: (command: AppCommand) => void;
  openExternal: (url: string) => void;
  openDataFolder: () => void;
  /** File ▸ Open Image…: the native chooser in main (a page chooser opened from a menu has no user gesture). */
  openImageDialog: () => void;
}

export const MODEL_PAGE_URL = 'https://fal.ai/models/fal-ai/veo3/image-to-video';

export function buildMenuTemplate(o: MenuOptions): MenuItemConstructorOptions[] {
  const send = (command: AppCommand) => () => o.command(command);
  /** An item that sends `command`, with the shortcut written once in shared/app-commands.ts. */
  const commandItem = (label: string, command: keyof typeof APP_COMMAND_KEYS): MenuItemConstructorOptions => {
    const keys: { accelerator?: string; viewOwned?: true; notInTextFields?: true } = APP_COMMAND_KEYS[command];
    return {
      label,
      click: send(command),
      ...(keys.accelerator ? { accelerator: keys.accelerator } : {}),
      // A view owns the key (it must work inside a text field): show it, do not register it.
      // So does a key that must keep its meaning in text fields (Edit ▸ Undo still owns ⌘/Ctrl+Z there).
      ...(keys.viewOwned || keys.notInTextFields ? { registerAccelerator: false } : {}),
    };
  };
  // macOS convention: Settings… (Cmd+,) in the app menu, on top of Cmd+3 in View.
  const settingsItem: MenuItemConstructorOptions = {
    label: 'Settings…',
    accelerator: 'CmdOrCtrl+,',
    click: send(MENU_COMMANDS.settings),
  };

  const appMenu: MenuItemConstructorOptions = {
    label: o.appName,
    submenu: [
      { role: 'about' },
      { type: 'separator' },
      settingsItem,
      { type: 'separator' },
      { role: 'services' },
      { type: 'separator' },
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      { type: 'separator' },
      { role: 'quit' },
    ],
  };

  const fileMenu: MenuItemConstructorOptions = {
    label: 'File',
    submenu: [
      { label: 'Open Image…', accelerator: APP_COMMAND_KEYS['file:open-image'].accelerator, click: () => o.openImageDialog() },
      commandItem('Generate', MENU_COMMANDS.generate),
      { type: 'separator' },
      { label: 'Open Data Folder', click: () => o.openDataFolder() },
      ...(o.isMac ? [] : ([{ type: 'separator' }, { role: 'quit' }] as MenuItemConstructorOptions[])),
    ],
  };

  const editMenu: MenuItemConstructorOptions = {
    label: 'Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      commandItem('Undo Delete', MENU_COMMANDS.undoDelete),
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'pasteAndMatchStyle' },
      { role: 'delete' },
      { role: 'selectAll' },
      { type: 'separator' },
      commandItem('Find in Library', MENU_COMMANDS.search),
    ],
  };

  const viewMenu: MenuItemConstructorOptions = {
    label: 'View',
    submenu: [
      commandItem('Create', MENU_COMMANDS.create),
      commandItem('Library', MENU_COMMANDS.library),
      commandItem('Settings', MENU_COMMANDS.settings),
      { type: 'separator' },
      commandItem('Jobs Panel', MENU_COMMANDS.jobsPanel),
      { type: 'separator' },
      ...(o.isDev ? ([{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, { type: 'separator' }] as MenuItemConstructorOptions[]) : []),
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  };

  const windowMenu: MenuItemConstructorOptions = {
    role: 'windowMenu',
  };

  const helpMenu: MenuItemConstructorOptions = {
    role: 'help',
    submenu: [{ label: 'About the Veo 3 Model', click: () => o.openExternal(MODEL_PAGE_URL) }],
  };

  return [...(o.isMac ? [appMenu] : []), fileMenu, editMenu, viewMenu, windowMenu, helpMenu];
}

/** Every accelerator in a template, for tests and for spotting clashes. */
export function acceleratorsOf(template: readonly MenuItemConstructorOptions[]): Map<string, MenuItemConstructorOptions> {
  const found = new Map<string, MenuItemConstructorOptions>();
  const walk = (items: readonly MenuItemConstructorOptions[]): void => {
    for (const item of items) {
      if (typeof item.accelerator === 'string') {
        if (found.has(item.accelerator)) throw new Error(`Two menu items use ${item.accelerator}.`);
        found.set(item.accelerator, item);
      }
      if (Array.isArray(item.submenu)) walk(item.submenu);
    }
  };
  walk(template);
  return found;
}
