// The job's whole log in the Library detail (the Jobs panel shows only the latest line): what the
// service said, in order, with times; selectable and copyable for a support request. The record
// keeps at most MAX_LOG_LINES lines, so this list is bounded.
import { useId, useState } from 'react';
import type { JobRecord } from '../../../shared/domain';
import { copyText } from '../../components/clipboard';
import { ChevronRightIcon, CopyIcon } from '../../components/icons';
import { useStores } from '../../stores/hooks';

const timeOf = (timestamp: string | undefined): string => {
  if (!timestamp) return '';
  const t = new Date(timestamp);
  return Number.isNaN(t.getTime()) ? '' : t.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
};

export function JobLog({ record }: { record: JobRecord }) {
  const { toasts } = useStores();
  const [open, setOpen] = useState(false);
  const id = useId();
  const lines = record.logs;
  const copy = async () => {
    const text = lines.map((l) => [timeOf(l.timestamp), l.level, l.message].filter(Boolean).join('  ')).join('\n');
    const ok = await copyText(text);
    toasts.getState().push(ok ? { tone: 'success', title: 'Log copied', topic: 'copy' } : { tone: 'error', title: 'Could not copy', topic: 'copy' });
  };

  return (
    <div className="job-log-view">
      <button type="button" className="disclosure" aria-expanded={open} aria-controls={id} onClick={() => setOpen(!open)}>
        <ChevronRightIcon size={14} className={`disclosure-chevron ${open ? 'open' : ''}`} aria-hidden="true" />
        Log ({lines.length} {lines.length === 1 ? 'line' : 'lines'})
      </button>
      {open && (
        <div id={id} className="job-log-body">
          {lines.length === 0 ? (
            <p className="field-hint">The service sent no log lines for this job.</p>
          ) : (
            <>
              <ol className="job-log-lines" aria-label="Log lines" tabIndex={0}>
                {lines.map((line, i) => (
                  <li key={i} className={line.level ? `is-${line.level.toLowerCase()}` : undefined}>
                    {line.timestamp && <time dateTime={line.timestamp}>{timeOf(line.timestamp)}</time>}
                    <span>{line.message}</span>
                  </li>
                ))}
              </ol>
              <button type="button" className="btn btn-ghost btn-small" onClick={() => void copy()}>
                <CopyIcon size={14} aria-hidden="true" />
                Copy log
              </button>
            </>
          )}
        </div>
      )}
    </div>
  );
}
