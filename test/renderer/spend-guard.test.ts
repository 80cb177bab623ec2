// The "confirm above $X" guard and restoring Create from a sidecar, against a fake API.
import { describe, expect, it } from 'vitest';
import type { PreparedImageInfo } from '../../shared/contract';
import { DEFAULT_SETTINGS } from '../../shared/settings';
import { createStores } from '../../renderer/stores';
import { restoreFromSidecar } from '../../renderer/stores/sidecar-restore';
import { makeJobRecord } from '../support/records';
import { createFakeApi, fail, memoryStorage, ok } from './fake-api';

const image = (token: string): PreparedImageInfo => ({ token, kind: 'file', name: `${token}.png`, width: 1920, height: 1080, warnings: [] });

async function setup(confirmAboveUsd?: number) {
  const fake = createFakeApi();
  let n = 0;
  fake.handle('image:prepare', () => ok(image(`tok-${++n}`)));
  fake.handle('image:discard', () => ok(undefined));
  fake.handle('jobs:create', ({ params }) => ok(makeJobRecord({ state: 'submitting', params })));
  fake.handle('settings:get', () => ok({ ...DEFAULT_SETTINGS, provider: 'simulator', ...(confirmAboveUsd !== undefined ? { confirmAboveUsd } : {}) }));
  const stores = createStores(fake.api, { storage: memoryStorage() });
  await stores.settings.getState().load();
  await stores.create.getState().addImages([{ kind: 'url', url: 'https://example.com/a.png' }]);
  stores.create.getState().setField('prompt', 'A fox in the snow');
  return { fake, stores, guard: stores.spendGuard };
}

describe('spend guard', () => {
  it('submits at once without a limit', async () => {
    const { fake, guard } = await setup();
    expect(await guard.getState().requestGenerate('ready')).toHaveLength(1);
    expect(fake.callsTo('jobs:create')).toHaveLength(1);
    expect(guard.getState().pending).toBeUndefined();
  });

  it('submits at once when the estimate is at or under the limit', async () => {
    const { fake, guard } = await setup(3.2); // 8 s with audio = $3.20: not *above* the limit
    await guard.getState().requestGenerate('ready');
    expect(fake.callsTo('jobs:create')).toHaveLength(1);
  });

  it('holds an estimate above the limit until Confirm; Cancel sends nothing', async () => {
    const { fake, guard } = await setup(1);
    expect(await guard.getState().requestGenerate('ready')).toEqual([]);
    expect(guard.getState().pending).toMatchObject({ usd: 3.2, limit: 1, jobs: 1 });
    expect(fake.callsTo('jobs:create')).toHaveLength(0);
    // A second press while asking does not stack a second question or submit.
    await guard.getState().requestGenerate('ready');
    expect(fake.callsTo('jobs:create')).toHaveLength(0);

    guard.getState().cancel();
    expect(guard.getState().pending).toBeUndefined();
    expect(fake.callsTo('jobs:create')).toHaveLength(0);

    await guard.getState().requestGenerate('ready');
    expect(await guard.getState().confirm()).toHaveLength(1);
    expect(fake.callsTo('jobs:create')).toHaveLength(1);
    expect(guard.getState().pending).toBeUndefined();
  });

  it('a limit of 0 asks every time; a blocked form never asks', async () => {
    const { fake, stores, guard } = await setup(0);
    stores.create.getState().setField('prompt', '');
    await guard.getState().requestGenerate('ready');
    expect(guard.getState().pending).toBeUndefined();
    stores.create.getState().setField('prompt', 'ok');
    await guard.getState().requestGenerate('ready');
    expect(guard.getState().pending?.limit).toBe(0);
    expect(fake.callsTo('jobs:create')).toHaveLength(0);
  });
});

describe('restoreFromSidecar', () => {
  it('fills the form and the picture, replacing what was there', async () => {
    const { fake, stores } = await setup();
    fake.handle('sidecar:open', () =>
      ok({ params: { prompt: 'Restored', aspectRatio: '9:16', duration: '4s', resolution: '1080p', generateAudio: false, seed: 9 }, image: image('from-library') }),
    );
    expect(await restoreFromSidecar(stores, { kind: 'bytes', name: 'take.json', base64: 'e30=' }, '“take.json”')).toBe(true);
    const s = stores.create.getState();
    expect(s).toMatchObject({ prompt: 'Restored', aspectRatio: '9:16', duration: '4s', resolution: '1080p', generateAudio: false, seed: '9' });
    expect(s.images.map((i) => i.token)).toEqual(['from-library']);
    expect(fake.callsTo('image:discard')).toEqual([{ token: 'tok-1' }]);
    expect(stores.toasts.getState().toasts.at(-1)?.title).toBe('Settings restored');
  });

  it('shows the note when only settings came back, and the reason when nothing did', async () => {
    const { fake, stores } = await setup();
    fake.handle('sidecar:open', () =>
      ok({ params: { prompt: 'Only settings', aspectRatio: 'auto', duration: '8s', resolution: '720p', generateAudio: true }, note: 'Drop the picture.' }),
    );
    await restoreFromSidecar(stores, { kind: 'path', path: '/x/take.json' });
    expect(stores.create.getState().images).toEqual([]);
    expect(stores.create.getState().intake).toEqual({ status: 'notice', message: 'Drop the picture.' });

    fake.handle('sidecar:open', () => fail('invalid_input', '“x.json” is not a Veo Studio sidecar.'));
    expect(await restoreFromSidecar(stores, { kind: 'path', path: '/x/x.json' })).toBe(false);
    expect(stores.create.getState().intake).toMatchObject({ status: 'invalid', message: '“x.json” is not a Veo Studio sidecar.' });
    expect(stores.create.getState().prompt).toBe('Only settings');
  });
});
