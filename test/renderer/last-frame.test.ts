// Create with a first–last-frame model: Generate waits for a last frame, then every job carries it as
// lastImageToken; another model's jobs never do. "Transition to…" builds its job from two takes and
// a confirmed spend re-sends that same request with the amount agreed.
import { describe, expect, it } from 'vitest';
import type { IpcResult, PreparedImageInfo } from '../../shared/contract';
import { createStores } from '../../renderer/stores';
import { generateBlocker } from '../../renderer/stores/create-form';
import { transitionRequest, transitionTargets } from '../../renderer/features/frames/transition';
import { makeJobRecord } from '../support/records';
import { toSummary } from '../../shared/job-summary';
import { createFakeApi, memoryStorage, ok } from './fake-api';

const FLF = 'fal-ai/veo3.1/first-last-frame-to-video';

function setup() {
  const fake = createFakeApi();
  let n = 0;
  fake.handle('image:prepare', () => ok<PreparedImageInfo>({ token: `tok-${++n}`, kind: 'file', name: 'p.png', width: 1920, height: 1080, warnings: [] }));
  fake.handle('image:discard', () => ok(undefined));
  fake.handle('jobs:create', ({ params }) => ok(makeJobRecord({ state: 'submitting', params })));
  const stores = createStores(fake.api, { storage: memoryStorage() });
  return { fake, stores, create: stores.create };
}

describe('the last frame on Create', () => {
  it('blocks Generate until a first–last-frame model has its last frame, then sends it with every job', async () => {
    const { fake, create } = setup();
    await create.getState().addImages([{ kind: 'bytes', name: 'first.png', base64: 'AAAA' }]);
    create.getState().setField('prompt', 'Dawn to dusk');
    create.getState().setField('model', FLF);
    expect(generateBlocker(create.getState(), 'ready')).toMatch(/Add a last frame/);
    expect(await create.getState().submit('ready')).toEqual([]);

    await create.getState().setLastFrame({ kind: 'bytes', name: 'last.png', base64: 'BBBB' });
    expect(generateBlocker(create.getState(), 'ready')).toBeUndefined();
    create.getState().setField('takes', 2);
    await create.getState().submit('ready');
    const calls = fake.callsTo('jobs:create');
    expect(calls.map((c) => [c.imageToken, c.lastImageToken, c.params.model])).toEqual([
      ['tok-1', 'tok-2', FLF],
      ['tok-1', 'tok-2', FLF],
    ]);
  });

  it('keeps a last frame out of another model’s jobs', async () => {
    const { fake, create } = setup();
    await create.getState().addImages([{ kind: 'bytes', name: 'first.png', base64: 'AAAA' }]);
    await create.getState().setLastFrame({ kind: 'bytes', name: 'last.png', base64: 'BBBB' });
    create.getState().setField('prompt', 'A fox');
    await create.getState().submit('ready');
    expect(fake.callsTo('jobs:create')[0]).not.toHaveProperty('lastImageToken');
  });
});

describe('Transition to…', () => {
  it('runs to a finished take with a video, from this take’s settings on the first–last-frame model', () => {
    const from = makeJobRecord({ params: { model: 'fal-ai/veo3.1/fast/image-to-video', seed: 4, negativePrompt: 'blur', duration: '6s' }, videoPath: 'media/a/video.mp4' });
    const done = makeJobRecord({ videoPath: 'media/b/video.mp4' });
    const failed = makeJobRecord({ state: 'failed' });
    expect(transitionTargets([from, done, failed].map(toSummary), from.id).map((t) => t.id)).toEqual([done.id]);
    const request = transitionRequest(from, 'A to B', { first: 'tok-last-of-a', last: 'tok-first-of-b' });
    expect(request).toEqual({
      params: { model: FLF, prompt: 'A to B', aspectRatio: '16:9', duration: '6s', resolution: '720p', generateAudio: true },
      imageToken: 'tok-last-of-a',
      lastImageToken: 'tok-first-of-b',
      parentId: from.id,
    });
  });

  it('asks first above the limit, and Confirm re-sends the same transition with the amount agreed', async () => {
    const { fake, stores } = setup();
    let asked = false;
    fake.handle('jobs:create', (input) => {
      if (input.confirmedUsd === undefined && !asked) {
        asked = true;
        const needsConfirmation = { usd: 3.2, limit: 1, jobs: 1, provider: 'aggregator' as const };
        return { ok: false, error: { kind: 'failed' as const, message: 'above your limit', needsConfirmation } } satisfies IpcResult<never>;
      }
      return ok(makeJobRecord({ state: 'submitting', params: input.params }));
    });
    const request = transitionRequest(makeJobRecord(), 'A to B', { first: 't1', last: 't2' });
    expect(await stores.spendGuard.getState().requestTransition(request)).toBeUndefined();
    expect(stores.spendGuard.getState().pending?.usd).toBe(3.2);
    expect(await stores.spendGuard.getState().confirm()).toHaveLength(1);
    const calls = fake.callsTo('jobs:create');
    expect(calls.at(-1)).toEqual({ ...request, confirmedUsd: 3.2 });
  });
});
