// Issue 12 item 6: a half-filled Create form survives a reload (prompt and options, read back as
// hostile data), and a job that waits for a free slot says "waiting", not "submitting".
import { describe, expect, it } from 'vitest';
import { createStores } from '../../renderer/stores';
import { CREATE_DRAFT_KEY } from '../../renderer/stores/create-draft';
import { jobStateLabel } from '../../renderer/stores/jobs-store';
import { makeJobRecord } from '../support/records';
import { createFakeApi, memoryStorage } from './fake-api';

describe('the Create draft', () => {
  it('comes back after a reload: prompt, options and advanced fields', () => {
    const storage = memoryStorage();
    const first = createStores(createFakeApi().api, { storage });
    const set = first.create.getState().setField;
    set('prompt', 'A heron lifts off the canal');
    set('aspectRatio', '9:16');
    set('duration', '4s');
    set('resolution', '1080p');
    set('generateAudio', false);
    set('negativePrompt', 'text overlays');
    set('seed', '42');

    const reloaded = createStores(createFakeApi().api, { storage }).create.getState();
    expect(reloaded).toMatchObject({
      prompt: 'A heron lifts off the canal',
      aspectRatio: '9:16',
      duration: '4s',
      resolution: '1080p',
      generateAudio: false,
      negativePrompt: 'text overlays',
      seed: '42',
    });
  });

  it('keeps the model and the takes; a resolution that model does not offer falls back', () => {
    const storage = memoryStorage();
    const set = createStores(createFakeApi().api, { storage }).create.getState().setField;
    set('model', 'fal-ai/veo3/fast/image-to-video');
    set('takes', 4);
    expect(createStores(createFakeApi().api, { storage }).create.getState()).toMatchObject({ model: 'fal-ai/veo3/fast/image-to-video', takes: 4 });

    storage.setItem(CREATE_DRAFT_KEY, JSON.stringify({ model: 'fal-ai/veo3/image-to-video', resolution: '4k', takes: 3 }));
    const form = createStores(createFakeApi().api, { storage }).create.getState();
    expect(form).toMatchObject({ model: 'fal-ai/veo3/image-to-video', resolution: '720p', takes: 1 });
    storage.setItem(CREATE_DRAFT_KEY, JSON.stringify({ model: 'evil/model' }));
    expect(createStores(createFakeApi().api, { storage }).create.getState().model).toBe('fal-ai/veo3/image-to-video');
  });

  it('a damaged draft keeps what is sound and never breaks the form', () => {
    const storage = memoryStorage();
    storage.setItem(CREATE_DRAFT_KEY, JSON.stringify({ prompt: 'Keep me', aspectRatio: '4:3', duration: 8, seed: { x: 1 }, __proto__: { evil: 1 } }));
    const form = createStores(createFakeApi().api, { storage }).create.getState();
    expect(form).toMatchObject({ prompt: 'Keep me', aspectRatio: 'auto', duration: '8s', seed: '' });

    storage.setItem(CREATE_DRAFT_KEY, '{not json');
    expect(createStores(createFakeApi().api, { storage }).create.getState().prompt).toBe('');
    storage.setItem(CREATE_DRAFT_KEY, JSON.stringify({ prompt: 'x'.repeat(1_000_000) }));
    expect(createStores(createFakeApi().api, { storage }).create.getState().prompt).toBe('');
  });
});

describe('a job waiting for a free slot', () => {
  it('says "waiting" until its request is on its way, then "submitting"', () => {
    expect(jobStateLabel(makeJobRecord({ state: 'submitting' }))).toBe('waiting');
    expect(jobStateLabel(makeJobRecord({ state: 'submitting', submitSentAt: new Date().toISOString() }))).toBe('submitting');
    expect(jobStateLabel(makeJobRecord({ state: 'queued' }))).toBe('queued');
  });
});
