// The languages Veo Studio speaks, and how the one to show is chosen. Written once here: the
// renderer (both faces), the desktop shell's menus and notifications, and Settings all use it.

export const LOCALES = ['en', 'zh-CN'] as const;
export type Locale = (typeof LOCALES)[number];

/** The Language setting: follow the OS/browser, or a fixed language. */
export const LANGUAGE_SETTINGS = ['system', ...LOCALES] as const;
export type LanguageSetting = (typeof LANGUAGE_SETTINGS)[number];

/**
 * Each language's name in itself, as language pickers show them (a Chinese reader looking for
 * their language in an English UI must recognise it, and vice versa). Never translated.
 */
export const LOCALE_AUTONYMS: Record<Locale, string> = { en: 'English', 'zh-CN': '简体中文' };

/**
 * The first of the user's preferred languages we speak. Any Chinese (zh, zh-Hans, zh-SG, and
 * also zh-TW/zh-HK, whose readers read Simplified far better than English) gets 简体中文; any
 * English gets English; a language we do not speak is skipped, so "fr, zh-CN" still gives Chinese.
 * Nothing we speak → English.
 */
export function localeFromPreferences(preferred: readonly string[]): Locale {
  for (const tag of preferred) {
    const language = tag.trim().toLowerCase().split(/[-_]/)[0];
    if (language === 'zh') return 'zh-CN';
    if (language === 'en') return 'en';
  }
  return 'en';
}

/** The locale to show for a Language setting, given the OS/browser's preferred languages. */
export function resolveLocale(setting: LanguageSetting | undefined, preferred: readonly string[]): Locale {
  return setting === undefined || setting === 'system' ? localeFromPreferences(preferred) : setting;
}

export const isLocale = (value: unknown): value is Locale => (LOCALES as readonly unknown[]).includes(value);
export const isLanguageSetting = (value: unknown): value is LanguageSetting => (LANGUAGE_SETTINGS as readonly unknown[]).includes(value);
