// A grid tile's picture: the take's poster (or its input picture until the poster is made), and —
// only while the tile is hovered or has keyboard focus — its video: the pointer's position across
// the tile scrubs through the take; keyboard focus plays it, muted and looping. No tile holds a
// <video> otherwise, so a scrolled grid of 10,000 jobs holds none.
import { useEffect, useMemo, useRef, useState, type PointerEvent } from 'react';
import type { JobSummary } from '../../../shared/job-summary';
import { Thumb } from '../../components/Thumb';
import { useApp } from '../../stores/hooks';
import { hasVideo, jobPictures, jobVideoUrl } from './job-media';
import { reportMissingPoster } from './poster-maker';
import { SCRUB_HOVER_DELAY_MS, scrubFraction, scrubTime } from './scrub';

export function CardMedia({ record, focused }: { record: JobSummary; focused: boolean }) {
  const mediaBase = useApp((s) => s.info?.mediaBase);
  // Signing a media URL (browser host) is an HMAC in JavaScript: once per card, not per render; the
  // input picture behind a poster only once the poster would not load; the video's only while it
  // previews — a scroll mounts a dozen cards per step and plays none.
  const [posterMissing, setPosterMissing] = useState(false);
  const pictures = useMemo(() => jobPictures(record, mediaBase, { fallback: posterMissing }), [record, mediaBase, posterMissing]);
  const video = hasVideo(record);
  const [fraction, setFraction] = useState<number>();
  const hoverTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  /** Where the pointer is across the tile, kept while the hover delay runs so scrubbing starts there. */
  const pointerAt = useRef(0);
  useEffect(() => () => clearTimeout(hoverTimer.current), []);

  const onPointerEnter = (e: PointerEvent<HTMLDivElement>) => {
    if (!video || e.pointerType === 'touch') return;
    const box = e.currentTarget.getBoundingClientRect();
    pointerAt.current = scrubFraction(e.clientX, box.left, box.width);
    hoverTimer.current = setTimeout(() => setFraction(pointerAt.current), SCRUB_HOVER_DELAY_MS);
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    const box = e.currentTarget.getBoundingClientRect();
    pointerAt.current = scrubFraction(e.clientX, box.left, box.width);
    if (fraction !== undefined) setFraction(pointerAt.current);
  };
  const onPointerLeave = () => {
    clearTimeout(hoverTimer.current);
    setFraction(undefined);
  };

  const previewUrl = video && (fraction !== undefined || focused) ? jobVideoUrl(record, mediaBase) : undefined;
  return (
    <div className="lib-card-media" onPointerEnter={onPointerEnter} onPointerMove={onPointerMove} onPointerLeave={onPointerLeave}>
      <Thumb
        src={pictures.src}
        fallbackSrc={pictures.fallbackSrc}
        onMissing={
          record.posterPath
            ? () => {
                setPosterMissing(true);
                reportMissingPoster(record);
              }
            : undefined
        }
        className="lib-thumb"
      />
      {previewUrl && <TakePreview url={previewUrl} fraction={fraction} />}
      {previewUrl && fraction !== undefined && <span className="lib-card-scrubbar" style={{ width: `${fraction * 100}%` }} />}
      {/* Only a video has a length: a failed or cancelled job shows none. */}
      {video && <span className="lib-card-duration">{record.params.duration}</span>}
    </div>
  );
}

/** Scrubs to `fraction` of the take, or plays it (muted, looping) when no pointer is scrubbing. */
function TakePreview({ url, fraction }: { url: string; fraction: number | undefined }) {
  const ref = useRef<HTMLVideoElement>(null);
  const [ready, setReady] = useState(false);
  useEffect(() => {
    const video = ref.current;
    if (!video || !ready) return;
    if (fraction === undefined) {
      void video.play().catch(() => undefined);
    } else {
      video.pause();
      video.currentTime = scrubTime(fraction, video.duration);
    }
  }, [fraction, ready]);
  return (
    <video
      ref={ref}
      className={`lib-card-scrub ${ready ? 'is-ready' : ''}`}
      src={url}
      muted
      loop
      playsInline
      preload="auto"
      disablePictureInPicture
      aria-hidden="true"
      tabIndex={-1}
      onLoadedData={() => setReady(true)}
    />
  );
}
