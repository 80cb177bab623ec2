// "just now", "5 min ago", "3 h ago", else a short date — when a job finished, in the page's language.
import type { IntlShape } from 'react-intl';

export function finishedAgo(intl: IntlShape, iso: string, nowMs: number): string {
  const then = Date.parse(iso);
  if (Number.isNaN(then)) return '';
  const minutes = Math.round((nowMs - then) / 60_000);
  if (minutes < 1) return intl.formatMessage({ id: 'jobs.card.justNow' });
  if (minutes < 60) return intl.formatMessage({ id: 'jobs.card.minutesAgo' }, { minutes });
  const hours = Math.round(minutes / 60);
  if (hours < 24) return intl.formatMessage({ id: 'jobs.card.hoursAgo' }, { hours });
  return intl.formatDate(then, { day: 'numeric', month: 'short', year: 'numeric' });
}
