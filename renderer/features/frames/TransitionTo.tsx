// "Transition to…" on a finished take: pick another finished take, and one first–last-frame job is
// queued from this take's last frame to the other's first frame. Both frames are taken in the page,
// as "continue from frame" takes them (capture-frame.ts: same-origin media, so the canvas is clean),
// prepared by the core like any dropped picture, and the job goes through the spend guard.
import { useEffect, useId, useState, type RefObject } from 'react';
import type { JobRecord } from '../../../shared/domain';
import type { JobSummary } from '../../../shared/job-summary';
import { MODELS } from '../../../shared/models';
import { mediaUrl } from '../../api/media';
import { describeIpcError } from '../../api/errors';
import { excerpt } from '../../components/format';
import { SparklesIcon } from '../../components/icons';
import { estimateBatchUsd, isBilledProvider } from '../../../shared/pricing';
import { useLocale, useT } from '../../i18n/useT';
import { tr } from '../../i18n/intl';
import { useApp, useEffectiveProvider, useStores } from '../../stores/hooks';
import { captureFrame, lastFrameTime, seekTo, whyNoFrame, type CapturedFrame } from './capture-frame';
import { TRANSITION_MODEL, transitionPrompt, transitionRequest, transitionTargets } from './transition';

/** Enough takes to choose from in one list; the newest come first. */
const TARGETS_SHOWN = 200;

export function TransitionTo({ record, videoRef }: { record: JobRecord; videoRef: RefObject<HTMLVideoElement | null> }) {
  const { api, spendGuard, toasts, library } = useStores();
  const mediaBase = useApp((s) => s.info?.mediaBase);
  const provider = useEffectiveProvider();
  const [open, setOpen] = useState(false);
  const [targets, setTargets] = useState<JobSummary[]>([]);
  const [toId, setToId] = useState('');
  const [prompt, setPrompt] = useState('');
  const [busy, setBusy] = useState(false);
  const ids = { target: useId(), prompt: useId() };
  const t = useT();
  const locale = useLocale();

  useEffect(() => {
    if (!open) return;
    let live = true;
    void api.library.summaries({ states: ['completed'], sort: 'newest', limit: TARGETS_SHOWN }).then((result) => {
      if (!live) return;
      if (!result.ok) return toasts.getState().error(describeIpcError(result.error, tr('frames.transition.listFailed')));
      const found = transitionTargets(result.value.items, record.id);
      setTargets(found);
      const first = found[0];
      setToId(first?.id ?? '');
      setPrompt(first ? transitionPrompt(record, first) : '');
    });
    return () => {
      live = false;
    };
  }, [api, open, record, toasts]);

  if (record.state !== 'completed') return null;
  if (!open) {
    return (
      <div className="detail-actions continue-actions">
        <button type="button" className="btn btn-ghost" onClick={() => setOpen(true)}>
          <SparklesIcon size={14} aria-hidden="true" />
          {t('frames.transition.open')}
        </button>
      </div>
    );
  }

  const to = targets.find((t) => t.id === toId);
  const pick = (id: string) => {
    setToId(id);
    const next = targets.find((t) => t.id === id);
    if (next) setPrompt(transitionPrompt(record, next));
  };

  const queue = async () => {
    const video = videoRef.current;
    const toVideo = to ? mediaUrl(mediaBase, to.videoPath) : undefined;
    if (!video || !to || !toVideo || busy) return;
    setBusy(true);
    try {
      video.pause();
      await seekTo(video, lastFrameTime(video.duration));
      const last = await captureFrame(video);
      const first = await firstFrameOf(toVideo);
      const [a, b] = await Promise.all([prepare(api, last), prepare(api, first)]);
      if (!a.ok || !b.ok) {
        const failed = !a.ok ? a : b;
        if (!failed.ok) toasts.getState().error(describeIpcError(failed.error, t('frames.transition.framesFailed')));
        return;
      }
      const made = await spendGuard.getState().requestTransition(transitionRequest(record, prompt, { first: a.value.token, last: b.value.token }));
      if (!made) return;
      toasts.getState().push({ tone: 'success', title: t('frames.transition.queued', { model: MODELS[TRANSITION_MODEL].label }) });
      setOpen(false);
      void library.getState().select(made.id);
    } catch (err) {
      toasts.getState().push({ tone: 'error', title: t('frames.transition.captureFailed'), message: whyNoFrame(locale, err) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="detail-actions transition-to" role="group" aria-label={t('frames.transition.group')}>
      {targets.length === 0 ? (
        <span className="continue-hint">{t('frames.transition.none')}</span>
      ) : (
        <>
          <label htmlFor={ids.target}>{t('frames.transition.target')}</label>
          <select id={ids.target} className="select" data-user-text="" value={toId} onChange={(e) => pick(e.target.value)}>
            {targets.map((t) => (
              <option key={t.id} value={t.id}>
                {excerpt(t.params.prompt, 60)}
              </option>
            ))}
          </select>
          <label htmlFor={ids.prompt}>{t('frames.transition.prompt')}</label>
          <textarea id={ids.prompt} className="input textarea" rows={3} value={prompt} onChange={(e) => setPrompt(e.target.value)} />
          <button type="button" className="btn btn-secondary" disabled={busy || !to || !prompt.trim()} onClick={() => void queue()}>
            {t('frames.transition.queue')}
          </button>
          {provider && (
            <span className="continue-hint">
              {t(isBilledProvider(provider) ? 'frames.transition.price' : 'frames.transition.priceFree', {
                model: MODELS[TRANSITION_MODEL].label,
                duration: record.params.duration,
                usd: estimateBatchUsd({ ...record.params, model: TRANSITION_MODEL }, provider),
              })}
            </span>
          )}
        </>
      )}
      <button type="button" className="btn btn-ghost" onClick={() => setOpen(false)}>
        {t('common.cancel')}
      </button>
    </div>
  );
}

/** A picture the core prepares like a dropped one; the page never sends it anywhere else. */
const prepare = (api: ReturnType<typeof useStores>['api'], frame: CapturedFrame) => api.image.prepare({ kind: 'bytes', name: frame.name, base64: frame.base64 });

/** The other take's first frame, from a video element that is never shown. */
async function firstFrameOf(src: string): Promise<CapturedFrame> {
  const video = document.createElement('video');
  video.muted = true;
  video.preload = 'auto';
  video.src = src;
  try {
    await seekTo(video, 0);
    return await captureFrame(video);
  } finally {
    video.removeAttribute('src');
    video.load();
  }
}
