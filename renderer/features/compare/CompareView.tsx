// Two jobs on one timeline: side by side or as a wipe, one play/pause and one timeline for both, then
// how their settings and prompts differ. Keyboard: Space plays/pauses, ←/→ seek both (Shift: one
// frame), Esc closes. The view sits over the window; focus moves into it and back when it closes.
import { useMemo, useRef, type KeyboardEvent } from 'react';
import type { JobRecord } from '../../../shared/domain';
import { mediaUrl } from '../../api/media';
import { excerpt } from '../../components/format';
import { Dialog } from '../../components/Dialog';
import { CloseIcon, PlayIcon } from '../../components/icons';
import { Segmented, type SegmentOption } from '../../components/Segmented';
import type { CompareMode } from '../../stores/compare-store';
import { useApp, useJobs, useStores } from '../../stores/hooks';
import type { Locale } from '../../../shared/i18n/locales';
import type { MessageId } from '../../../shared/i18n/messages';
import { jobTag, shotSizeOf } from '../../../shared/job-tag';
import { useLocale, useT } from '../../i18n/useT';
import { FRAME_SECONDS } from '../frames/capture-frame';
import { PromptDiff } from './PromptDiff';
import { SettingsDiff } from './SettingsDiff';
import { useCompare } from './useCompare';
import { useSyncedPlayback } from './useSyncedPlayback';
import { diffWords } from './word-diff';

/** "A · Veo 3 Fast · Take 2/4 · prompt…": takes and draft/final of one shot share their prompt (the user's words, marked so). */
function Caption({ side, record, shotSize, locale }: { side: string; record: JobRecord; shotSize: number | undefined; locale: Locale }) {
  const tag = jobTag(record, shotSize, locale);
  return (
    <figcaption>
      {[side, tag].filter((s) => s !== '').join(' · ')} · <span data-user-text="">{excerpt(record.params.prompt, 60)}</span>
    </figcaption>
  );
}

const LAYOUTS: ReadonlyArray<{ value: CompareMode; label: MessageId }> = [
  { value: 'side-by-side', label: 'compare.layout.sideBySide' },
  { value: 'wipe', label: 'compare.layout.wipe' },
];

/** Renders the Compare view while a pair is chosen; nothing otherwise. */
export function CompareOverlay() {
  const pair = useCompare((s) => s.pair);
  return pair ? <CompareView key={`${pair[0].id}:${pair[1].id}`} a={pair[0]} b={pair[1]} /> : null;
}

function CompareView({ a, b }: { a: JobRecord; b: JobRecord }) {
  const { compare } = useStores();
  const t = useT();
  const locale = useLocale();
  const layouts = useMemo<SegmentOption<CompareMode>[]>(() => LAYOUTS.map((l) => ({ value: l.value, label: t(l.label) })), [t]);
  const mode = useCompare((s) => s.mode);
  const wipe = useCompare((s) => s.wipePosition);
  const mediaBase = useApp((s) => s.info?.mediaBase);
  const aRef = useRef<HTMLVideoElement>(null);
  const bRef = useRef<HTMLVideoElement>(null);
  const playback = useSyncedPlayback(aRef, bRef);
  const sizeA = useJobs((s) => shotSizeOf([...s.records.values(), a, b], a.shotId));
  const sizeB = useJobs((s) => shotSizeOf([...s.records.values(), a, b], b.shotId));
  const promptParts = useMemo(() => diffWords(a.params.prompt, b.params.prompt), [a, b]);
  const negativeParts = useMemo(
    () => diffWords(a.params.negativePrompt ?? '', b.params.negativePrompt ?? ''),
    [a, b],
  );

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.metaKey || e.ctrlKey || e.altKey) return;
    // Keys pressed in here are the Compare view's: the library behind must not act on them.
    e.stopPropagation();
    const target = e.target as HTMLElement;
    if (e.key === ' ' && !target.closest('button, .segmented')) {
      e.preventDefault();
      playback.toggle();
    } else if ((e.key === 'ArrowLeft' || e.key === 'ArrowRight') && !target.closest('.wipe-slider, .segmented')) {
      e.preventDefault();
      const step = e.shiftKey ? FRAME_SECONDS : 1;
      playback.seek(playback.time + (e.key === 'ArrowLeft' ? -step : step));
    }
  };

  return (
    <Dialog label={t('compare.title')} className="dialog-full compare-overlay" focusCard onCancel={() => compare.getState().close()} onKeyDown={onKeyDown}>
      <header className="compare-header">
        <h2 className="view-title">{t('compare.title')}</h2>
        <Segmented label={t('compare.layout')} hideLabel value={mode} options={layouts} onChange={(m) => compare.getState().setMode(m)} />
        <button type="button" className="icon-button" aria-label={t('compare.close')} title={t('compare.closeHint')} onClick={() => compare.getState().close()}>
          <CloseIcon size={16} aria-hidden="true" />
        </button>
      </header>

      <div className={`compare-stage is-${mode}`}>
        <figure className="compare-cell is-a" style={mode === 'wipe' ? { clipPath: `inset(0 ${100 - wipe}% 0 0)` } : undefined}>
          <video ref={aRef} src={mediaUrl(mediaBase, a.videoPath)} preload="auto" playsInline aria-label={t('compare.video', { side: t('compare.sideA') })} />
          <Caption side={t('compare.sideA')} record={a} shotSize={sizeA} locale={locale} />
        </figure>
        <figure className="compare-cell is-b">
          <video ref={bRef} src={mediaUrl(mediaBase, b.videoPath)} preload="auto" playsInline muted aria-label={t('compare.video', { side: t('compare.sideB') })} />
          <Caption side={t('compare.sideB')} record={b} shotSize={sizeB} locale={locale} />
        </figure>
        {mode === 'wipe' && <div className="wipe-divider" style={{ left: `${wipe}%` }} aria-hidden="true" />}
      </div>

      <div className="compare-transport">
        <button type="button" className="btn btn-secondary" aria-label={playback.playing ? t('compare.pause') : t('compare.play')} onClick={playback.toggle}>
          {playback.playing ? (
            t('compare.pause')
          ) : (
            <>
              <PlayIcon size={14} aria-hidden="true" /> {t('compare.play')}
            </>
          )}
        </button>
        <input
          type="range"
          className="compare-timeline"
          aria-label={t('compare.timeline')}
          min={0}
          max={playback.duration || 0}
          step={0.01}
          value={Math.min(playback.time, playback.duration || 0)}
          aria-valuetext={t('compare.timelineValue', { time: playback.time, duration: playback.duration })}
          onChange={(e) => playback.seek(Number(e.target.value))}
        />
        <span className="compare-time" aria-hidden="true">
          {playback.time.toFixed(2)} / {playback.duration.toFixed(2)} s
        </span>
        {mode === 'wipe' && (
          <input
            type="range"
            className="wipe-slider"
            aria-label={t('compare.wipePosition')}
            min={0}
            max={100}
            step={1}
            value={wipe}
            aria-valuetext={t('compare.wipeValue', { percent: wipe })}
            onChange={(e) => compare.getState().setWipePosition(Number(e.target.value))}
          />
        )}
      </div>

      <div className="compare-diffs">
        <SettingsDiff a={a} b={b} />
        <PromptDiff label={t('compare.promptDiff')} parts={promptParts} />
        {(a.params.negativePrompt || b.params.negativePrompt) && <PromptDiff label={t('compare.negativeDiff')} parts={negativeParts} />}
      </div>
    </Dialog>
  );
}
