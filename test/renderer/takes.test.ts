// ×1/×2/×4 takes: each take is its own jobs:create (its own seed where the model takes one), the takes
// of a picture share a shot id, and the press is priced as every take together.
import { describe, expect, it } from 'vitest';
import type { PreparedImageInfo } from '../../shared/contract';
import { createStores } from '../../renderer/stores';
import { buildParams, DEFAULT_FORM, generateLabel, switchModel, takeParams } from '../../renderer/stores/create-form';
import { makeJobRecord } from '../support/records';
import { createFakeApi, memoryStorage, ok } from './fake-api';

function setup() {
  const fake = createFakeApi();
  let n = 0;
  fake.handle('image:prepare', () => ok<PreparedImageInfo>({ token: `tok-${++n}`, kind: 'file', name: 'fox.png', width: 1920, height: 1080, warnings: [] }));
  fake.handle('image:discard', () => ok(undefined));
  fake.handle('jobs:create', ({ params }) => ok(makeJobRecord({ state: 'submitting', params })));
  const stores = createStores(fake.api, { storage: memoryStorage() });
  return { fake, create: stores.create };
}

describe('takes', () => {
  it('sends one job per take, each with its own seed, under one shot id, priced together', async () => {
    const { fake, create } = setup();
    await create.getState().addImages([{ kind: 'bytes', name: 'fox.png', base64: 'AAAA' }]);
    const s = create.getState();
    s.setField('prompt', 'A fox turns');
    s.setField('model', 'fal-ai/veo3.1/fast/image-to-video');
    s.setField('seed', '100');
    s.setField('takes', 4);
    expect(await create.getState().submit('ready')).toHaveLength(4);
    const calls = fake.callsTo('jobs:create');
    expect(calls.map((c) => c.params.seed)).toEqual([100, 101, 102, 103]);
    expect(calls.map((c) => c.take)).toEqual([1, 2, 3, 4]);
    expect(new Set(calls.map((c) => c.shotId)).size).toBe(1);
    expect(calls[0]?.shotId).toEqual(expect.any(String));
    expect(calls.every((c) => c.batchSize === 4 && c.params.model === 'fal-ai/veo3.1/fast/image-to-video')).toBe(true);
  });

  it('gives a model without seeds the same settings for every take, told apart by their take number', async () => {
    const { fake, create } = setup();
    await create.getState().addImages([{ kind: 'bytes', name: 'fox.png', base64: 'AAAA' }]);
    create.getState().setField('prompt', 'A fox turns');
    create.getState().setField('takes', 2);
    await create.getState().submit('ready');
    const calls = fake.callsTo('jobs:create');
    expect(calls.map((c) => [c.take, c.params.seed])).toEqual([
      [1, undefined],
      [2, undefined],
    ]);
  });

  it('picks distinct seeds from a random start when none was typed, and keeps one take as typed', () => {
    const params = { model: 'fal-ai/veo3.1/image-to-video', prompt: 'p', aspectRatio: 'auto', duration: '8s', resolution: '720p', generateAudio: true } as const;
    expect(takeParams(params, 2, () => 2 ** 32 - 1).map((p) => p.seed)).toEqual([2 ** 32 - 1, 0]);
    expect(takeParams(params, 1)).toEqual([params]);
  });

  it('counts every take in the estimate on the button', () => {
    const form = { ...DEFAULT_FORM, model: 'fal-ai/veo3/fast/image-to-video' } as const;
    expect(generateLabel(form, 2, 'aggregator')).toBe('Generate 2 videos · 8 s each · ≈ $2.40');
  });
});

describe('picking another model', () => {
  it('falls back from 4K to a resolution the new model offers, and keeps what it can', () => {
    expect(switchModel({ resolution: '4k' }, 'fal-ai/veo3/fast/image-to-video')).toEqual({ model: 'fal-ai/veo3/fast/image-to-video', resolution: '720p' });
    expect(switchModel({ resolution: '1080p' }, 'fal-ai/veo3/image-to-video')).toEqual({ model: 'fal-ai/veo3/image-to-video', resolution: '1080p' });
  });

  it('keeps a typed seed in the form but does not send it to a model without seeds', () => {
    const form = { ...DEFAULT_FORM, prompt: 'p', seed: '12', negativePrompt: 'blur' };
    expect(buildParams({ ...form, model: 'fal-ai/veo3/image-to-video' })).not.toHaveProperty('seed');
    expect(buildParams({ ...form, model: 'fal-ai/veo3.1/image-to-video' })).toMatchObject({ seed: 12, negativePrompt: 'blur' });
  });
});
