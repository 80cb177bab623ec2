// The poster of a finished job: a small JPEG of one frame of its own video, drawn by Chromium in the
// page (renderer/features/frames/poster-frame.ts) — the core has no video decoder and must not run
// one — and checked, bounded and stored by the core (electron/core/library/poster.ts). Written once
// here for both sides.
import { z } from 'zod';
import { THUMBNAIL_LONG_EDGE } from './image-limits';

/** Long edge of a poster, in pixels: the size of the input's thumbnail, so a grid of either costs the same to decode. */
export const POSTER_LONG_EDGE = THUMBNAIL_LONG_EDGE;
/** JPEG quality the page encodes with (0–1, as canvas.toBlob takes it). */
export const POSTER_QUALITY = 0.8;
/** The core refuses anything larger: a 320×180 JPEG at 0.8 is ~15 KB. */
export const POSTER_MAX_BYTES = 256 * 1024;
/** Base64 carries 3 bytes in 4 characters. */
const POSTER_MAX_BASE64 = Math.ceil(POSTER_MAX_BYTES / 3) * 4;
/** Far longer than any Veo clip (8 s); refuses nonsense before it becomes a file name. */
const MAX_POSTER_SECONDS = 24 * 60 * 60;

/**
 * Where in the clip the poster is taken when nobody picked a frame. Not the first frame: an
 * image-to-video clip opens on its input picture, so sixteen takes of one picture would still look
 * identical; a third of the way in, each take shows what it made of it.
 */
export const DEFAULT_POSTER_FRACTION = 1 / 3;

export function defaultPosterTime(durationSeconds: number): number {
  return Number.isFinite(durationSeconds) && durationSeconds > 0 ? durationSeconds * DEFAULT_POSTER_FRACTION : 0;
}

/** `poster-1.250.jpg` for t = 1.25 s: a new frame is a new file name, so no cache shows the old one. */
export function posterFileName(seconds: number): string {
  return `poster-${Math.max(0, seconds).toFixed(3)}.jpg`;
}

/** Only files named like posterFileName's are ever replaced (deleted) by a newer poster. */
export const POSTER_FILE_PATTERN = /^poster-\d{1,6}\.\d{3}\.jpg$/;

export const SetPosterSchema = z.object({
  id: z.string().min(1).max(200),
  /** The moment of the clip the frame shows. */
  seconds: z.number().finite().min(0).max(MAX_POSTER_SECONDS),
  /** The JPEG, base64 (no data: prefix). */
  jpeg: z.string().min(1).max(POSTER_MAX_BASE64),
});
export type SetPosterInput = z.infer<typeof SetPosterSchema>;
