// The job's whole log in the Library detail (the Jobs panel shows only the latest line): what the
// service said, in order, with times; selectable and copyable for a support request. The record
// keeps at most MAX_LOG_LINES lines, so this list is bounded. A line of our own may carry a code
// (shared/i18n): it reads in the current language; the service's lines are shown as they came.
import { useId, useState } from 'react';
import type { JobRecord } from '../../../shared/domain';
import type { Locale } from '../../../shared/i18n/locales';
import { OWN_LOG_SOURCE } from '../../../shared/domain';
import { renderMessage } from '../../../shared/i18n/messages';
import { copyText } from '../../components/clipboard';
import { ChevronRightIcon, CopyIcon } from '../../components/icons';
import { intlFor } from '../../i18n/intl';
import { useLocale, useT } from '../../i18n/useT';
import { useStores } from '../../stores/hooks';

/** The line's time of day in `locale` (react-intl caches the formatter), or nothing for a bad stamp. */
export const timeOf = (locale: Locale, timestamp: string | undefined): string => {
  if (!timestamp) return '';
  const t = new Date(timestamp);
  return Number.isNaN(t.getTime()) ? '' : intlFor(locale).formatTime(t, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
};

export function JobLog({ record }: { record: JobRecord }) {
  const { toasts } = useStores();
  const t = useT();
  const locale = useLocale();
  const [open, setOpen] = useState(false);
  const id = useId();
  const lines = record.logs;
  const copy = async () => {
    const text = lines.map((l) => [timeOf(locale, l.timestamp), l.level, renderMessage(locale, l)].filter(Boolean).join('  ')).join('\n');
    const ok = await copyText(text);
    toasts.getState().push(ok ? { tone: 'success', title: t('library.log.copied'), topic: 'copy' } : { tone: 'error', title: t('library.detail.copyFailed'), topic: 'copy' });
  };

  return (
    <div className="job-log-view">
      <button type="button" className="disclosure" aria-expanded={open} aria-controls={id} onClick={() => setOpen(!open)}>
        <ChevronRightIcon size={14} className={`disclosure-chevron ${open ? 'open' : ''}`} aria-hidden="true" />
        {t('library.log.toggle', { count: lines.length })}
      </button>
      {open && (
        <div id={id} className="job-log-body">
          {lines.length === 0 ? (
            <p className="field-hint">{t('library.log.empty')}</p>
          ) : (
            <>
              <ol className="job-log-lines" aria-label={t('library.log.lines')} tabIndex={0}>
                {lines.map((line, i) => (
                  <li key={i} className={line.level ? `is-${line.level.toLowerCase()}` : undefined}>
                    {line.timestamp && <time dateTime={line.timestamp}>{timeOf(locale, line.timestamp)}</time>}
                    {/* The service's lines are its own words, shown as they came (ours are translated). */}
                    <span data-provider-words={line.source === OWN_LOG_SOURCE ? undefined : ''}>{renderMessage(locale, line)}</span>
                  </li>
                ))}
              </ol>
              <button type="button" className="btn btn-ghost btn-small" onClick={() => void copy()}>
                <CopyIcon size={14} aria-hidden="true" />
                {t('library.log.copy')}
              </button>
            </>
          )}
        </div>
      )}
    </div>
  );
}
