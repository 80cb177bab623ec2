// "Continue from this frame": the frame on screen (or the last one) becomes the picture of a new job
// with the same settings and prompt, linked to this job as its parent. Keyboard: the buttons are in
// the tab order; "," / "." pick the frame (the Library player's keys, library/usePlayer.ts).
import { useState, type RefObject } from 'react';
import type { JobRecord } from '../../../shared/domain';
import { ChevronRightIcon, ImagePlusIcon } from '../../components/icons';
import { useLocale, useT } from '../../i18n/useT';
import { useStores } from '../../stores/hooks';
import { captureFrame, lastFrameTime, seekTo, whyNoFrame } from './capture-frame';

export function ContinueFromFrame({ record, videoRef }: { record: JobRecord; videoRef: RefObject<HTMLVideoElement | null> }) {
  const { create, app, toasts } = useStores();
  const [busy, setBusy] = useState(false);
  const t = useT();
  const locale = useLocale();

  const continueFrom = async (which: 'current' | 'last') => {
    const video = videoRef.current;
    if (!video || busy) return;
    setBusy(true);
    try {
      video.pause();
      if (which === 'last') await seekTo(video, lastFrameTime(video.duration));
      const frame = await captureFrame(video);
      const taken = await create.getState().continueFromFrame(record, { kind: 'bytes', name: frame.name, base64: frame.base64 });
      // On failure the Create view's drop zone says why, so go there either way.
      app.getState().setView('create');
      if (taken) toasts.getState().push({ tone: 'success', title: t('frames.continue.ready') });
    } catch (err) {
      toasts.getState().push({ tone: 'error', title: t('frames.continue.failed'), message: whyNoFrame(locale, err) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="detail-actions continue-actions" role="group" aria-label={t('frames.continue.group')}>
      <button type="button" className="btn btn-secondary" disabled={busy} onClick={() => void continueFrom('current')}>
        <ImagePlusIcon size={14} aria-hidden="true" />
        {t('frames.continue.current')}
      </button>
      <button type="button" className="btn btn-ghost" disabled={busy} onClick={() => void continueFrom('last')}>
        <ChevronRightIcon size={14} aria-hidden="true" />
        {t('frames.continue.last')}
      </button>
      <span className="continue-hint">{t('frames.continue.hint')}</span>
    </div>
  );
}
