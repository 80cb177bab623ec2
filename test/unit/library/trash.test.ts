import { promises as fsp } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LibraryStore } from '../../../electron/core/library';
import { makeJobRecord } from '../../support/records';

let dir: string;
const open: LibraryStore[] = [];
async function openStore(): Promise<LibraryStore> {
  const store = await LibraryStore.open(dir);
  open.push(store);
  return store;
}
const exists = (p: string) => fsp.stat(p).then(() => true, () => false);
const bytes = (text: string) => new TextEncoder().encode(text);

beforeEach(async () => {
  dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'veo-trash-'));
});
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
  await fsp.rm(dir, { recursive: true, force: true });
});

async function jobWithMedia(store: LibraryStore) {
  const r = makeJobRecord();
  await store.writeMediaFile(r.id, 'input.png', bytes('png-bytes'));
  const videoPath = await store.writeMediaFile(r.id, 'video.mp4', bytes('mp4-bytes'));
  return store.put({ ...r, videoPath });
}

describe('delete, undo, purge', () => {
  it('moves the media and the record into trash/<id>, and undo restores both', async () => {
    const store = await openStore();
    const r = await jobWithMedia(store);
    const media = store.mediaDir(r.id);
    const trash = path.join(dir, 'trash', r.id);

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
    const reopened = await openStore();
    expect(reopened.get(r.id)).toEqual(r);
  });

  it('deletes a job that has no media folder, and undo still works', async () => {
    const store = await openStore();
    const r = await store.put(makeJobRecord());
    await store.delete(r.id);
    expect(await store.undoDelete(r.id)).toEqual(r);
  });

  it('purgeTrash makes deletes final: files gone, undo refused', async () => {
    const store = await openStore();
    const r = await jobWithMedia(store);
    await store.delete(r.id);
    await store.purgeTrash();
    expect(await fsp.readdir(path.join(dir, 'trash'))).toEqual([]);
    await expect(store.undoDelete(r.id)).rejects.toThrow(/not in the trash/);
  });

  it('empties the trash on close, so a reopened library cannot undo', async () => {
    const store = await openStore();
    const r = await jobWithMedia(store);
    await store.delete(r.id);
    await store.close();
    expect(await fsp.readdir(path.join(dir, 'trash'))).toEqual([]);
    const reopened = await openStore();
    expect(reopened.get(r.id)).toBeUndefined();
    await expect(reopened.undoDelete(r.id)).rejects.toThrow(/not in the trash/);
  });

  it('refuses to delete a missing job and to undo a live one', async () => {
    const store = await openStore();
    const r = await store.put(makeJobRecord());
    await expect(store.delete('missing')).rejects.toThrow(/no job missing/);
    await expect(store.undoDelete(r.id)).rejects.toThrow(/not deleted/);
  });

  it('on open, puts back media of a delete cut short before its journal line was written', async () => {
    const store = await openStore();
    const r = await jobWithMedia(store);
    await store.close();
    // Simulate a crash after the move to trash but before the "del" line reached the journal.
    await fsp.mkdir(path.join(dir, 'trash'), { recursive: true });
    await fsp.rename(path.join(dir, 'media', r.id), path.join(dir, 'trash', r.id));
    await fsp.writeFile(path.join(dir, 'trash', r.id, 'record.json'), JSON.stringify(r));
    const reopened = await openStore();
    expect(reopened.get(r.id)).toEqual(r);
    expect(await fsp.readdir(reopened.mediaDir(r.id))).toEqual(['input.png', 'video.mp4']);
    expect(await fsp.readdir(path.join(dir, 'trash'))).toEqual([]);
  });

  it('purges leftovers of a previous session on open', async () => {
    await fsp.mkdir(path.join(dir, 'trash', 'old-job'), { recursive: true });
    await fsp.writeFile(path.join(dir, 'trash', 'old-job', 'video.mp4'), 'x');
    await openStore();
    expect(await fsp.readdir(path.join(dir, 'trash'))).toEqual([]);
  });
});
