// The native menu, as a template. Standard roles give the platform's usual items and shortcuts;
// app-specific items send an `app:command` event the renderer acts on. Only types come from
// 'electron' so the template is unit-tested under Node; lifecycle.ts builds and installs it.
import type { MenuItemConstructorOptions } from 'electron';
import { APP_COMMAND_KEYS } from '../../shared/app-commands';
import type { AppCommand } from '../../shared/contract';
import type { Locale } from '../../shared/i18n/locales';
import type { MessageId } from '../../shared/i18n/messages';
import { translatorFor, type Translate } from './shell-locale';

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
  /** The shell's language (shell-locale.ts). */
  locale: Locale;
}

type Role = NonNullable<MenuItemConstructorOptions['role']>;

/**
 * A role item in the menu's language. Electron's role labels are fixed English strings
 * (lib/browser/api/menu-item-roles.ts), not the OS's words; in English we keep them (they vary by
 * platform: "Quit Veo Studio" on macOS, "Exit" on Windows); in any other language we give the
 * label, and the role still brings its behaviour and shortcut.
 */
export function roleItem(locale: Locale, t: Translate, role: Role, label: MessageId, params?: Record<string, string>): MenuItemConstructorOptions {
  return locale === 'en' ? { role } : { role, label: t(label, params) };
}

export const MODEL_PAGE_URL = 'https://fal.ai/models/fal-ai/veo3/image-to-video';

export function buildMenuTemplate(o: MenuOptions): MenuItemConstructorOptions[] {
  const t = translatorFor(o.locale);
  const role = (r: Role, label: MessageId, params?: Record<string, string>) => roleItem(o.locale, t, r, label, params);
  const app = { appName: o.appName };
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
    label: t('desktop.menu.settingsEllipsis'),
    accelerator: 'CmdOrCtrl+,',
    click: send(MENU_COMMANDS.settings),
  };

  const appMenu: MenuItemConstructorOptions = {
    label: o.appName,
    submenu: [
      role('about', 'desktop.role.about', app),
      { type: 'separator' },
      settingsItem,
      { type: 'separator' },
      role('services', 'desktop.role.services'),
      { type: 'separator' },
      role('hide', 'desktop.role.hide', app),
      role('hideOthers', 'desktop.role.hideOthers'),
      role('unhide', 'desktop.role.unhide'),
      { type: 'separator' },
      role('quit', 'desktop.role.quitApp', app),
    ],
  };

  const fileMenu: MenuItemConstructorOptions = {
    label: t('desktop.menu.file'),
    submenu: [
      { label: t('desktop.menu.openImage'), accelerator: APP_COMMAND_KEYS['file:open-image'].accelerator, click: () => o.openImageDialog() },
      commandItem(t('desktop.menu.generate'), MENU_COMMANDS.generate),
      { type: 'separator' },
      { label: t('desktop.menu.openDataFolder'), click: () => o.openDataFolder() },
      ...(o.isMac ? [] : ([{ type: 'separator' }, role('quit', 'desktop.role.quit')] as MenuItemConstructorOptions[])),
    ],
  };

  const editMenu: MenuItemConstructorOptions = {
    label: t('desktop.menu.edit'),
    submenu: [
      role('undo', 'desktop.role.undo'),
      role('redo', 'desktop.role.redo'),
      commandItem(t('desktop.menu.undoDelete'), MENU_COMMANDS.undoDelete),
      { type: 'separator' },
      role('cut', 'desktop.role.cut'),
      role('copy', 'desktop.role.copy'),
      role('paste', 'desktop.role.paste'),
      role('pasteAndMatchStyle', 'desktop.role.pasteAndMatchStyle'),
      role('delete', 'desktop.role.delete'),
      role('selectAll', 'desktop.role.selectAll'),
      { type: 'separator' },
      commandItem(t('desktop.menu.findInLibrary'), MENU_COMMANDS.search),
    ],
  };

  const viewMenu: MenuItemConstructorOptions = {
    label: t('desktop.menu.view'),
    submenu: [
      commandItem(t('desktop.menu.create'), MENU_COMMANDS.create),
      commandItem(t('desktop.menu.library'), MENU_COMMANDS.library),
      commandItem(t('desktop.menu.settings'), MENU_COMMANDS.settings),
      { type: 'separator' },
      commandItem(t('desktop.menu.jobsPanel'), MENU_COMMANDS.jobsPanel),
      { type: 'separator' },
      ...(o.isDev ? ([role('reload', 'desktop.role.reload'), role('forceReload', 'desktop.role.forceReload'), role('toggleDevTools', 'desktop.role.toggleDevTools'), { type: 'separator' }] as MenuItemConstructorOptions[]) : []),
      role('resetZoom', 'desktop.role.resetZoom'),
      role('zoomIn', 'desktop.role.zoomIn'),
      role('zoomOut', 'desktop.role.zoomOut'),
      { type: 'separator' },
      role('togglefullscreen', 'desktop.role.toggleFullScreen'),
    ],
  };

  // Electron fills the Window menu with English items of its own; in another language we list the
  // same items (its defaults per platform, menu-item-roles.ts) with our labels.
  const windowMenu: MenuItemConstructorOptions =
    o.locale === 'en'
      ? { role: 'windowMenu' }
      : {
          role: 'windowMenu',
          label: t('desktop.menu.window'),
          submenu: o.isMac
            ? [role('minimize', 'desktop.role.minimize'), role('zoom', 'desktop.role.zoom'), { type: 'separator' }, role('front', 'desktop.role.front')]
            : [role('minimize', 'desktop.role.minimize'), role('close', 'desktop.role.close')],
        };

  const helpMenu: MenuItemConstructorOptions = {
    role: 'help',
    ...(o.locale === 'en' ? {} : { label: t('desktop.menu.help') }),
    submenu: [{ label: t('desktop.menu.aboutModel'), click: () => o.openExternal(MODEL_PAGE_URL) }],
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
