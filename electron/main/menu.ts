// The native menu, as a template. Standard roles give the platform's usual items and shortcuts;
// app-specific items send an `app:command` event the renderer acts on. Only types come from
// 'electron' so the template is unit-tested under Node; lifecycle.ts builds and installs it.
import type { MenuItemConstructorOptions } from 'electron';
import type { AppCommand } from '../../shared/contract';

/** The commands menu items send (a subset of the contract's APP_COMMANDS; `job:open` needs an id). */
export const MENU_COMMANDS = {
  create: 'view:create',
  library: 'view:library',
  settings: 'view:settings',
  search: 'focus:search',
  generate: 'job:generate',
  openImage: 'file:open-image',
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
  openImageDialog?: () => void;
}

export const MODEL_PAGE_URL = 'https://fal.ai/models/fal-ai/veo3/image-to-video';

export function buildMenuTemplate(o: MenuOptions): MenuItemConstructorOptions[] {
  const send = (command: AppCommand) => () => o.command(command);
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
      { label: 'Open Image…', accelerator: 'CmdOrCtrl+O', click: o.openImageDialog ?? send(MENU_COMMANDS.openImage) },
      // The renderer owns Cmd/Ctrl+Enter (it must work inside the prompt field), so the menu only
      // shows the shortcut and does not register it.
      { label: 'Generate', accelerator: 'CmdOrCtrl+Enter', registerAccelerator: false, click: send(MENU_COMMANDS.generate) },
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
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'pasteAndMatchStyle' },
      { role: 'delete' },
      { role: 'selectAll' },
      { type: 'separator' },
      { label: 'Find in Library', accelerator: 'CmdOrCtrl+F', click: send(MENU_COMMANDS.search) },
    ],
  };

  const viewMenu: MenuItemConstructorOptions = {
    label: 'View',
    submenu: [
      { label: 'Create', accelerator: 'CmdOrCtrl+1', click: send(MENU_COMMANDS.create) },
      { label: 'Library', accelerator: 'CmdOrCtrl+2', click: send(MENU_COMMANDS.library) },
      { label: 'Settings', accelerator: 'CmdOrCtrl+3', click: send(MENU_COMMANDS.settings) },
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
