// The desktop shell's other words in both languages: the right-click menu, the page-recovery
// dialog and the Open Image chooser. Pure builders; the Electron calls around them are thin.
import type { ContextMenuParams, MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { buildContextMenuTemplate } from '../../../electron/main/context-menu';
import { openImageDialog } from '../../../electron/main/open-image-dialog';
import { giveUpDialog } from '../../../electron/main/page-recovery';
import type { Locale } from '../../../shared/i18n/locales';

// No Electron binary here: these modules import it for the calls around the builders, never run here.
vi.mock('electron', () => ({ Menu: {}, dialog: {}, app: {} }));

const all = { canUndo: true, canRedo: true, canCut: true, canCopy: true, canPaste: true, canSelectAll: true } as ContextMenuParams['editFlags'];
const misspelt = {
  misspelledWord: 'snwo',
  dictionarySuggestions: [] as string[],
  isEditable: true,
  editFlags: all,
  mediaType: 'image',
  hasImageContents: true,
  selectionText: '',
  x: 1,
  y: 2,
} as Parameters<typeof buildContextMenuTemplate>[0];
const noop = { replaceMisspelling: () => undefined, addToDictionary: () => undefined, copyImageAt: () => undefined };
const labels = (items: MenuItemConstructorOptions[]) => items.filter((i) => i.type !== 'separator').map((i) => i.label ?? `role:${i.role}`);

describe('right-click menu', () => {
  it('keeps Electron’s English role labels and our English words in English', () => {
    expect(labels(buildContextMenuTemplate(misspelt, noop, 'en'))).toEqual([
      'No Guesses Found', 'Add to Dictionary', 'role:undo', 'role:redo', 'role:cut', 'role:copy', 'role:paste', 'role:pasteAndMatchStyle', 'role:selectAll', 'Copy Image',
    ]);
  });

  it('speaks Chinese throughout, roles kept', () => {
    const items = buildContextMenuTemplate(misspelt, noop, 'zh-CN');
    expect(labels(items)).toEqual(['无拼写建议', '添加到词典', '撤销', '重做', '剪切', '复制', '粘贴', '粘贴并匹配样式', '全选', '复制图片']);
    expect(items.find((i) => i.label === '复制')?.role).toBe('copy');
  });
});

describe('page-recovery dialog', () => {
  it.each<[Locale, RegExp, string[]]>([
    ['en', /^The window’s page stopped \(oom, exit code 9\), 4 times in a row\./, ['Reload', 'Quit Veo Studio']],
    ['zh-CN', /^窗口页面已停止运行（oom，退出码 9），已连续 4 次。/, ['重新加载', '退出 Veo Studio']],
  ])('explains a crash in %s', (locale, detail, buttons) => {
    const text = giveUpDialog(locale, { problem: 'crashed', reason: 'oom', exitCode: 9 });
    expect(text.detail).toMatch(detail);
    expect(text.buttons).toEqual(buttons);
  });

  it('names the page that failed to load, in Chinese', () => {
    const text = giveUpDialog('zh-CN', { problem: 'failedLoad', reason: 'ERR_FILE_NOT_FOUND', url: 'app://veo/index.html' });
    expect(text.message).toBe('Veo Studio 窗口反复加载失败');
    expect(text.detail).toContain('窗口页面无法加载（app://veo/index.html：ERR_FILE_NOT_FOUND）');
  });
});

describe('Open Image chooser', () => {
  it('titles the dialog and names its filter in the shell’s language', () => {
    expect(openImageDialog('en')).toMatchObject({ title: 'Open Image', buttonLabel: 'Open', filters: [{ name: 'Images (PNG, JPEG, WebP)' }] });
    expect(openImageDialog('zh-CN')).toMatchObject({ title: '打开图片', buttonLabel: '打开', filters: [{ name: '图片（PNG、JPEG、WebP）' }] });
  });
});
