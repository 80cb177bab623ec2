// A data folder for the renderer benchmark: 10,000 realistic jobs in the library database, each with
// its own thumbnail file (hard links to one real 320 px JPEG, so every card loads and decodes an
// image from its own URL, as in a real library). With `posters`, every finished job also has a poster
// (a frame of its video, as the page makes them), which its card shows instead of the input picture.
import { link, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { libraryDir } from '../electron/core/paths';
import { posterFileName } from '../shared/poster';
import { makeLibraryRecords, writeLibraryDatabase } from './library-data';
import { SAMPLE_INPUT } from './paths';

export async function seedDataDir(dataDir: string, jobs: number, opts: { posters?: boolean } = {}): Promise<void> {
  const library = libraryDir(dataDir);
  await mkdir(library, { recursive: true });
  const records = makeLibraryRecords(jobs).map((r) =>
    opts.posters && r.state === 'completed' && r.videoPath ? { ...r, posterPath: `media/${r.id}/${posterFileName(2.667)}` } : r,
  );
  writeLibraryDatabase(library, records).close();
  const thumb = join(dataDir, 'thumb-source.jpg');
  await sharp(SAMPLE_INPUT).resize(320, 180, { fit: 'cover' }).jpeg({ quality: 80 }).toFile(thumb);
  const poster = join(dataDir, 'poster-source.jpg');
  if (opts.posters) await sharp(SAMPLE_INPUT).resize(320, 180, { fit: 'cover' }).negate().jpeg({ quality: 80 }).toFile(poster);
  const linkInto = async (source: string, rel: string): Promise<void> => {
    const target = join(library, rel);
    await mkdir(join(target, '..'), { recursive: true });
    await link(source, target);
  };
  for (const record of records) {
    if (record.input.kind === 'file' && record.input.thumbPath) await linkInto(thumb, record.input.thumbPath);
    if (record.posterPath) await linkInto(poster, record.posterPath);
  }
}
