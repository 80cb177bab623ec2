// Which picture and which video a job shows, written once for the grid tile, the job card and the
// player: its poster (a frame of its own video) when it has one, else its input picture.
import type { JobSummary } from '../../../shared/job-summary';
import { mediaUrl } from '../../api/media';

/** What these questions need; a full JobRecord and a JobSummary both have it. */
export type JobMediaFields = Pick<JobSummary, 'id' | 'state' | 'videoPath' | 'posterPath'> & {
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

export function jobPictures(job: JobMediaFields, mediaBase: string | undefined): JobPictures {
  const input = job.input.kind === 'file' ? mediaUrl(mediaBase, job.input.thumbPath) : undefined;
  const poster = mediaUrl(mediaBase, job.posterPath);
  return poster ? { src: poster, fallbackSrc: input } : { src: input };
}

export function jobVideoUrl(job: JobMediaFields, mediaBase: string | undefined): string | undefined {
  return hasVideo(job) ? mediaUrl(mediaBase, job.videoPath) : undefined;
}
