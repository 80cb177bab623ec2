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
import { jobTag, shotSizeOf } from '../../../shared/job-tag';
import { FRAME_SECONDS } from '../frames/capture-frame';
import { PromptDiff } from './PromptDiff';
import { SettingsDiff } from './SettingsDiff';
import { useCompare } from './useCompare';
import { useSyncedPlayback } from './useSyncedPlayback';
import { diffWords } from './word-diff';

/** "A · Veo 3 Fast · Take 2/4 · prompt…": takes and draft/final of one shot share their prompt. */
function captionOf(side: 'A' | 'B', record: JobRecord, shotSize: number | undefined): string {
  const tag = jobTag(record, shotSize);
  return [side, tag === '' ? undefined : tag, excerpt(record.params.prompt, 60)].filter((s) => s !== undefined).join(' · ');
}

const LAYOUTS: readonly SegmentOption<CompareMode>[] = [
  { value: 'side-by-side', label: 'Side by side' },
  { value: 'wipe', label: 'Wipe' },
];

/** Renders the Compare view while a pair is chosen; nothing otherwise. */
export function CompareOverlay() {
  const pair = useCompare((s) => s.pair);
  return pair ? <CompareView key={`${pair[0].id}:${pair[1].id}`} a={pair[0]} b={pair[1]} /> : null;
}

function CompareView({ a, b }: { a: JobRecord; b: JobRecord }) {
  const { compare } = useStores();
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
    <Dialog label="Compare" className="dialog-full compare-overlay" focusCard onCancel={() => compare.getState().close()} onKeyDown={onKeyDown}>
      <header className="compare-header">
        <h2 className="view-title">Compare</h2>
        <Segmented label="Layout" hideLabel value={mode} options={LAYOUTS} onChange={(m) => compare.getState().setMode(m)} />
        <button type="button" className="icon-button" aria-label="Close compare" title="Close (Esc)" onClick={() => compare.getState().close()}>
          <CloseIcon size={16} aria-hidden="true" />
        </button>
      </header>

      <div className={`compare-stage is-${mode}`}>
        <figure className="compare-cell is-a" style={mode === 'wipe' ? { clipPath: `inset(0 ${100 - wipe}% 0 0)` } : undefined}>
          <video ref={aRef} src={mediaUrl(mediaBase, a.videoPath)} preload="auto" playsInline aria-label="Video A" />
          <figcaption>{captionOf('A', a, sizeA)}</figcaption>
        </figure>
        <figure className="compare-cell is-b">
          <video ref={bRef} src={mediaUrl(mediaBase, b.videoPath)} preload="auto" playsInline muted aria-label="Video B" />
          <figcaption>{captionOf('B', b, sizeB)}</figcaption>
        </figure>
        {mode === 'wipe' && <div className="wipe-divider" style={{ left: `${wipe}%` }} aria-hidden="true" />}
      </div>

      <div className="compare-transport">
        <button type="button" className="btn btn-secondary" aria-label={playback.playing ? 'Pause' : 'Play'} onClick={playback.toggle}>
          {playback.playing ? 'Pause' : <><PlayIcon size={14} aria-hidden="true" /> Play</>}
        </button>
        <input
          type="range"
          className="compare-timeline"
          aria-label="Timeline"
          min={0}
          max={playback.duration || 0}
          step={0.01}
          value={Math.min(playback.time, playback.duration || 0)}
          aria-valuetext={`${playback.time.toFixed(2)} of ${playback.duration.toFixed(2)} seconds`}
          onChange={(e) => playback.seek(Number(e.target.value))}
        />
        <span className="compare-time" aria-hidden="true">
          {playback.time.toFixed(2)} / {playback.duration.toFixed(2)} s
        </span>
        {mode === 'wipe' && (
          <input
            type="range"
            className="wipe-slider"
            aria-label="Wipe position"
            min={0}
            max={100}
            step={1}
            value={wipe}
            aria-valuetext={`${wipe}% of A`}
            onChange={(e) => compare.getState().setWipePosition(Number(e.target.value))}
          />
        )}
      </div>

      <div className="compare-diffs">
        <SettingsDiff a={a} b={b} />
        <PromptDiff label="Prompt (A → B)" parts={promptParts} />
        {(a.params.negativePrompt || b.params.negativePrompt) && <PromptDiff label="Negative prompt (A → B)" parts={negativeParts} />}
      </div>
    </Dialog>
  );
}
