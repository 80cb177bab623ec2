// Small formatters shared by the views. Plain functions: no locale surprises in numbers we compare.

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

/** "just now", "5 min ago", "3 h ago", else a short date. */
export function formatRelative(iso: string, nowMs: number = Date.now()): string {
  const then = Date.parse(iso);
  if (Number.isNaN(then)) return '';
  const minutes = Math.round((nowMs - then) / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  return shortDate().format(then);
}

// toLocaleDateString/toLocaleString build a new Intl.DateTimeFormat on every call (~0.1–1 ms):
// the Library grid formats a date per card, so scrolling 10,000 jobs paid that thousands of times.
let shortDateFormat: Intl.DateTimeFormat | undefined;
let dateTimeFormat: Intl.DateTimeFormat | undefined;
const shortDate = (): Intl.DateTimeFormat =>
  (shortDateFormat ??= new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' }));
const dateTime = (): Intl.DateTimeFormat => (dateTimeFormat ??= new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }));

export function formatDateTime(iso: string | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '—' : dateTime().format(d);
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
