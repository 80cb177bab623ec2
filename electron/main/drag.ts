// Drag a finished video out of the window (into Finder, Explorer, an editor…). The renderer names a
// job id; the file path is looked up here, so the page can never ask to drag an arbitrary file.
import { statSync } from 'node:fs';
import { nativeImage, type Item, type NativeImage } from 'electron';
import type { LibraryStore } from '../core/library/store';

const ICON_WIDTH = 96;

export function createDragItemResolver(library: LibraryStore): (id: string) => Item | undefined {
  return (id) => {
    const rec = library.get(id);
    if (!rec || rec.state !== 'completed' || !rec.videoPath) return undefined;
    let file: string;
    try {
      file = library.resolve(rec.videoPath);
      if (!statSync(file).isFile()) return undefined;
    } catch {
      return undefined;
    }
    const thumb = rec.input.kind === 'file' && rec.input.thumbPath ? safeResolve(library, rec.input.thumbPath) : undefined;
    return { file, icon: dragIcon(thumb) };
  };
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
