// The renderer state behind "Continue from a frame" (the create store remembers the parent) and
// Compare (choosing two jobs; only finished videos qualify).
import { describe, expect, it } from 'vitest';
import type { PreparedImageInfo } from '../../shared/contract';
import { createStores } from '../../renderer/stores';
import { settingsDiffRows } from '../../renderer/features/compare/SettingsDiff';
import { makeJobRecord } from '../support/records';
import { createFakeApi, fail, memoryStorage, ok } from './fake-api';

const frame = { kind: 'bytes' as const, name: 'frame-7.950.png', base64: 'iVBORw0KGgo=' };

/** A finished job with a video on disk, as Compare needs. */
const finished = (overrides: Parameters<typeof makeJobRecord>[0] = {}) => {
  const rec = makeJobRecord(overrides);
  return { ...rec, videoPath: `media/${rec.id}/video.mp4` };
};

function setup() {
  const fake = createFakeApi();
  let n = 0;
  fake.handle('image:prepare', (source) =>
    ok<PreparedImageInfo>({ token: `tok-${++n}`, kind: 'file', name: source.kind === 'bytes' ? source.name : undefined, warnings: [] }),
  );
  fake.handle('image:discard', () => ok(undefined));
  fake.handle('jobs:create', ({ params }) => ok(makeJobRecord({ state: 'submitting', params })));
  const stores = createStores(fake.api, { storage: memoryStorage() });
  return { fake, stores };
}

describe('continue from a frame', () => {
  it('takes the frame as the picture, the parent’s settings and prompt, and links the new job', async () => {
    const { fake, stores } = setup();
    const parent = makeJobRecord({ params: { model: 'fal-ai/veo3.1/image-to-video', prompt: 'A lighthouse at dusk', duration: '6s', seed: 42, negativePrompt: 'blur' } });
    expect(await stores.create.getState().continueFromFrame(parent, frame)).toBe(true);

    const s = stores.create.getState();
    expect(s.parentId).toBe(parent.id);
    expect(s.images.map((i) => i.name)).toEqual(['frame-7.950.png']);
    expect([s.prompt, s.duration, s.seed, s.negativePrompt]).toEqual(['A lighthouse at dusk', '6s', '42', 'blur']);
    expect(fake.callsTo('image:prepare')).toEqual([frame]);

    await stores.create.getState().submit('ready');
    expect(fake.callsTo('jobs:create')[0]).toMatchObject({ imageToken: 'tok-1', parentId: parent.id, params: { model: 'fal-ai/veo3.1/image-to-video', prompt: 'A lighthouse at dusk', seed: 42 } });
  });

  it('forgets the parent when the user brings a picture of their own or loads other settings', async () => {
    const { fake, stores } = setup();
    const parent = makeJobRecord();
    await stores.create.getState().continueFromFrame(parent, frame);
    await stores.create.getState().addImages([{ kind: 'bytes', name: 'mine.png', base64: 'AAAA' }]);
    expect(stores.create.getState().parentId).toBeUndefined();
    await stores.create.getState().submit('ready');
    expect(fake.callsTo('jobs:create')[0]).not.toHaveProperty('parentId');

    await stores.create.getState().continueFromFrame(parent, frame);
    stores.create.getState().clearImages();
    expect(stores.create.getState().parentId).toBeUndefined();
    await stores.create.getState().continueFromFrame(parent, frame);
    await stores.create.getState().loadFromJob(makeJobRecord());
    expect(stores.create.getState().parentId).toBeUndefined();
  });

  it('reports failure and links nothing when the frame is refused', async () => {
    const { fake, stores } = setup();
    fake.handle('image:prepare', () => fail('invalid_input', 'Too small'));
    expect(await stores.create.getState().continueFromFrame(makeJobRecord(), frame)).toBe(false);
    expect(stores.create.getState().parentId).toBeUndefined();
    expect(stores.create.getState().intake).toMatchObject({ status: 'invalid', message: 'Too small' });
  });
});

describe('compare', () => {
  it('pairs the first job with the second card chosen', () => {
    const { stores } = setup();
    const a = finished();
    const b = finished();
    const compare = stores.compare;
    compare.getState().startPicking(a);
    expect(compare.getState().picking?.id).toBe(a.id);
    expect(compare.getState().pick(a)).toBe(false);
    expect(compare.getState().pair).toBeUndefined();
    expect(compare.getState().pick(b)).toBe(true);
    expect(compare.getState().pair?.map((r) => r.id)).toEqual([a.id, b.id]);
    expect(compare.getState().picking).toBeUndefined();
    compare.getState().close();
    expect(compare.getState().pair).toBeUndefined();
  });

  it('refuses jobs without a finished video, and picking without a first job', () => {
    const { stores } = setup();
    const running = makeJobRecord({ state: 'running', videoPath: undefined });
    stores.compare.getState().startPicking(running);
    expect(stores.compare.getState().picking).toBeUndefined();
    expect(stores.toasts.getState().toasts.at(-1)?.title).toMatch(/Only finished videos/);
    expect(stores.compare.getState().pick(finished())).toBe(false);
    stores.compare.getState().startPicking(finished());
    expect(stores.compare.getState().pick(running)).toBe(false);
    expect(stores.compare.getState().pair).toBeUndefined();
  });

  it('keeps the wipe position within 0–100 and switches layout', () => {
    const { stores } = setup();
    stores.compare.getState().setWipePosition(140);
    expect(stores.compare.getState().wipePosition).toBe(100);
    stores.compare.getState().setWipePosition(-3);
    expect(stores.compare.getState().wipePosition).toBe(0);
    stores.compare.getState().setMode('wipe');
    expect(stores.compare.getState().mode).toBe('wipe');
  });

  it('diffs the settings row by row', () => {
    const a = makeJobRecord({ params: { duration: '4s', seed: 1 } });
    const b = makeJobRecord({ params: { duration: '8s', seed: 1, negativePrompt: 'rain' } });
    const rows = settingsDiffRows(a, b);
    expect(rows.filter((r) => r.differs).map((r) => r.label)).toEqual(['Duration', 'Negative prompt']);
    expect(rows.find((r) => r.label === 'Seed')).toMatchObject({ a: '1', b: '1', differs: false });
  });
});
