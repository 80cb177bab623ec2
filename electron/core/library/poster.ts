// A job's poster: one frame of its own video as a small JPEG, drawn by Chromium in the page (the
// core has no video decoder, and native decoders must not run in an Electron process). The bytes
// come from the renderer, so they are hostile: checked by magic bytes and header alone (nothing is
// decoded here), bounded in size and pixels, written next to the video with write-fsync-rename and
// only then referenced from the record. Kept apart from the store so the store can change under it.
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import type { JobRecord } from '../../../shared/domain';
import { POSTER_FILE_PATTERN, POSTER_LONG_EDGE, POSTER_MAX_BYTES, posterFileName } from '../../../shared/poster';
import { readHeaderSize } from '../media/header';
import { SNIFF_BYTES, sniffImageType } from '../media/sniff';
import type { LibraryStore } from './store';
import { say, type MessageParams } from '../../../shared/i18n/messages';
import { SaidError, type Said } from '../util/said';

export class PosterRefused extends SaidError {
  override name = 'PosterRefused';
}

/** Why these bytes cannot be a poster (the whole refusal, in English), or undefined when they can. Reads headers only. */
export function posterProblem(bytes: Uint8Array): string | undefined {
  return posterRefusal(bytes)?.message;
}

/** The refusal of these bytes as a poster, as a coded message; undefined when they can be one. */
function posterRefusal(bytes: Uint8Array): Said | undefined {
  const refused = (why: string, params: MessageParams = {}): Said => say('app.poster.refused', { why, ...params });
  if (bytes.length === 0) return refused('empty');
  if (bytes.length > POSTER_MAX_BYTES) return refused('tooManyBytes', { bytes: bytes.length, max: POSTER_MAX_BYTES });
  if (sniffImageType(bytes.subarray(0, SNIFF_BYTES)) !== 'image/jpeg') return refused('notJpeg');
  const size = readHeaderSize(bytes, 'image/jpeg');
  if (!size || size.width < 1 || size.height < 1) return refused('noFrameSize');
  if (Math.max(size.width, size.height) > POSTER_LONG_EDGE) {
    return refused('tooLarge', { width: size.width, height: size.height, max: POSTER_LONG_EDGE });
  }
  // A JPEG that stops before its end-of-image marker is a half-written one.
  if (bytes[bytes.length - 2] !== 0xff || bytes[bytes.length - 1] !== 0xd9) return refused('cutShort');
  return undefined;
}

/**
 * Stores `bytes` as the poster of job `id` (a frame at `seconds` into its video) and returns the
 * updated record. A poster it replaces is deleted once the record no longer names it — but only a
 * file this module named, in this job's own folder: whatever an old record says is not trusted.
 */
export async function storePoster(library: LibraryStore, id: string, seconds: number, bytes: Uint8Array): Promise<JobRecord> {
  const problem = posterRefusal(bytes);
  if (problem) throw new PosterRefused(problem);
  const current = library.get(id);
  if (!current) throw new PosterRefused(say('app.library.jobGone'));
  if (current.state !== 'completed' || !current.videoPath) throw new PosterRefused(say('app.poster.notFinished'));

  const posterPath = await library.writeMediaFile(id, posterFileName(seconds), bytes);
  let previous: string | undefined;
  let saved: JobRecord;
  try {
    saved = await library.update(id, (rec) => {
      previous = rec.posterPath;
      return { ...rec, posterPath };
    });
  } catch (error) {
    // Deleted meanwhile (its folder went to the trash): take back the file, and the folder writing it
    // made, or Undo could not move the job's folder back.
    await fsp.rm(library.resolve(posterPath), { force: true }).catch(() => undefined);
    await fsp.rmdir(library.mediaDir(id)).catch(() => undefined);
    throw error;
  }
  if (previous !== undefined && previous !== posterPath) await removeOwnPoster(library, id, previous);
  return saved;
}

async function removeOwnPoster(library: LibraryStore, id: string, rel: string): Promise<void> {
  const name = path.posix.basename(rel);
  if (rel !== `${library.relative(library.mediaDir(id))}/${name}` || !POSTER_FILE_PATTERN.test(name)) return;
  // Best effort: the record is already durable; a file left behind goes with the job's folder.
  await fsp.rm(path.join(library.mediaDir(id), name), { force: true }).catch(() => undefined);
}
