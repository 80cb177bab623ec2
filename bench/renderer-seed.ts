// A data folder for the renderer benchmark: 10,000 realistic jobs in the library database, each with
// its own thumbnail file (hard links to one real 320 px JPEG, so every card loads and decodes an
// image from its own URL, as in a real library).
import { link, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { libraryDir } from '../electron/core/paths';
import { makeLibraryRecords, writeLibraryDatabase } from './library-data';
import { SAMPLE_INPUT } from './paths';

export async function seedDataDir(dataDir: string, jobs: number): Promise<void> {
  const library = libraryDir(dataDir);
  await mkdir(library, { recursive: true });
  const records = makeLibraryRecords(jobs);
  writeLibraryDatabase(library, records).close();
  const thumb = join(dataDir, 'thumb-source.jpg');
  await sharp(SAMPLE_INPUT).resize(320, 180, { fit: 'cover' }).jpeg({ quality: 80 }).toFile(thumb);
  for (const record of records) {
    if (record.input.kind !== 'file' || !record.input.thumbPath) continue;
    const target = join(library, record.input.thumbPath);
    await mkdir(join(target, '..'), { recursive: true });
    await link(thumb, target);
  }
}
