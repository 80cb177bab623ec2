// Which picture and which video a job shows, written once for the grid tile, the job card and the
// player: its poster (a frame of its own video) when it has one, else its input picture.
import type { JobSummary } from '../../../shared/job-summary';
import { mediaUrl } from '../../api/media';

/** What these questions need; a full JobRecord and a JobSummary both have it. */
export type JobMediaFields = Pick<JobSummary, 'id' | 'state' | 'videoPath' | 'posterPath' | 'importedAt'> & {
  input: { kind: 'file' | 'url'; thumbPath?: string };
};

/** A finished job whose video is in the library: only these play, scrub or show a duration. */
export const hasVideo = (job: JobMediaFields): boolean => job.state === 'completed' && !!job.videoPath;

/** A video without its poster yet: the page makes one (usePosterMaker). */
export const needsPoster = (job: JobMediaFields): boolean => hasVideo(job) && !job.posterPath;

export interface JobPictures {
  /** The poster, or the input picture when there is no poster. */
  src?: string;
  /** Shown if `src` cannot be loaded (a poster file gone missing): the input picture. */
  fallbackSrc?: string;
}

/**
 * `fallback: false` leaves the input picture out while the poster has a URL: each URL costs a
 * signature in the browser host, and a grid of thousands asks for the fallback only once a poster
 * would not load.
 */
export function jobPictures(job: JobMediaFields, mediaBase: string | undefined, { fallback = true } = {}): JobPictures {
  const poster = mediaUrl(mediaBase, job.posterPath, job.importedAt);
  const input = () => (job.input.kind === 'file' ? mediaUrl(mediaBase, job.input.thumbPath, job.importedAt) : undefined);
  if (!poster) return { src: input() };
  return fallback ? { src: poster, fallbackSrc: input() } : { src: poster };
}

export function jobVideoUrl(job: JobMediaFields, mediaBase: string | undefined): string | undefined {
  return hasVideo(job) ? mediaUrl(mediaBase, job.videoPath, job.importedAt) : undefined;
}
