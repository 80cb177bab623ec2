// One job in the panel. Its state is spelled out (the local state names), with whatever matters in
// that state: queue position, ticking elapsed time, the latest log line, download progress, and the
// actions that make sense (Cancel, Retry, Edit & retry, Check again, Open).
import { memo, useId } from 'react';
import { useIntl } from 'react-intl';
import { OWN_LOG_SOURCE, isFinalState, type JobRecord } from '../../../shared/domain';
import { renderMessage } from '../../../shared/i18n/messages';
import { retryNoteWords } from './retry-note';
import { isPaused } from '../../../shared/job-outcome';
import { jobTag, shotSizeOf } from '../../../shared/job-tag';
import { excerpt, formatBytes, formatElapsed, formatRate, formatRelative } from '../../components/format';
import { CloseIcon, PlayIcon } from '../../components/icons';
import { ProgressBar } from '../../components/ProgressBar';
import { StateBadge } from '../../components/StateBadge';
import { Thumb } from '../../components/Thumb';
import { useNow } from '../../components/useNow';
import { jobStateLabel, liveElapsedMs, type LiveProgress } from '../../stores/jobs-store';
import { useApp, useJobs, useStores } from '../../stores/hooks';
import { useLocale, useT } from '../../i18n/useT';
import { FailureActions } from './FailureActions';
import { lateCancelNote } from './late-cancel';
import { JobErrorSummary } from '../../components/JobErrorSummary';
import { jobPictures } from '../library/job-media';

export const JobCard = memo(function JobCard({ id }: { id: string }) {
  const record = useJobs((s) => s.records.get(id));
  const progress = useJobs((s) => s.progress.get(id));
  const mediaBase = useApp((s) => s.info?.mediaBase);
  // A number, so the card re-renders only when its shot grows (another take), not on every update.
  const shotSize = useJobs((s) => shotSizeOf(s.records.values(), record?.shotId));
  const active = !!record && !isFinalState(record.state);
  const now = useNow(active);
  const t = useT();
  const locale = useLocale();
  const nameId = useId();
  if (!record) return null;

  // Every state change is persisted and arrives as job:updated; progress only adds live numbers.
  const state = record.state;
  const pictures = jobPictures(record, mediaBase);
  // A log line or retry note may carry a code (the core's own sentences); the service's log lines do not and show as they came.
  const lastLine = progress?.latestLogs.at(-1) ?? record.logs.at(-1);
  const latestLog = lastLine && renderMessage(locale, lastLine);
  // Lines the service logged are its own words (shown as they came); ours carry the app's source.
  const fromProvider = lastLine !== undefined && lastLine.source !== OWN_LOG_SOURCE;
  const retryNote = retryNoteWords(progress, locale);
  const queuePosition = progress?.queuePosition ?? record.queuePosition;
  const tag = jobTag(record, shotSize, locale);
  const lateCancel = lateCancelNote(record, locale);

  return (
    <li className={`job-card job-${state}`}>
      {/* One stop of the panel's roving focus (useRovingFocus): ↑/↓ between jobs, ←/→ to its buttons. */}
      {/* Named by what it shows — prompt, tag, state — so the name is in the page's language and the prompt stays the user's. */}
      <article data-roving-item aria-labelledby={`${nameId}-prompt ${tag !== '' ? `${nameId}-tag ` : ''}${nameId}-state`}>
        <div className="job-main">
          <Thumb src={pictures.src} fallbackSrc={pictures.fallbackSrc} className="job-thumb" />
          <div className="job-text">
            <p id={`${nameId}-prompt`} className="job-prompt" title={record.params.prompt} data-user-text="">
              {excerpt(record.params.prompt, 90)}
            </p>
            <p className="job-meta">
              <span id={`${nameId}-state`} style={{ display: 'contents' }}>
                <StateBadge state={state} error={record.error} label={jobStateLabel(record, locale)} />
              </span>
              {tag !== '' && (
                <span id={`${nameId}-tag`} className="job-tag">
                  {tag}
                </span>
              )}
              {state === 'queued' && queuePosition !== undefined && <span>{t('jobs.card.queuePosition', { position: queuePosition + 1 })}</span>}
              {active ? (
                <span className="job-time" title={t('jobs.card.elapsed')}>
                  {formatElapsed(liveElapsedMs(record, progress, now))}
                </span>
              ) : (
                <span className="job-time">{formatRelative(record.finishedAt ?? record.updatedAt, now, locale)}</span>
              )}
            </p>
          </div>
        </div>
        {active && retryNote && (
          <p className="job-log job-retry" role="status">
            {retryNote}
          </p>
        )}
        {active && latestLog && state !== 'downloading' && (
          <p className="job-log" title={latestLog} {...(fromProvider ? { 'data-provider-words': '' } : {})}>
            {latestLog}
          </p>
        )}
        {state === 'downloading' && <DownloadProgress progress={progress} />}
        {record.cancelRequested && active && <p className="job-log">{t('jobs.card.cancelRequested')}</p>}
        {lateCancel && <p className="job-log">{lateCancel}</p>}
        <JobOutcome record={record} />
        <footer className="job-footer">
          <span className="job-specs">
            {record.params.duration} · {record.params.resolution} · {record.params.aspectRatio === 'auto' ? t('jobs.card.autoAspect') : record.params.aspectRatio}
          </span>
          <JobActions record={record} active={active} />
        </footer>
      </article>
    </li>
  );
});

function DownloadProgress({ progress }: { progress: LiveProgress | undefined }) {
  const t = useT();
  const intl = useIntl();
  const download = progress?.download;
  const fraction = download?.totalBytes ? download.receivedBytes / download.totalBytes : undefined;
  return (
    <div className="job-download">
      <ProgressBar value={fraction} label={t('jobs.download.label')} />
      <p className="job-download-text">
        {fraction !== undefined ? intl.formatNumber(fraction, { style: 'percent' }) : t('jobs.download.downloading')}
        {download &&
          ` · ${
            download.totalBytes
              ? t('jobs.download.bytesOf', { received: formatBytes(download.receivedBytes), total: formatBytes(download.totalBytes) })
              : formatBytes(download.receivedBytes)
          }`}
        {progress?.bytesPerSecond !== undefined && ` · ${formatRate(progress.bytesPerSecond)}`}
      </p>
    </div>
  );
}

function JobOutcome({ record }: { record: JobRecord }) {
  const t = useT();
  if (!record.error || (record.state !== 'failed' && !isPaused(record))) return null;
  const unknown = record.error.kind === 'outcome_unknown' || isPaused(record);
  return <JobErrorSummary error={record.error} unknown={unknown} label={t('jobs.card.whatWentWrong')} />;
}

function JobActions({ record, active }: { record: JobRecord; active: boolean }) {
  const { jobs, app, library } = useStores();
  const t = useT();
  const { id, state } = record;
  return (
    <div className="job-actions">
      {active && (
        <button
          type="button"
          className="btn btn-ghost btn-small"
          disabled={record.cancelRequested}
          onClick={() => void jobs.getState().cancel(id)}
        >
          <CloseIcon size={14} aria-hidden="true" />
          {t('common.cancel')}
        </button>
      )}
      <FailureActions record={record} />
      {state === 'completed' && (
        <button
          type="button"
          className="btn btn-secondary btn-small"
          onClick={() => {
            app.getState().setView('library');
            void library.getState().select(id);
          }}
        >
          <PlayIcon size={14} aria-hidden="true" />
          {t('jobs.card.open')}
        </button>
      )}
    </div>
  );
}
