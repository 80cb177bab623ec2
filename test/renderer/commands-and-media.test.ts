import { describe, expect, it } from 'vitest';
import { mediaUrl } from '../../renderer/api/media';
import { describeIpcError, describeJobError } from '../../renderer/api/errors';
import { connectEvents, createStores } from '../../renderer/stores';
import { makeJobRecord } from '../support/records';
import { createFakeApi, ok } from './fake-api';

describe("app:command", () => {
  it('switches views, focuses search, opens the chooser and opens a job', async () => {
    const job = makeJobRecord();
    const fake = createFakeApi({ 'library:get': () => ok(job) });
    const stores = createStores(fake.api);
    const off = connectEvents(fake.api, stores);

    fake.emit('app:command', { command: 'view:settings' });
    expect(stores.app.getState().view).toBe('settings');
    fake.emit('app:command', { command: 'focus:search' });
    expect(stores.app.getState()).toMatchObject({ view: 'library', searchFocusRequest: 1 });
    fake.emit('app:command', { command: 'file:open-image' });
    expect(stores.app.getState()).toMatchObject({ view: 'create', chooseImageRequest: 1 });
    fake.emit('app:command', { command: 'job:open', jobId: job.id });
    expect(stores.app.getState().view).toBe('library');
    await expect.poll(() => stores.library.getState().selected?.id).toBe(job.id);
    fake.emit('app:command', { command: 'something:unknown' } as never);
    expect(stores.app.getState().view).toBe('library');
    off();
  });
});

describe('the chooser request', () => {
  it('stays pending for a Create view that mounts after it was raised from another view', () => {
    const stores = createStores(createFakeApi({}).api);
    stores.app.getState().setView('library');
    stores.app.getState().requestChooseImage();
    // Create mounts now, with the counter already raised: the request is still its to act on, once.
    expect(stores.app.getState().takeChooseImageRequest()).toBe(true);
    expect(stores.app.getState().takeChooseImageRequest()).toBe(false);
    stores.app.getState().requestChooseImage();
    expect(stores.app.getState().takeChooseImageRequest()).toBe(true);
  });
});

describe('media URLs', () => {
  it('joins the media base and a library-relative path, encoding each segment', () => {
    expect(mediaUrl('app://veo/media', 'media/job 1/thumb#1.jpg')).toBe('app://veo/media/media/job%201/thumb%231.jpg');
    expect(mediaUrl('/media/', 'media\\abc\\video.mp4')).toBe('/media/media/abc/video.mp4');
    expect(mediaUrl(undefined, 'a.jpg')).toBeUndefined();
    expect(mediaUrl('/media', undefined)).toBeUndefined();
  });
});

describe('error wording', () => {
  it('puts the request id and raw detail behind "Show details", not in the message', () => {
    const friendly = describeJobError({
      kind: 'content_policy',
      message: 'The prompt was flagged. Change it and try again.',
      requestId: 'req-42',
      httpStatus: 422,
      detail: '{"detail":[{"type":"content_policy_violation"}]}',
    });
    expect(friendly.title).toBe('Blocked by the content policy');
    expect(friendly.message).not.toMatch(/[{}]/);
    expect(friendly.details).toContain('Request id: req-42');
    expect(friendly.details).toContain('HTTP status: 422');
  });

  it('uses a job error attached to an IPC failure', () => {
    const friendly = describeIpcError({
      kind: 'failed',
      message: 'The API key was rejected. Check it in Settings.',
      jobError: { kind: 'auth', message: 'rejected', httpStatus: 401 },
    });
    expect(friendly).toMatchObject({ title: 'The API key was rejected', message: 'The API key was rejected. Check it in Settings.' });
  });
});
