// A crash between writing a new job's input files and its journal line leaves media/<id> with no
// record (and maybe a *.tmp from an interrupted atomic write). Nothing can ever reference such a
// folder, so open() removes it — unless it holds a video, which could belong to a record whose
// journal line was damaged: that one is kept for the user (and the rejected-lines file) to recover.
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { isSafeSegment, MEDIA_DIR } from './paths';

const VIDEO_FILES = ['video.mp4', 'video.mp4.part'];

/** Returns the ids of the folders it removed. Runs under the library lock, so no writer is mid-create. */
export async function sweepOrphanMedia(root: string, isLive: (id: string) => boolean): Promise<string[]> {
  const mediaRoot = path.join(root, MEDIA_DIR);
  let names: string[];
  try {
    names = await fsp.readdir(mediaRoot);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const removed: string[] = [];
  for (const name of names) {
    if (!isSafeSegment(name) || isLive(name)) continue;
    const dir = path.join(mediaRoot, name);
    const files = await fsp.readdir(dir).catch(() => [] as string[]);
    if (files.some((f) => VIDEO_FILES.includes(f))) continue;
    await fsp.rm(dir, { recursive: true, force: true });
    removed.push(name);
  }
  return removed;
}
