// The page's current language as react-intl objects, one per locale (react-intl caches its Intl
// formatters inside each). React components read it through <LanguageProvider>; code outside React
// (stores building toasts and error texts) calls tr(), which reads the same object.
import { createIntl, createIntlCache, type IntlShape } from 'react-intl';
import type { PrimitiveType } from 'intl-messageformat';
import { LOCALES, type Locale } from '../../shared/i18n/locales';
import { CATALOGS, type MessageId } from '../../shared/i18n/messages';

export type MessageValues = Readonly<Record<string, PrimitiveType>>;

const cache = createIntlCache();
const made = new Map<Locale, IntlShape>();

export function intlFor(locale: Locale): IntlShape {
  let intl = made.get(locale);
  if (!intl) {
    intl = createIntl({ locale, defaultLocale: 'en', messages: CATALOGS[locale] }, cache);
    made.set(locale, intl);
  }
  return intl;
}

let current: Locale = LOCALES[0];

/** Called by LanguageProvider when it renders in a locale, before its children render. */
export function setCurrentLocale(locale: Locale): void {
  current = locale;
}

export const currentLocale = (): Locale => current;

/** A catalog message in the current language, for code outside React. */
export function tr(id: MessageId, values?: MessageValues): string {
  return String(intlFor(current).formatMessage({ id }, values));
}
