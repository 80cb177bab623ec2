// The selected job beside the grid: the player (large), then an inspector with the prompt, the
// settings, what it cost (from the core's spend ledger), and what can be done with the job. It has
// its own error boundary: a record that cannot be shown leaves the grid beside it working.
import { useEffect, useState, type RefObject } from 'react';
import type { JobCost } from '../../../shared/contract';
import type { Locale } from '../../../shared/i18n/locales';
import { formatMessage } from '../../../shared/i18n/messages';
import { ViewBoundary } from '../../components/ViewBoundary';
import type { JobRecord } from '../../../shared/domain';
import { copyText } from '../../components/clipboard';
import { JobErrorSummary } from '../../components/JobErrorSummary';
import { formatBytes, formatDateTime } from '../../components/format';
import { CloseIcon, CopyIcon, EditIcon, StarIcon, TrashIcon } from '../../components/icons';
import { StateBadge } from '../../components/StateBadge';
import { Thumb } from '../../components/Thumb';
import { useLocale, useT, type Translate } from '../../i18n/useT';
import { useApp, useLibrary, useStores } from '../../stores/hooks';
import { PROVIDER_NAME } from '../../i18n/provider-name';
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
  const t = useT();
  const record = useLibrary((s) => s.selected);
  const mediaBase = useApp((s) => s.info?.mediaBase);
  const hasPlayer = !!record && !!jobVideoUrl(record, mediaBase);
  // A job without a video (reached from a chain link in theatre mode) has nothing to show in a theatre.
  const { theatre: inTheatre, setTheatre } = player;
  useEffect(() => {
    if (inTheatre && !hasPlayer) setTheatre(false);
  }, [inTheatre, hasPlayer, setTheatre]);
  if (!record) return <section className="lib-detail is-loading" aria-label={t('library.detail.label')} aria-busy="true" />;

  const video = jobVideoUrl(record, mediaBase);
  const pictures = jobPictures(record, mediaBase);
  const copySettings = async () => {
    const ok = await copyText(settingsText(record, t));
    toasts.getState().push(ok ? { tone: 'success', title: t('library.detail.copied') } : { tone: 'error', title: t('library.detail.copyFailed') });
  };

  return (
    <section className={`lib-detail ${player.theatre && video ? 'is-theatre' : ''}`} aria-label={t('library.detail.label')}>
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
              aria-label={t('library.detail.player')}
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
          aria-label={t('library.detail.close')}
          title={t('library.detail.closeHint')}
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
        <p className="detail-prompt" data-user-text="">{record.params.prompt}</p>
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
            {t('library.detail.useSettings')}
          </button>
          <button type="button" className="btn btn-ghost" onClick={() => void copySettings()}>
            <CopyIcon size={14} aria-hidden="true" />
            {t('library.detail.copySettings')}
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
          <Setting label={t('library.detail.model')} value={MODELS[record.params.model].label} />
          {record.lastFrame && <Setting label={t('library.detail.pictures')} value={t('library.detail.firstToLast')} />}
          {record.take !== undefined && <Setting label={t('library.detail.take')} value={t('library.detail.takeOfShot', { take: record.take })} />}
          <Setting
            label={t('library.detail.aspectRatio')}
            value={record.params.aspectRatio === 'auto' ? t('library.detail.auto') : record.params.aspectRatio}
          />
          <Setting label={t('library.detail.duration')} value={record.params.duration} />
          <Setting label={t('library.detail.resolution')} value={record.params.resolution} />
          <Setting label={t('library.detail.audio')} value={record.params.generateAudio ? t('library.detail.on') : t('library.detail.off')} />
          {/* The model does not report the seed it drew, so an unset one can only be named as random. */}
          <Setting
            label={t('library.detail.seed')}
            value={record.params.seed !== undefined ? String(record.params.seed) : t('library.detail.randomSeed')}
          />
          {record.params.negativePrompt && <Setting label={t('library.detail.negativePrompt')} value={record.params.negativePrompt} wide />}
          {record.input.kind === 'file' && (
            <Setting label={t('library.detail.input')} value={`${record.input.width}×${record.input.height} · ${formatBytes(record.input.bytes)}`} />
          )}
          {record.videoBytes !== undefined && <Setting label={t('library.detail.video')} value={formatBytes(record.videoBytes)} />}
          <Setting label={t('library.detail.provider')} value={t(PROVIDER_NAME[record.provider])} />
          <CostSetting record={record} />
          {record.importedAt && <Setting label={t('library.detail.imported')} value={formatDateTime(record.importedAt)} />}
          {record.finishedAt && <Setting label={t('library.detail.finished')} value={formatDateTime(record.finishedAt)} />}
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
            {t('library.detail.favourite')}
          </button>
          <button type="button" className="btn btn-ghost btn-danger" onClick={() => void library.getState().remove(record.id)}>
            <TrashIcon size={14} aria-hidden="true" />
            {t('common.delete')}
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
  const t = useT();
  const locale = useLocale();
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
  return <Setting label={t('library.detail.cost')} value={describeCost(locale, cost, record)} wide />;
}

/** The Cost line in `locale`; the provider goes in as its id, so each language names it. */
export function describeCost(locale: Locale, cost: JobCost, record: Pick<JobRecord, 'provider'>): string {
  const usd = cost.usd;
  switch (cost.status) {
    case 'charged':
      return cost.at
        ? formatMessage(locale, 'library.cost.chargedOn', { usd, provider: record.provider, at: formatDateTime(cost.at) })
        : formatMessage(locale, 'library.cost.charged', { usd, provider: record.provider });
    case 'free':
      return formatMessage(locale, 'library.cost.free', { usd });
    case 'not_charged':
      return formatMessage(locale, 'library.cost.notCharged', { usd });
    case 'not_sent':
      return formatMessage(locale, 'library.cost.notSent');
    case 'imported':
      return formatMessage(locale, 'library.cost.imported', { usd });
  }
}

/** What went wrong and what can change it: the same actions as the job's card in the Jobs panel. */
function DetailError({ record }: { record: JobRecord }) {
  const t = useT();
  return (
    <JobErrorSummary error={record.error!} unknown={isPaused(record)} label={t('library.detail.whatWentWrong')}>
      <div className="detail-actions detail-failure-actions">
        <FailureActions record={record} size="normal" />
      </div>
    </JobErrorSummary>
  );
}

/** What "Copy prompt & settings" puts on the clipboard, labelled in the current language. */
function settingsText(record: JobRecord, t: Translate): string {
  const p = record.params;
  const lines = [
    p.prompt,
    '',
    t('library.copyText.model', { label: MODELS[p.model].label, id: p.model }),
    t('library.copyText.aspectRatio', { value: p.aspectRatio }),
    t('library.copyText.duration', { value: p.duration }),
    t('library.copyText.resolution', { value: p.resolution }),
    t('library.copyText.audio', { on: String(p.generateAudio) }),
  ];
  if (p.negativePrompt) lines.push(t('library.copyText.negativePrompt', { value: p.negativePrompt }));
  if (p.seed !== undefined) lines.push(t('library.copyText.seed', { seed: p.seed }));
  return lines.join('\n');
}
