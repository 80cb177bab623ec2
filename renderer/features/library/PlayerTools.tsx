// The bar under the Library player: frame stepping, loop, "Use this frame as poster" and theatre
// mode, each also a key (shown in its tooltip) — J/K/L need no button: the player's own controls play.
import { useState, type RefObject } from 'react';
import type { JobRecord } from '../../../shared/domain';
import { renderMessage, type MessageParams } from '../../../shared/i18n/messages';
import { describeIpcError } from '../../api/errors';
import { FrameBackIcon, FrameForwardIcon, LoopIcon, PosterIcon, TheatreExitIcon, TheatreIcon } from '../../components/icons';
import { useLocale, useT } from '../../i18n/useT';
import { useStores } from '../../stores/hooks';
import { posterFromVideo } from '../frames/poster-frame';
import type { PlayerState } from './usePlayer';
import { showSavedPoster } from './usePosterMaker';

export function PlayerTools({ record, videoRef, player }: { record: JobRecord; videoRef: RefObject<HTMLVideoElement | null>; player: PlayerState }) {
  const setPoster = useSetPoster(record, videoRef);
  const t = useT();
  return (
    <div className="player-tools" role="toolbar" aria-label={t('library.player.label')}>
      <button type="button" className="icon-button" aria-label={t('library.player.previousFrame')} title={t('library.player.previousFrameHint')} onClick={() => player.stepFrame(-1)}>
        <FrameBackIcon size={16} aria-hidden="true" />
      </button>
      <button type="button" className="icon-button" aria-label={t('library.player.nextFrame')} title={t('library.player.nextFrameHint')} onClick={() => player.stepFrame(1)}>
        <FrameForwardIcon size={16} aria-hidden="true" />
      </button>
      <button
        type="button"
        className={`icon-button ${player.loop ? 'is-on' : ''}`}
        aria-label={t('library.player.loop')}
        aria-pressed={player.loop}
        title={player.loop ? t('library.player.loopOn') : t('library.player.loop')}
        onClick={() => player.setLoop(!player.loop)}
      >
        <LoopIcon size={16} aria-hidden="true" />
      </button>
      <span className="player-tools-hint">J K L · , .</span>
      <button type="button" className="btn btn-ghost btn-small" disabled={setPoster.busy} onClick={() => void setPoster.run()}>
        <PosterIcon size={14} aria-hidden="true" />
        {t('library.player.setPoster')}
      </button>
      <button
        type="button"
        className="icon-button"
        aria-label={player.theatre ? t('library.player.leaveTheatre') : t('library.player.theatre')}
        aria-pressed={player.theatre}
        title={player.theatre ? t('library.player.leaveTheatreHint') : t('library.player.theatreHint')}
        onClick={() => player.setTheatre(!player.theatre)}
      >
        {player.theatre ? <TheatreExitIcon size={16} aria-hidden="true" /> : <TheatreIcon size={16} aria-hidden="true" />}
      </button>
    </div>
  );
}

/** The frame on screen becomes the job's poster: grid tile, job card and the player's own poster. */
function useSetPoster(record: JobRecord, videoRef: RefObject<HTMLVideoElement | null>) {
  const { api, jobs, library, toasts } = useStores();
  const t = useT();
  const locale = useLocale();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    const video = videoRef.current;
    if (!video || busy) return;
    setBusy(true);
    try {
      const poster = await posterFromVideo(video);
      const saved = await api.library.setPoster({ id: record.id, seconds: poster.seconds, jpeg: poster.base64 });
      if (!saved.ok) {
        toasts.getState().error(describeIpcError(saved.error, t('library.player.posterFailed')));
        return;
      }
      showSavedPoster({ jobs, library }, saved.value);
      toasts.getState().push({ tone: 'success', title: t('library.player.posterSet') });
    } catch (err) {
      // A frame-taking error may carry a catalog code (shared/i18n): it then reads in the current language.
      const message = err instanceof Error ? renderMessage(locale, err as Error & { code?: string; params?: MessageParams }) : String(err);
      toasts.getState().push({ tone: 'error', title: t('library.player.frameFailed'), message });
    } finally {
      setBusy(false);
    }
  };
  return { busy, run };
}
