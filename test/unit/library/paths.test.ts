import { promises as fsp } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LibraryStore } from '../../../electron/core/library';

let dir: string;
let store: LibraryStore;

beforeEach(async () => {
  dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'veo-paths-'));
  store = await LibraryStore.open(dir);
});
afterEach(async () => {
  await store.close();
  await fsp.rm(dir, { recursive: true, force: true });
});

describe('resolve / relative', () => {
  it('resolves relative paths inside the library, with either separator', () => {
    expect(store.resolve('media/job-1/video.mp4')).toBe(path.join(dir, 'media', 'job-1', 'video.mp4'));
    expect(store.resolve('media\\job-1\\thumb.jpg')).toBe(path.join(dir, 'media', 'job-1', 'thumb.jpg'));
    expect(store.resolve('./media//job-1/./x')).toBe(path.join(dir, 'media', 'job-1', 'x'));
  });

  it.each([
    ['../outside.txt'],
    ['media/../../outside.txt'],
    ['media/job-1/../../../etc/passwd'],
    ['media/../library.jsonl'], // stays inside, but any ".." is refused outright
    ['..\\..\\windows\\system32'],
    ['/etc/passwd'],
    ['\\\\server\\share\\x'],
    ['C:\\Windows\\win.ini'],
    ['c:relative-to-drive'],
    [''],
    ['.'],
    ['media/x\0.mp4'],
  ])('refuses %j', (rel) => {
    expect(() => store.resolve(rel)).toThrow(/Refusing the media path/);
  });

  it('does not percent-decode: "..%2f" is a literal (harmless) name inside the library', () => {
    const resolved = store.resolve('media/..%2f..%2fetc%2fpasswd');
    expect(resolved).toBe(path.join(dir, 'media', '..%2f..%2fetc%2fpasswd'));
    expect(path.relative(dir, resolved).startsWith('..')).toBe(false);
  });

  it('makes library-relative forward-slash paths and refuses outside ones', () => {
    expect(store.relative(path.join(dir, 'media', 'a', 'video.mp4'))).toBe('media/a/video.mp4');
    expect(() => store.relative(path.join(dir, '..', 'elsewhere'))).toThrow(/not inside the library/);
    expect(() => store.relative(dir)).toThrow(/not inside the library/);
  });

  it('refuses unsafe job ids for media folders', () => {
    expect(store.mediaDir('job-1')).toBe(path.join(dir, 'media', 'job-1'));
    for (const id of ['..', '.', 'a/b', 'a\\b', '', '.hidden']) expect(() => store.mediaDir(id)).toThrow(/job id/);
  });
});

describe('writeMediaFile', () => {
  it('writes atomically, returns a relative path, replaces old content, leaves no tmp files', async () => {
    const rel = await store.writeMediaFile('job-1', 'thumb.jpg', new Uint8Array([1, 2, 3]));
    expect(rel).toBe('media/job-1/thumb.jpg');
    expect([...(await fsp.readFile(store.resolve(rel)))]).toEqual([1, 2, 3]);
    await store.writeMediaFile('job-1', 'thumb.jpg', new Uint8Array([9]));
    expect([...(await fsp.readFile(store.resolve(rel)))]).toEqual([9]);
    expect(await fsp.readdir(store.mediaDir('job-1'))).toEqual(['thumb.jpg']);
  });

  it('refuses file names that are not a single safe segment', async () => {
    for (const name of ['../x', 'a/b.png', '..', '.tmp', '']) {
      await expect(store.writeMediaFile('job-1', name, new Uint8Array(1))).rejects.toThrow(/media file name/);
    }
    await expect(store.writeMediaFile('../x', 'a.png', new Uint8Array(1))).rejects.toThrow(/job id/);
  });

  it('never exposes a half-written file under the real name when the write fails', async () => {
    const target = path.join(store.mediaDir('job-2'), 'input.png');
    await store.writeMediaFile('job-2', 'input.png', new Uint8Array([7]));
    // Data that cannot be written fails after the temp file was created, before any rename.
    const bad = { byteLength: 1, buffer: null } as unknown as Uint8Array;
    await expect(store.writeMediaFile('job-2', 'input.png', bad)).rejects.toThrow();
    expect([...(await fsp.readFile(target))]).toEqual([7]);
    expect(await fsp.readdir(store.mediaDir('job-2'))).toEqual(['input.png']);
  });
});
