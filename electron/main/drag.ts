// Drag a finished video out of the window (into Finder, Explorer, an editor…). The renderer names a
// job id; the file path is looked up here, so the page can never ask to drag an arbitrary file.
// The OS names the dropped copy after the dragged file, and every library video is "video.mp4": a
// second drop into one folder would collide. So the drag offers a hard link (a copy across file
// systems) under the job's readable name — the same one Save as… suggests.
import { copyFileSync, linkSync, mkdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { nativeImage, type Item, type NativeImage } from 'electron';
import { videoFileName } from '../../shared/video-file-name';
import type { LibraryStore } from '../core/library/store';

const ICON_WIDTH = 96;

/** `stagingDir`: a folder of ours on the library's file system (the links live there, renewed per drag). */
export function createDragItemResolver(library: LibraryStore, stagingDir: string): (id: string) => Item | undefined {
  return (id) => {
    const rec = library.get(id);
    if (!rec || rec.state !== 'completed' || !rec.videoPath) return undefined;
    let file: string;
    try {
      file = stageUnderName(library.resolve(rec.videoPath), path.join(stagingDir, rec.id), videoFileName(rec));
    } catch {
      return undefined;
    }
    const thumb = rec.input.kind === 'file' && rec.input.thumbPath ? safeResolve(library, rec.input.thumbPath) : undefined;
    return { file, icon: dragIcon(thumb) };
  };
}

/** `dir/name` holding the same bytes as `source`; synchronous because startDrag needs the file now. */
function stageUnderName(source: string, dir: string, name: string): string {
  if (!statSync(source).isFile()) throw new Error('not a file');
  const staged = path.join(dir, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  try {
    linkSync(source, staged);
  } catch {
    copyFileSync(source, staged);
  }
  return staged;
}

function safeResolve(library: LibraryStore, rel: string): string | undefined {
  try {
    return library.resolve(rel);
  } catch {
    return undefined;
  }
}

/** The job's thumbnail, or a plain tile: macOS refuses to start a drag with an empty image. */
function dragIcon(thumbPath: string | undefined): NativeImage {
  const thumb = thumbPath ? nativeImage.createFromPath(thumbPath) : undefined;
  if (thumb && !thumb.isEmpty()) return thumb.resize({ width: ICON_WIDTH });
  const size = 48;
  const bgra = Buffer.alloc(size * size * 4);
  for (let i = 0; i < bgra.length; i += 4) bgra.writeUInt32LE(0xff6b6b70, i); // opaque grey
  return nativeImage.createFromBitmap(bgra, { width: size, height: size });
}
