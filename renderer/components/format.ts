// Small formatters shared by the views. Plain functions; dates and relative times speak the current
// language (currentLocale(), set by LanguageProvider), durations and sizes are digits in any language.
import type { Locale } from '../../shared/i18n/locales';
import { formatMessage } from '../../shared/i18n/messages';
import { currentLocale } from '../i18n/intl';

/** 42_000 → "0:42", 3_723_000 → "1:02:03". */
export function formatElapsed(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

export { formatBytes, formatByteRate as formatRate } from '../../shared/format-bytes';

/** "just now", "5 min. ago", "3 hr. ago", else a short date — in the current language ("5分钟前"). */
export function formatRelative(iso: string, nowMs: number = Date.now(), locale: Locale = currentLocale()): string {
  const then = Date.parse(iso);
  if (Number.isNaN(then)) return '';
  const minutes = Math.round((nowMs - then) / 60_000);
  if (minutes < 1) return formatMessage(locale, 'shell.time.justNow');
  if (minutes < 60) return formatters(locale).relative.format(-minutes, 'minute');
  const hours = Math.round(minutes / 60);
  if (hours < 24) return formatters(locale).relative.format(-hours, 'hour');
  return formatters(locale).shortDate.format(then);
}

// toLocaleDateString/toLocaleString build a new Intl.DateTimeFormat on every call (~0.1–1 ms):
// the Library grid formats a date per card, so scrolling 10,000 jobs paid that thousands of times.
// One set per language, made the first time that language formats something.
interface Formatters {
  relative: Intl.RelativeTimeFormat;
  shortDate: Intl.DateTimeFormat;
  dateTime: Intl.DateTimeFormat;
}
const made = new Map<Locale, Formatters>();
function formatters(locale: Locale): Formatters {
  let set = made.get(locale);
  if (!set) {
    set = {
      relative: new Intl.RelativeTimeFormat(locale, { style: 'short' }),
      shortDate: new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric' }),
      dateTime: new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }),
    };
    made.set(locale, set);
  }
  return set;
}

export function formatDateTime(iso: string | undefined, locale: Locale = currentLocale()): string {
  if (!iso) return '—';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '—' : formatters(locale).dateTime.format(d);
}

export function excerpt(text: string, max = 80): string {
  // Prompts run to thousands of characters; collapsing whitespace in a generous head is enough
  // whenever that head alone is already longer than `max`.
  if (text.length > max * 4) {
    const head = text.slice(0, max * 4).replace(/\s+/g, ' ').trim();
    if (head.length > max) return `${head.slice(0, max - 1)}…`;
  }
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine;
}
