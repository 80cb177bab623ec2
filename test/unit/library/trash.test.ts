import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LibraryStore } from '../../../electron/core/library';
import { makeJobRecord } from '../../support/records';
import { useTempLibrary } from '../../support/temp-library';

const lib = useTempLibrary('veo-trash-');

const exists = (p: string) => fsp.stat(p).then(() => true, () => false);
const bytes = (text: string) => new TextEncoder().encode(text);

async function jobWithMedia(store: LibraryStore) {
  const r = makeJobRecord();
  await store.writeMediaFile(r.id, 'input.png', bytes('png-bytes'));
  const videoPath = await store.writeMediaFile(r.id, 'video.mp4', bytes('mp4-bytes'));
  return store.put({ ...r, videoPath });
}

describe('delete, undo, purge', () => {
  it('moves the media and the record into trash/<id>, and undo restores both', async () => {
    const store = await lib.openStore();
    const r = await jobWithMedia(store);
    const media = store.mediaDir(r.id);
    const trash = path.join(lib.dir, 'trash', r.id);

    await store.delete(r.id);
    expect(store.get(r.id)).toBeUndefined();
    expect(await exists(media)).toBe(false);
    expect(await fsp.readFile(path.join(trash, 'video.mp4'), 'utf8')).toBe('mp4-bytes');
    expect(JSON.parse(await fsp.readFile(path.join(trash, 'record.json'), 'utf8'))).toEqual(r);

    const restored = await store.undoDelete(r.id);
    expect(restored).toEqual(r);
    expect(store.get(r.id)).toEqual(r);
    expect(await fsp.readFile(store.resolve(r.videoPath!), 'utf8')).toBe('mp4-bytes');
    expect(await fsp.readdir(media)).toEqual(['input.png', 'video.mp4']);
    expect(await exists(trash)).toBe(false);

    await store.close();
    const reopened = await lib.openStore();
    expect(reopened.get(r.id)).toEqual(r);
  });

  it('deletes a job that has no media folder, and undo still works', async () => {
    const store = await lib.openStore();
    const r = await store.put(makeJobRecord());
    await store.delete(r.id);
    expect(await store.undoDelete(r.id)).toEqual(r);
  });

  it('purgeTrash makes deletes final: files gone, undo refused', async () => {
    const store = await lib.openStore();
    const r = await jobWithMedia(store);
    await store.delete(r.id);
    await store.purgeTrash();
    expect(await fsp.readdir(path.join(lib.dir, 'trash'))).toEqual([]);
    await expect(store.undoDelete(r.id)).rejects.toThrow(/not in the trash/);
  });

  it('empties the trash on close, so a reopened library cannot undo', async () => {
    const store = await lib.openStore();
    const r = await jobWithMedia(store);
    await store.delete(r.id);
    await store.close();
    expect(await fsp.readdir(path.join(lib.dir, 'trash'))).toEqual([]);
    const reopened = await lib.openStore();
    expect(reopened.get(r.id)).toBeUndefined();
    await expect(reopened.undoDelete(r.id)).rejects.toThrow(/not in the trash/);
  });

  it('refuses to delete a missing job and to undo a live one', async () => {
    const store = await lib.openStore();
    const r = await store.put(makeJobRecord());
    await expect(store.delete('missing')).rejects.toThrow(/no job missing/);
    await expect(store.undoDelete(r.id)).rejects.toThrow(/not deleted/);
  });

  it('on open, puts back media of a delete cut short before its journal line was written', async () => {
    const store = await lib.openStore();
    const r = await jobWithMedia(store);
    await store.close();
    // Simulate a crash after the move to trash but before the "del" line reached the journal.
    await fsp.mkdir(path.join(lib.dir, 'trash'), { recursive: true });
    await fsp.rename(path.join(lib.dir, 'media', r.id), path.join(lib.dir, 'trash', r.id));
    await fsp.writeFile(path.join(lib.dir, 'trash', r.id, 'record.json'), JSON.stringify(r));
    const reopened = await lib.openStore();
    expect(reopened.get(r.id)).toEqual(r);
    expect(await fsp.readdir(reopened.mediaDir(r.id))).toEqual(['input.png', 'video.mp4']);
    expect(await fsp.readdir(path.join(lib.dir, 'trash'))).toEqual([]);
  });

  it('purges leftovers of a previous session on open', async () => {
    await fsp.mkdir(path.join(lib.dir, 'trash', 'old-job'), { recursive: true });
    await fsp.writeFile(path.join(lib.dir, 'trash', 'old-job', 'video.mp4'), 'x');
    await lib.openStore();
    expect(await fsp.readdir(path.join(lib.dir, 'trash'))).toEqual([]);
  });
});
