// A new job's pictures, written into its media folder before the record that names them: the input
// (`input.*` + `thumb.jpg`) and, for a first–last-frame model, the last frame (`last-frame.*` +
// `last-frame-thumb.jpg`). A URL the user gave is recorded as is. The names are the portable
// export's too (library/portable-format.ts PICTURE_FILES).
import type { JobInput } from '../../../shared/domain';
import { inputFileName, PICTURE_FILES } from '../library/portable-format';
import type { LibraryStore } from '../library/store';
import type { PreparedImage } from '../media/preflight';

export type NewPicture = PreparedImage | { url: string };

export async function storePictures(
  library: LibraryStore,
  id: string,
  pictures: { image: NewPicture; lastFrame?: NewPicture | undefined },
): Promise<{ input: JobInput; lastFrame?: JobInput }> {
  const [inputFiles, lastFrameFiles] = PICTURE_FILES;
  const input = await storePicture(library, id, pictures.image, inputFiles);
  if (!pictures.lastFrame) return { input };
  return { input, lastFrame: await storePicture(library, id, pictures.lastFrame, lastFrameFiles) };
}

async function storePicture(library: LibraryStore, id: string, image: NewPicture, files: { stem: string; thumb: string }): Promise<JobInput> {
  if (!('payload' in image)) return { kind: 'url', url: image.url };
  const path = await library.writeMediaFile(id, inputFileName(image.mime, files.stem), image.original);
  const thumbPath = await library.writeMediaFile(id, files.thumb, image.thumbnail);
  return { kind: 'file', path, thumbPath, mime: image.mime, width: image.width, height: image.height, bytes: image.bytes, sha256: image.sha256 };
}
