// The selected job beside the grid: the player (large), then an inspector with the prompt, the
// settings, what it cost (from the core's spend ledger), and what can be done with the job. It has
// its own error boundary: a record that cannot be shown leaves the grid beside it working.
import { useEffect, useState, type RefObject } from 'react';
import type { JobCost } from '../../../shared/contract';
import { formatPrice, formatUsd } from '../../../shared/pricing';
import { ViewBoundary } from '../../components/ViewBoundary';
import type { JobRecord } from '../../../shared/domain';
import { describeJobError } from '../../api/errors';
import { copyText } from '../../components/clipboard';
import { ErrorDetails } from '../../components/ErrorDetails';
import { formatBytes, formatDateTime } from '../../components/format';
import { CloseIcon, CopyIcon, EditIcon, StarIcon, TrashIcon } from '../../components/icons';
import { PROVIDER_INFO } from '../../../shared/providers';
import { StateBadge } from '../../components/StateBadge';
import { Thumb } from '../../components/Thumb';
import { useApp, useLibrary, useStores } from '../../stores/hooks';
import { FileActions } from './FileActions';
import { JobLog } from './JobLog';
import { jobPictures, jobVideoUrl } from './job-media';
import { PlayerTools } from './PlayerTools';
import type { PlayerState } from './usePlayer';
import { TakeActions } from './TakeActions';
import { TakesPanel } from './TakesPanel';
import { MODELS } from '../../../shared/models';
import { CompareWithButton } from '../compare/CompareWithButton';
import { ChainPanel } from '../frames/ChainPanel';
import { FailureActions } from '../jobs/FailureActions';
import { isPaused } from '../../../shared/job-outcome';
import { ContinueFromFrame } from '../frames/ContinueFromFrame';
import { TransitionTo } from '../frames/TransitionTo';

interface DetailProps {
  videoRef: RefObject<HTMLVideoElement | null>;
  player: PlayerState;
}

export function LibraryDetail(props: DetailProps) {
  const selectedId = useLibrary((s) => s.selectedId);
  return (
    <ViewBoundary view="detail" resetKey={selectedId}>
      <DetailContent {...props} />
    </ViewBoundary>
  );
}

function DetailContent({ videoRef, player }: DetailProps) {
  const { library, create, app, toasts } = useStores();
  const record = useLibrary((s) => s.selected);
  const mediaBase = useApp((s) => s.info?.mediaBase);
  const hasPlayer = !!record && !!jobVideoUrl(record, mediaBase);
  // A job without a video (reached from a chain link in theatre mode) has nothing to show in a theatre.
  const { theatre: inTheatre, setTheatre } = player;
  useEffect(() => {
    if (inTheatre && !hasPlayer) setTheatre(false);
  }, [inTheatre, hasPlayer, setTheatre]);
  if (!record) return <section className="lib-detail is-loading" aria-label="Job details" aria-busy="true" />;

  const video = jobVideoUrl(record, mediaBase);
  const pictures = jobPictures(record, mediaBase);
  const copySettings = async () => {
    const ok = await copyText(settingsText(record));
    toasts.getState().push(ok ? { tone: 'success', title: 'Prompt and settings copied' } : { tone: 'error', title: 'Could not copy' });
  };

  return (
    <section className={`lib-detail ${player.theatre && video ? 'is-theatre' : ''}`} aria-label="Job details">
      <div className="detail-player">
        {video ? (
          <>
            <video
              key={video}
              ref={videoRef}
              src={video}
              poster={pictures.src}
              controls
              loop={player.loop}
              preload="metadata"
              aria-label="Video player"
              tabIndex={0}
            />
            <PlayerTools record={record} videoRef={videoRef} player={player} />
          </>
        ) : (
          <div className="detail-pending">
            <Thumb src={pictures.src} fallbackSrc={pictures.fallbackSrc} className="detail-pending-thumb" />
            <StateBadge state={record.state} error={record.error} />
          </div>
        )}
        <button
          type="button"
          className="icon-button detail-close"
          aria-label="Close details"
          title="Close (Esc)"
          onClick={() => void library.getState().select(undefined)}
        >
          <CloseIcon size={16} aria-hidden="true" />
        </button>
      </div>
      <div className="detail-body" tabIndex={-1}>
        <div className="detail-head">
          <StateBadge state={record.state} error={record.error} />
          <span className="detail-date">{formatDateTime(record.createdAt)}</span>
        </div>
        <p className="detail-prompt">{record.params.prompt}</p>
        {record.error && (record.state === 'failed' || isPaused(record)) && <DetailError record={record} />}
        <div className="detail-actions">
          <button
            type="button"
            className="btn btn-primary"
            onClick={() => {
              void create.getState().loadFromJob(record, { keepCurrentPictures: true });
              app.getState().setView('create');
            }}
          >
            <EditIcon size={14} aria-hidden="true" />
            Use these settings
          </button>
          <button type="button" className="btn btn-ghost" onClick={() => void copySettings()}>
            <CopyIcon size={14} aria-hidden="true" />
            Copy prompt &amp; settings
          </button>
          <TakeActions record={record} />
          <FileActions record={record} />
          <CompareWithButton record={record} />
        </div>
        {video && <ContinueFromFrame record={record} videoRef={videoRef} />}
        {video && <TransitionTo record={record} videoRef={videoRef} />}
        <ChainPanel record={record} />
        <TakesPanel record={record} />
        <dl className="detail-settings">
          <Setting label="Model" value={MODELS[record.params.model].label} />
          {record.lastFrame && <Setting label="Pictures" value="From the first picture to a last frame" />}
          {record.take !== undefined && <Setting label="Take" value={`Take ${record.take} of its shot`} />}
          <Setting label="Aspect ratio" value={record.params.aspectRatio === 'auto' ? 'Auto' : record.params.aspectRatio} />
          <Setting label="Duration" value={record.params.duration} />
          <Setting label="Resolution" value={record.params.resolution} />
          <Setting label="Audio" value={record.params.generateAudio ? 'On' : 'Off'} />
          {/* The model does not report the seed it drew, so an unset one can only be named as random. */}
          <Setting label="Seed" value={record.params.seed !== undefined ? String(record.params.seed) : 'Random (not reported)'} />
          {record.params.negativePrompt && <Setting label="Negative prompt" value={record.params.negativePrompt} wide />}
          {record.input.kind === 'file' && (
            <Setting label="Input" value={`${record.input.width}×${record.input.height} · ${formatBytes(record.input.bytes)}`} />
          )}
          {record.videoBytes !== undefined && <Setting label="Video" value={formatBytes(record.videoBytes)} />}
          <Setting label="Provider" value={PROVIDER_INFO[record.provider].label} />
          <CostSetting record={record} />
          {record.importedAt && <Setting label="Imported" value={formatDateTime(record.importedAt)} />}
          {record.finishedAt && <Setting label="Finished" value={formatDateTime(record.finishedAt)} />}
        </dl>
        <JobLog record={record} />
        <div className="detail-actions detail-actions-secondary">
          <button
            type="button"
            className={`btn btn-ghost ${record.favourite ? 'is-favourite' : ''}`}
            aria-pressed={record.favourite}
            onClick={() => void library.getState().setFavourite(record.id, !record.favourite)}
          >
            <StarIcon size={14} aria-hidden="true" />
            Favourite
          </button>
          <button type="button" className="btn btn-ghost btn-danger" onClick={() => void library.getState().remove(record.id)}>
            <TrashIcon size={14} aria-hidden="true" />
            Delete
          </button>
        </div>
      </div>
    </section>
  );
}

function Setting({ label, value, wide = false }: { label: string; value: string; wide?: boolean }) {
  return (
    <div className={`setting ${wide ? 'is-wide' : ''}`}>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}

/** The job's cost as the ledger recorded it; re-read when the job changes (e.g. it gets accepted). */
function CostSetting({ record }: { record: JobRecord }) {
  const { api } = useStores();
  const [cost, setCost] = useState<JobCost>();
  const { id, state, requestId } = record;
  useEffect(() => {
    let live = true;
    void api.library.jobCost({ id }).then((r) => {
      if (live) setCost(r.ok ? r.value : undefined);
    });
    return () => {
      live = false;
    };
  }, [api, id, state, requestId]);
  if (!cost) return null;
  return <Setting label="Cost" value={describeCost(cost, record)} wide />;
}

export function describeCost(cost: JobCost, record: Pick<JobRecord, 'provider'>): string {
  switch (cost.status) {
    case 'charged':
      return `${formatUsd(cost.usd)} · charged by ${PROVIDER_INFO[record.provider].label}${cost.at ? ` on ${formatDateTime(cost.at)}` : ''}`;
    case 'free':
      return `${formatPrice(cost.usd, 'simulator')} (simulator)`;
    case 'not_charged':
      return `Not charged: the service does not bill this failure (would cost ${formatUsd(cost.usd)})`;
    case 'not_sent':
      return 'Not charged: it never reached the service';
    case 'imported':
      return `Imported: paid for in the library it came from, not counted here (list price ${formatUsd(cost.usd)})`;
  }
}

/** What went wrong and what can change it: the same actions as the job's card in the Jobs panel. */
function DetailError({ record }: { record: JobRecord }) {
  const friendly = describeJobError(record.error!);
  return (
    <div className={`job-error ${isPaused(record) ? 'is-unknown' : ''}`} role="group" aria-label="What went wrong">
      <p className="job-error-title">{friendly.title}</p>
      <p className="job-error-message">{friendly.message}</p>
      {friendly.details && <ErrorDetails details={friendly.details} />}
      <div className="detail-actions detail-failure-actions">
        <FailureActions record={record} size="normal" />
      </div>
    </div>
  );
}

function settingsText(record: JobRecord): string {
  const p = record.params;
  const lines = [
    p.prompt,
    '',
    `Model: ${MODELS[p.model].label} (${p.model})`,
    `Aspect ratio: ${p.aspectRatio}`,
    `Duration: ${p.duration}`,
    `Resolution: ${p.resolution}`,
    `Audio: ${p.generateAudio ? 'on' : 'off'}`,
  ];
  if (p.negativePrompt) lines.push(`Negative prompt: ${p.negativePrompt}`);
  if (p.seed !== undefined) lines.push(`Seed: ${p.seed}`);
  return lines.join('\n');
}
