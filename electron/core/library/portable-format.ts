// The on-disk shape of a portable library export, shared by exportLibrary and importLibrary:
//   <dest>/index.json                 { format, version, exportedAt, jobs: JobRecord[] }
//   <dest>/jobs/<folder>/video.mp4    the finished video (when the job has one); <folder> is named
//                                     from the prompt and day (jobFolder below), not the id
//   <dest>/jobs/<folder>/video.json   its sidecar (shared/sidecar.ts), for people and other tools
//   <dest>/jobs/<folder>/input.<ext>  the input picture (file inputs only)
//   <dest>/jobs/<folder>/thumb.jpg    the input's thumbnail (when the library has one)
//   <dest>/jobs/<folder>/last-frame.<ext>, last-frame-thumb.jpg   the same for a first–last-frame job's last frame
// Paths inside index.json are relative to <dest> (forward slashes), like a library's own records.
import { videoFileName, type NamedVideo } from '../../../shared/video-file-name';
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { JobRecord } from '../../../shared/domain';
import { fsyncFile, renameDurable, tempPathFor } from '../fs/atomic';

export const PORTABLE_FORMAT = 'veo-studio.library';
export const PORTABLE_VERSION = 1;
export const INDEX_FILE = 'index.json';
export const JOBS_DIR = 'jobs';
export const VIDEO_FILE = 'video.mp4';
export const THUMB_FILE = 'thumb.jpg';

/** The envelope only; each job is validated on its own so one bad entry cannot sink the rest. */
export const PortableIndexSchema = z.object({
  format: z.literal(PORTABLE_FORMAT),
  version: z.literal(PORTABLE_VERSION),
  exportedAt: z.string(),
  jobs: z.array(z.unknown()).max(1_000_000),
});

export interface PortableProgress {
  phase: 'export' | 'import';
  done: number;
  total: number;
  /** The job just handled. */
  id?: string;
}

export interface PortableIndex {
  format: typeof PORTABLE_FORMAT;
  version: typeof PORTABLE_VERSION;
  exportedAt: string;
  jobs: JobRecord[];
}

/** The input file's name inside a job folder: the extension follows the mime, never the record's path. */
export function inputFileName(mime: 'image/png' | 'image/jpeg' | 'image/webp', stem = 'input'): string {
  return `${stem}.${mime === 'image/png' ? 'png' : mime === 'image/webp' ? 'webp' : 'jpg'}`;
}

/** The pictures a record may carry, and the names their files take in a job folder. */
export const PICTURE_FILES = [
  { field: 'input', stem: 'input', thumb: THUMB_FILE },
  { field: 'lastFrame', stem: 'last-frame', thumb: 'last-frame-thumb.jpg' },
] as const;

/**
 * A job's folder in an export, named like the video it holds ("jobs/veo-a-fox-in-the-snow-2026-11-27-1a2b3c4d"):
 * a person browsing the export sees what each folder is, not a UUID. Import reads paths from the index,
 * never from folder names, so the name is free to be readable.
 */
export function jobFolder(record: NamedVideo): string {
  return `${JOBS_DIR}/${videoFileName(record).replace(/\.mp4$/, '')}`;
}

/** Copy to a sibling temp file, fsync, rename: `to` is either absent or complete, never half-written. */
export async function copyFileDurably(from: string, to: string): Promise<void> {
  const tmp = tempPathFor(to);
  try {
    await fsp.copyFile(from, tmp);
    await fsyncFile(tmp);
    await renameDurable(tmp, to);
  } catch (error) {
    await fsp.rm(tmp, { force: true });
    throw error;
  }
}

/** Human words for the file-system errors people actually hit when copying to a folder. */
export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ENOSPC') return 'the disk is full';
  if (code === 'ENOENT') return 'the file is missing';
  if (code === 'EROFS') return 'the disk is read-only';
  return error instanceof Error ? error.message : String(error);
}

/** True when `child` is `parent` or inside it (both absolute). */
export function isInsideOrSame(parent: string, child: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith(`..${path.sep}`) && rel !== '..' && !path.isAbsolute(rel));
}
