import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { acceleratorsOf, buildMenuTemplate, MENU_COMMANDS, type MenuOptions } from '../../../electron/main/menu';
import { APP_COMMAND_KEYS } from '../../../shared/app-commands';

function template(overrides: Partial<MenuOptions> = {}) {
  const commands: string[] = [];
  const opened: string[] = [];
  const dialogs: string[] = [];
  const items = buildMenuTemplate({
    openImageDialog: () => dialogs.push('open-image'),
    isMac: false,
    isDev: false,
    appName: 'Veo Studio',
    command: (c) => commands.push(c),
    openExternal: (u) => opened.push(u),
    openDataFolder: () => undefined,
    ...overrides,
  });
  return { items, commands, opened, dialogs };
}

/** Clicks a menu item the way Electron would (the handler ignores its arguments). */
const click = (item: MenuItemConstructorOptions | undefined): void => {
  (item?.click as (() => void) | undefined)?.();
};

describe('menu template', () => {
  it.each([false, true])('wires the app shortcuts to their commands (mac: %s)', (isMac) => {
    const { items, commands, dialogs } = template({ isMac });
    const keys = acceleratorsOf(items);
    // Each command's shortcut is the one shared/app-commands.ts gives it.
    for (const command of Object.values(MENU_COMMANDS)) {
      const accelerator = APP_COMMAND_KEYS[command].accelerator;
      click(keys.get(accelerator));
      expect(commands.at(-1), accelerator).toBe(command);
    }
    // Open Image… is the native chooser in main, on the shared shortcut.
    click(keys.get(APP_COMMAND_KEYS['file:open-image'].accelerator));
    expect(dialogs).toEqual(['open-image']);
    // The renderer owns Cmd/Ctrl+Enter: the menu shows it without registering it.
    expect(keys.get('CmdOrCtrl+Enter')?.registerAccelerator).toBe(false);
    expect(keys.has('CmdOrCtrl+,')).toBe(isMac);
  });

  it('has the usual top-level menus, with the app menu first on macOS only', () => {
    const labels = (items: MenuItemConstructorOptions[]) => items.map((i) => i.label ?? i.role);
    expect(labels(template().items)).toEqual(['File', 'Edit', 'View', 'windowMenu', 'help']);
    expect(labels(template({ isMac: true }).items)).toEqual(['Veo Studio', 'File', 'Edit', 'View', 'windowMenu', 'help']);
  });

  it('offers reload and devtools only in development', () => {
    const roles = (items: MenuItemConstructorOptions[]) => JSON.stringify(items);
    expect(roles(template().items)).not.toContain('toggleDevTools');
    expect(roles(template({ isDev: true }).items)).toContain('toggleDevTools');
  });

  it('opens the model page from Help over https', () => {
    const { items, opened } = template();
    const help = items.find((i) => i.role === 'help');
    click((help?.submenu as MenuItemConstructorOptions[])[0]);
    expect(opened).toEqual(['https://fal.ai/models/fal-ai/veo3/image-to-video']);
  });
});
