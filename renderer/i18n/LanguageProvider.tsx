// Chooses the page's language — the Language setting, or the browser's (in Electron, the OS's:
// Chromium's navigator.languages follows app.getLocale()) — and provides it to everything below.
// Switching the setting re-renders in the new language at once; no restart.
import { useEffect, useMemo, type ReactNode } from 'react';
import { RawIntlProvider } from 'react-intl';
import { isLanguageSetting, resolveLocale, type LanguageSetting } from '../../shared/i18n/locales';
import { useSettings } from '../stores/hooks';
import { intlFor, setCurrentLocale } from './intl';
import { usePreferredLanguages } from './systemLocale';

// The setting arrives from the core after the first paint; remembering the last one here keeps a
// person who chose English on a Chinese system from seeing a flash of Chinese at every start.
const REMEMBERED_KEY = 'veo.language';

/** The Language setting last seen on this page (also read by main.tsx before anything loads). */
export function rememberedLanguage(): LanguageSetting | undefined {
  try {
    const value = window.localStorage.getItem(REMEMBERED_KEY);
    return isLanguageSetting(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

function remember(setting: LanguageSetting): void {
  try {
    window.localStorage.setItem(REMEMBERED_KEY, setting);
  } catch {
    // No storage (a locked-down browser): the setting still applies once it loads.
  }
}

export function LanguageProvider({ children }: { children: ReactNode }) {
  const saved = useSettings((s) => s.settings?.language);
  const preferred = usePreferredLanguages();
  const locale = useMemo(() => resolveLocale(saved ?? rememberedLanguage(), preferred), [saved, preferred]);
  setCurrentLocale(locale); // before the children render, so tr() in their code speaks the same language

  useEffect(() => {
    if (saved) remember(saved);
  }, [saved]);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  return <RawIntlProvider value={intlFor(locale)}>{children}</RawIntlProvider>;
}
