import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { acceleratorsOf, buildMenuTemplate, MENU_COMMANDS, type MenuOptions } from '../../../electron/main/menu';
import { APP_COMMAND_KEYS } from '../../../shared/app-commands';
import type { Locale } from '../../../shared/i18n/locales';

function template(overrides: Partial<MenuOptions> = {}, locale: Locale = 'en') {
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
    locale,
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

/** Every label in a template, depth first. */
function labelsOf(items: readonly MenuItemConstructorOptions[]): string[] {
  return items.flatMap((i) => [...(i.label ? [i.label] : []), ...(Array.isArray(i.submenu) ? labelsOf(i.submenu) : [])]);
}
/** Every item with a role, depth first. */
function rolesOf(items: readonly MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((i) => [...(i.role ? [i] : []), ...(Array.isArray(i.submenu) ? rolesOf(i.submenu) : [])]);
}

describe('menu template in Chinese', () => {
  it.each([false, true])('labels every item, roles included, with no English left but product names (mac: %s)', (isMac) => {
    const { items } = template({ isMac, isDev: true }, 'zh-CN');
    expect(items.map((i) => i.label)).toEqual([...(isMac ? ['Veo Studio'] : []), '文件', '编辑', '视图', '窗口', '帮助']);
    const stray = labelsOf(items).filter((label) => /[A-Za-z]/.test(label.replace(/Veo Studio|Veo 3/g, '')));
    expect(stray).toEqual([]);
    // Electron's role labels are English-only: in Chinese every role item carries our label.
    expect(rolesOf(items).filter((i) => !i.label && i.role !== 'windowMenu' && i.role !== 'help')).toEqual([]);
    expect(labelsOf(items)).toEqual(expect.arrayContaining(['打开图片…', '复制', '粘贴', '撤销删除', '在作品库中查找', '关于 Veo 3 模型']));
  });

  it('keeps the roles (their behaviour and shortcuts) and the app’s accelerators in Chinese', () => {
    const en = template({ isMac: true, isDev: true });
    const zh = template({ isMac: true, isDev: true }, 'zh-CN');
    const roles = (items: MenuItemConstructorOptions[]) => rolesOf(items).map((i) => i.role);
    expect(roles(zh.items)).toEqual(expect.arrayContaining(roles(en.items)));
    expect([...acceleratorsOf(zh.items).keys()]).toEqual([...acceleratorsOf(en.items).keys()]);
    expect(labelsOf(zh.items)).toContain('退出 Veo Studio');
  });

  it('leaves role items to Electron’s own words in English', () => {
    expect(rolesOf(template().items).filter((i) => i.label)).toEqual([]);
  });
});
