// The OS/browser's language as we would show it (in Electron, Chromium's navigator.languages follows
// app.getLocale()), followed live: the Language setting's "System" choice and LanguageProvider read it.
import { useMemo, useSyncExternalStore } from 'react';
import { localeFromPreferences, type Locale } from '../../shared/i18n/locales';

const subscribe = (onChange: () => void): (() => void) => {
  window.addEventListener('languagechange', onChange);
  return () => window.removeEventListener('languagechange', onChange);
};
// A string, so useSyncExternalStore sees the same snapshot until the list really changes.
const snapshot = (): string => navigator.languages.join(',') || navigator.language;

/** The browser's preferred languages, re-read when they change. */
export function usePreferredLanguages(): readonly string[] {
  const joined = useSyncExternalStore(subscribe, snapshot);
  return useMemo(() => joined.split(','), [joined]);
}

/** The locale "System" means right now. */
export const useSystemLocale = (): Locale => localeFromPreferences(usePreferredLanguages());
