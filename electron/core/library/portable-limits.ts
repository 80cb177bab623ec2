// What an export folder may make an import do (red-team F2/F3). The folder comes from anyone, so
// every cost is bounded before it is paid: index.json's size before it is read, its job count before
// any per-job work, each video like a download (2 GiB, an MP4), and the total against the free disk.
import { promises as fsp } from 'node:fs';
import { DEFAULT_MAX_VIDEO_BYTES } from '../media/download';
import { looksLikeMp4 } from '../media/download-support';
import { say } from '../../../shared/i18n/messages';
import { SaidError } from '../util/said';

/** Thousands of jobs with their logs fit; a hostile multi-hundred-MB index does not. */
export const MAX_IMPORT_INDEX_BYTES = 16 * 1024 * 1024;
/** Checked right after parsing, before a single record is validated or a file looked at. */
export const MAX_IMPORT_JOBS = 20_000;
/** The downloader's own cap: no video this app makes is larger. */
export const MAX_IMPORT_VIDEO_BYTES = DEFAULT_MAX_VIDEO_BYTES;
/** Left free after an import, so the library can still save jobs and downloads afterwards. */
export const FREE_SPACE_RESERVE_BYTES = 256 * 1024 * 1024;

export function indexTooLarge(): Error {
  return new SaidError(say('app.portable.indexTooLarge', { megabytes: MAX_IMPORT_INDEX_BYTES / 1024 / 1024 }));
}

/** Throws before any per-job work when the index lists more jobs than an import handles. */
export function checkJobCount(parsed: unknown): void {
  const jobs = typeof parsed === 'object' && parsed !== null ? (parsed as { jobs?: unknown }).jobs : undefined;
  if (Array.isArray(jobs) && jobs.length > MAX_IMPORT_JOBS) {
    throw new SaidError(say('app.portable.tooManyJobs', { max: MAX_IMPORT_JOBS }));
  }
}

/** A video file the index names: no larger than a download may be, and an MP4 by its first bytes. */
export async function checkImportedVideo(file: string, size: number): Promise<void> {
  if (size > MAX_IMPORT_VIDEO_BYTES) throw new Error(`its video is larger than ${MAX_IMPORT_VIDEO_BYTES / 1024 ** 3} GiB, more than any video Veo Studio saves.`);
  if (!(await looksLikeMp4(file))) throw new Error('its video.mp4 is not an MP4 file.');
}

/** What the index says its files weigh (each video counted at most at the cap): known before any copy. */
export function declaredBytes(jobs: readonly unknown[]): number {
  let total = 0;
  for (const job of jobs) {
    if (typeof job !== 'object' || job === null) continue;
    const { videoPath, videoBytes } = job as { videoPath?: unknown; videoBytes?: unknown };
    if (typeof videoPath === 'string' && typeof videoBytes === 'number' && Number.isFinite(videoBytes) && videoBytes > 0) {
      total += Math.min(videoBytes, MAX_IMPORT_VIDEO_BYTES);
    }
  }
  return total;
}

/** Throws a sentence a person can act on when `bytes` (plus a reserve) do not fit on `dir`'s disk. */
export async function checkFreeSpace(dir: string, bytes: number): Promise<void> {
  if (bytes === 0) return;
  const fs = await fsp.statfs(dir);
  const free = fs.bavail * fs.bsize;
  if (bytes + FREE_SPACE_RESERVE_BYTES <= free) return;
  throw new Error(`This import needs about ${gb(bytes)} of free space on the library's disk, and only ${gb(free)} is free. Free some space, or import a smaller export.`);
}

const gb = (bytes: number): string => `${(bytes / 1e9).toFixed(1)} GB`;
