// One job in the panel. Its state is spelled out (the local state names), with whatever matters in
// that state: queue position, ticking elapsed time, the latest log line, download progress, and the
// actions that make sense (Cancel, Retry, Edit & retry, Check again, Open).
import { memo } from 'react';
import { isFinalState, type JobRecord } from '../../../shared/domain';
import { isPaused, statusLabel } from '../../../shared/job-outcome';
import { jobTag, shotSizeOf } from '../../../shared/job-tag';
import { isBilledProvider } from '../../../shared/pricing';
import { describeJobError } from '../../api/errors';
import { ErrorDetails } from '../../components/ErrorDetails';
import { excerpt, formatBytes, formatElapsed, formatRate, formatRelative } from '../../components/format';
import { CloseIcon, PlayIcon } from '../../components/icons';
import { ProgressBar } from '../../components/ProgressBar';
import { StateBadge } from '../../components/StateBadge';
import { Thumb } from '../../components/Thumb';
import { useNow } from '../../components/useNow';
import { jobStateLabel, liveElapsedMs, type LiveProgress } from '../../stores/jobs-store';
import { useApp, useJobs, useStores } from '../../stores/hooks';
import { FailureActions } from './FailureActions';
import { jobPictures } from '../library/job-media';

export const JobCard = memo(function JobCard({ id }: { id: string }) {
  const record = useJobs((s) => s.records.get(id));
  const progress = useJobs((s) => s.progress.get(id));
  const mediaBase = useApp((s) => s.info?.mediaBase);
  // A number, so the card re-renders only when its shot grows (another take), not on every update.
  const shotSize = useJobs((s) => shotSizeOf(s.records.values(), record?.shotId));
  const active = !!record && !isFinalState(record.state);
  const now = useNow(active);
  if (!record) return null;

  // Every state change is persisted and arrives as job:updated; progress only adds live numbers.
  const state = record.state;
  const pictures = jobPictures(record, mediaBase);
  const latestLog = (progress?.latestLogs.at(-1) ?? record.logs.at(-1))?.message;
  const queuePosition = progress?.queuePosition ?? record.queuePosition;
  const tag = jobTag(record, shotSize);

  return (
    <li className={`job-card job-${state}`}>
      {/* One stop of the panel's roving focus (useRovingFocus): ↑/↓ between jobs, ←/→ to its buttons. */}
      <article data-roving-item aria-label={`${excerpt(record.params.prompt, 60)}${tag !== '' ? `, ${tag}` : ''}, ${statusLabel(record)}`}>
        <div className="job-main">
          <Thumb src={pictures.src} fallbackSrc={pictures.fallbackSrc} className="job-thumb" />
          <div className="job-text">
            <p className="job-prompt" title={record.params.prompt}>
              {excerpt(record.params.prompt, 90)}
            </p>
            <p className="job-meta">
              <StateBadge state={state} error={record.error} label={jobStateLabel(record)} />
              {tag !== '' && <span className="job-tag">{tag}</span>}
              {state === 'queued' && queuePosition !== undefined && <span>#{queuePosition + 1} in queue</span>}
              {active ? (
                <span className="job-time" title="Elapsed time">
                  {formatElapsed(liveElapsedMs(record, progress, now))}
                </span>
              ) : (
                <span className="job-time">{formatRelative(record.finishedAt ?? record.updatedAt, now)}</span>
              )}
            </p>
          </div>
        </div>
        {active && progress?.retryNote && (
          <p className="job-log job-retry" role="status">
            {progress.retryNote}
          </p>
        )}
        {active && latestLog && state !== 'downloading' && (
          <p className="job-log" title={latestLog}>
            {latestLog}
          </p>
        )}
        {state === 'downloading' && <DownloadProgress progress={progress} />}
        {record.cancelRequested && active && <p className="job-log">Cancel requested — waiting for the server…</p>}
        {lateCancelNote(record) && <p className="job-log">{lateCancelNote(record)}</p>}
        <JobOutcome record={record} />
        <footer className="job-footer">
          <span className="job-specs">
            {record.params.duration} · {record.params.resolution} · {record.params.aspectRatio === 'auto' ? 'Auto' : record.params.aspectRatio}
          </span>
          <JobActions record={record} active={active} />
        </footer>
      </article>
    </li>
  );
});

/** A cancel that reached the server after the video was made (cancel_race): the job is done, not cancelled. */
export function lateCancelNote(record: JobRecord): string | undefined {
  if (!record.cancelRequested || record.state !== 'completed') return undefined;
  const charged = isBilledProvider(record.provider) ? ' and charged' : '';
  return `Cancel came too late: the video was already finished${charged}, so it is kept here.`;
}

function DownloadProgress({ progress }: { progress: LiveProgress | undefined }) {
  const download = progress?.download;
  const fraction = download?.totalBytes ? download.receivedBytes / download.totalBytes : undefined;
  return (
    <div className="job-download">
      <ProgressBar value={fraction} label="Download progress" />
      <p className="job-download-text">
        {fraction !== undefined ? `${Math.round(fraction * 100)}%` : 'Downloading'}
        {download && ` · ${formatBytes(download.receivedBytes)}${download.totalBytes ? ` of ${formatBytes(download.totalBytes)}` : ''}`}
        {progress?.bytesPerSecond !== undefined && ` · ${formatRate(progress.bytesPerSecond)}`}
      </p>
    </div>
  );
}

function JobOutcome({ record }: { record: JobRecord }) {
  if (!record.error || (record.state !== 'failed' && !isPaused(record))) return null;
  const friendly = describeJobError(record.error);
  const unknown = record.error.kind === 'outcome_unknown' || isPaused(record);
  return (
    <div className={`job-error ${unknown ? 'is-unknown' : ''}`} role="group" aria-label="What went wrong">
      <p className="job-error-title">{friendly.title}</p>
      <p className="job-error-message">{friendly.message}</p>
      {friendly.details && <ErrorDetails details={friendly.details} />}
    </div>
  );
}

function JobActions({ record, active }: { record: JobRecord; active: boolean }) {
  const { jobs, app, library } = useStores();
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
          Cancel
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
          Open
        </button>
      )}
    </div>
  );
}
