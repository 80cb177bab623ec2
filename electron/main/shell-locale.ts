// The language of the desktop shell's menus, dialogs and notifications. Chosen like the page's:
// the Language setting, and on 'system' the OS's languages. Electron docs (app.md): app.getLocale()
// is Chromium's application locale — the one navigator.language reports in the page, so shell and
// page agree on "system" — and is only meaningful after 'ready'; app.getPreferredSystemLanguages()
// is the OS's full list (a Chinese user may have English first for the UI font and zh second).
import type { LanguageSetting, Locale } from '../../shared/i18n/locales';
import { resolveLocale } from '../../shared/i18n/locales';
import { formatMessage, type MessageId, type MessageParams } from '../../shared/i18n/messages';

/** The two calls of Electron's `app` this needs; a fake in tests. */
export interface LocaleSource {
  getLocale(): string;
  getPreferredSystemLanguages(): string[];
}

export function shellLocale(setting: LanguageSetting | undefined, app: LocaleSource): Locale {
  let preferred: string[];
  try {
    preferred = [app.getLocale(), ...app.getPreferredSystemLanguages()].filter((tag) => tag.length > 0);
  } catch {
    preferred = []; // not ready yet (a failure during start-up): English
  }
  return resolveLocale(setting, preferred);
}

/** A translator bound to one locale: `t('desktop.menu.file')`. */
export type Translate = (id: MessageId, params?: MessageParams) => string;

export const translatorFor =
  (locale: Locale): Translate =>
  (id, params) =>
    formatMessage(locale, id, params);
