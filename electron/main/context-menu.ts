// The right-click menu. Chromium shows none of its own in Electron: with `spellcheck: true` the
// prompt underlines misspellings nobody could correct, and the prompt and key fields had no
// Cut/Copy/Paste. Built from the `context-menu` event's params (Electron docs, web-contents.md
// "Event: 'context-menu'": misspelledWord, dictionarySuggestions, isEditable, editFlags, mediaType,
// hasImageContents, selectionText) as in Electron's spellchecker tutorial: suggestions go through
// webContents.replaceMisspelling, "Add to Dictionary" through session.addWordToSpellCheckerDictionary.
import type { BrowserWindow, ContextMenuParams, MenuItemConstructorOptions } from 'electron';
import { Menu } from 'electron';
import type { Locale } from '../../shared/i18n/locales';
import { roleItem } from './menu';
import { translatorFor } from './shell-locale';

/** What the menu's own items do; the roles (cut, copy, paste…) act on the focused page by themselves. */
export interface ContextMenuActions {
  replaceMisspelling(word: string): void;
  addToDictionary(word: string): void;
  copyImageAt(x: number, y: number): void;
}

type Params = Pick<
  ContextMenuParams,
  'misspelledWord' | 'dictionarySuggestions' | 'isEditable' | 'editFlags' | 'mediaType' | 'hasImageContents' | 'selectionText' | 'x' | 'y'
>;

const MAX_SUGGESTIONS = 5;

/** The template for one right-click; empty when there is nothing sensible to offer (plain page chrome). */
export function buildContextMenuTemplate(p: Params, act: ContextMenuActions, locale: Locale): MenuItemConstructorOptions[] {
  const t = translatorFor(locale);
  const items: MenuItemConstructorOptions[] = [];
  if (p.isEditable && p.misspelledWord) {
    const suggestions = p.dictionarySuggestions.slice(0, MAX_SUGGESTIONS);
    for (const word of suggestions) items.push({ label: word, click: () => act.replaceMisspelling(word) });
    if (suggestions.length === 0) items.push({ label: t('desktop.context.noGuesses'), enabled: false });
    items.push({ label: t('desktop.context.addToDictionary'), click: () => act.addToDictionary(p.misspelledWord) }, { type: 'separator' });
  }
  if (p.isEditable) {
    const f = p.editFlags;
    items.push(
      { ...roleItem(locale, t, 'undo', 'desktop.role.undo'), enabled: f.canUndo },
      { ...roleItem(locale, t, 'redo', 'desktop.role.redo'), enabled: f.canRedo },
      { type: 'separator' },
      { ...roleItem(locale, t, 'cut', 'desktop.role.cut'), enabled: f.canCut },
      { ...roleItem(locale, t, 'copy', 'desktop.role.copy'), enabled: f.canCopy },
      { ...roleItem(locale, t, 'paste', 'desktop.role.paste'), enabled: f.canPaste },
      { ...roleItem(locale, t, 'pasteAndMatchStyle', 'desktop.role.pasteAndMatchStyle'), enabled: f.canPaste },
      { ...roleItem(locale, t, 'selectAll', 'desktop.role.selectAll'), enabled: f.canSelectAll },
    );
  } else if (p.selectionText.trim()) {
    items.push({ ...roleItem(locale, t, 'copy', 'desktop.role.copy'), enabled: p.editFlags.canCopy });
  }
  // A picture (input thumbnails, previews): copy its pixels. A <video> gets no Copy: Chromium's
  // copyImageAt copies images only, and the file itself is reached with Save as… / drag-out.
  if (p.mediaType === 'image' && p.hasImageContents) {
    if (items.length > 0) items.push({ type: 'separator' });
    items.push({ label: t('desktop.context.copyImage'), click: () => act.copyImageAt(p.x, p.y) });
  }
  return items;
}

/** Shows the menu on every right-click in this window's page. */
export function installContextMenu(win: BrowserWindow, locale: () => Locale): void {
  const contents = win.webContents;
  contents.on('context-menu', (_event, params) => {
    const template = buildContextMenuTemplate(params, {
      replaceMisspelling: (word) => contents.replaceMisspelling(word),
      addToDictionary: (word) => contents.session.addWordToSpellCheckerDictionary(word),
      copyImageAt: (x, y) => contents.copyImageAt(x, y),
    }, locale());
    if (template.length > 0) Menu.buildFromTemplate(template).popup({ window: win });
  });
}
