// The renderer's side of the spend guard (it only relays the core's answer and locks the buttons),
// and restoring Create from a sidecar, against a fake API whose jobs:create/jobs:rerun answer the
// way the core's guard does.
import { describe, expect, it } from 'vitest';
import type { IpcResult, PreparedImageInfo } from '../../shared/contract';
import { GenerationParamsSchema, type JobRecord } from '../../shared/domain';
import { estimateBatchUsd, type PricedParams } from '../../shared/pricing';
import { DEFAULT_SETTINGS } from '../../shared/settings';
import { createStores } from '../../renderer/stores';
import { restoreFromSidecar } from '../../renderer/stores/sidecar-restore';
import { makeJobRecord } from '../support/records';
import { createFakeApi, deferred, fail, memoryStorage, ok } from './fake-api';

const image = (token: string): PreparedImageInfo => ({ token, kind: 'file', name: `${token}.png`, width: 1920, height: 1080, warnings: [] });

/** What the core's spend guard answers for a paid provider with this limit. */
function coreGuard(limit: number | undefined, params: PricedParams, jobs = 1, confirmedUsd?: number) {
  const usd = estimateBatchUsd(params, 'aggregator', jobs);
  if (limit === undefined || usd <= limit || (confirmedUsd ?? -1) >= usd) return undefined;
  const error = { kind: 'failed' as const, message: 'above your limit', needsConfirmation: { usd, limit, jobs, provider: 'aggregator' as const } };
  return { ok: false, error } satisfies IpcResult<never>;
}

async function setup(confirmAboveUsd?: number) {
  const fake = createFakeApi();
  let n = 0;
  fake.handle('image:prepare', () => ok(image(`tok-${++n}`)));
  fake.handle('image:discard', () => ok(undefined));
  fake.handle('jobs:create', ({ params, batchSize, confirmedUsd }) =>
    coreGuard(confirmAboveUsd, GenerationParamsSchema.parse(params), batchSize, confirmedUsd) ??
    ok(makeJobRecord({ state: 'submitting', params })),
  );
  fake.handle('settings:get', () => ok({ ...DEFAULT_SETTINGS, ...(confirmAboveUsd !== undefined ? { confirmAboveUsd } : {}) }));
  const stores = createStores(fake.api, { storage: memoryStorage() });
  await stores.settings.getState().load();
  await stores.create.getState().addImages([{ kind: 'url', url: 'https://example.com/a.png' }]);
  stores.create.getState().setField('prompt', 'A fox in the snow');
  return { fake, stores, guard: stores.spendGuard };
}

describe('Generate through the spend guard', () => {
  it('submits at once when the core does not ask', async () => {
    const { fake, guard } = await setup();
    expect(await guard.getState().requestGenerate('ready')).toHaveLength(1);
    expect(fake.callsTo('jobs:create')).toMatchObject([{ batchSize: 1 }]);
    expect(fake.callsTo('jobs:create')[0]).not.toHaveProperty('confirmedUsd');
    expect(guard.getState().pending).toBeUndefined();
  });

  it('shows the core\'s quote, sends nothing more on Cancel, and sends the confirmed amount on Confirm', async () => {
    const { fake, guard } = await setup(1);
    expect(await guard.getState().requestGenerate('ready')).toEqual([]);
    expect(guard.getState().pending).toMatchObject({ usd: 3.2, limit: 1, jobs: 1, action: { kind: 'generate' } });
    // A second press while asking does not stack a second question or submit.
    await guard.getState().requestGenerate('ready');
    expect(fake.callsTo('jobs:create')).toHaveLength(1);

    guard.getState().cancel();
    expect(guard.getState().pending).toBeUndefined();
    expect(fake.callsTo('jobs:create')).toHaveLength(1);

    await guard.getState().requestGenerate('ready');
    expect(await guard.getState().confirm()).toHaveLength(1);
    expect(fake.callsTo('jobs:create').at(-1)).toMatchObject({ confirmedUsd: 3.2 });
    expect(guard.getState().pending).toBeUndefined();
  });

  it('several pictures are asked about once, as one total, then all sent', async () => {
    const { fake, stores, guard } = await setup(5);
    await stores.create.getState().addImages([1, 2, 3].map((i) => ({ kind: 'url' as const, url: `https://example.com/${i}.png` })));
    await guard.getState().requestGenerate('ready');
    expect(guard.getState().pending).toMatchObject({ usd: 9.6, jobs: 3 });
    expect(fake.callsTo('jobs:create')).toHaveLength(1);
    expect(await guard.getState().confirm()).toHaveLength(3);
    expect(fake.callsTo('jobs:create').slice(1)).toMatchObject([1, 2, 3].map(() => ({ batchSize: 3, confirmedUsd: 9.6 })));
  });

  it('locks Generate while a press is in flight: a double click sends one request', async () => {
    const { fake, guard } = await setup();
    const held = deferred<IpcResult<JobRecord>>();
    fake.handle('jobs:create', () => held.promise);
    const first = guard.getState().requestGenerate('ready');
    expect(guard.getState().generating).toBe(true);
    await guard.getState().requestGenerate('ready');
    held.resolve(ok(makeJobRecord({ state: 'submitting' })));
    await first;
    expect(fake.callsTo('jobs:create')).toHaveLength(1);
    expect(guard.getState().generating).toBe(false);
  });

  it('a blocked form never reaches the core', async () => {
    const { fake, stores, guard } = await setup(0);
    stores.create.getState().setField('prompt', '');
    await guard.getState().requestGenerate('ready');
    expect(guard.getState().pending).toBeUndefined();
    expect(fake.callsTo('jobs:create')).toHaveLength(0);
  });
});

describe('Retry through the spend guard', () => {
  const failed = makeJobRecord({ state: 'failed', provider: 'aggregator', error: { kind: 'content_policy', message: 'no' } });

  it('a double Retry sends one request while the first is in flight', async () => {
    const { fake, stores, guard } = await setup();
    const held = deferred<IpcResult<JobRecord>>();
    fake.handle('jobs:rerun', () => held.promise);
    const first = guard.getState().requestRerun(failed.id);
    expect(guard.getState().retrying.has(failed.id)).toBe(true);
    expect(await guard.getState().requestRerun(failed.id)).toBeUndefined();
    const rerun = makeJobRecord({ state: 'submitting' });
    held.resolve(ok(rerun));
    expect(await first).toEqual(rerun);
    expect(fake.callsTo('jobs:rerun')).toHaveLength(1);
    expect(guard.getState().retrying.size).toBe(0);
    expect(stores.jobs.getState().order).toContain(rerun.id);
  });

  it('Retry above the limit asks first, then sends the confirmed amount', async () => {
    const { fake, guard } = await setup(1);
    fake.handle('jobs:rerun', ({ confirmedUsd }) => coreGuard(1, failed.params, 1, confirmedUsd) ?? ok(makeJobRecord({ state: 'submitting' })));
    expect(await guard.getState().requestRerun(failed.id)).toBeUndefined();
    expect(guard.getState().pending).toMatchObject({ usd: 3.2, limit: 1, action: { kind: 'rerun', id: failed.id } });
    expect(await guard.getState().confirm()).toHaveLength(1);
    expect(fake.callsTo('jobs:rerun')).toEqual([{ id: failed.id }, { id: failed.id, confirmedUsd: 3.2 }]);
  });

  it('"Make final" above the limit asks first, and the confirmed request is still a final', async () => {
    const { fake, guard } = await setup(1);
    fake.handle('jobs:rerun', ({ confirmedUsd }) => coreGuard(1, failed.params, 1, confirmedUsd) ?? ok(makeJobRecord({ state: 'submitting' })));
    expect(await guard.getState().requestRerun(failed.id, 'final')).toBeUndefined();
    expect(guard.getState().pending).toMatchObject({ action: { kind: 'rerun', id: failed.id, as: 'final' } });
    expect(await guard.getState().confirm()).toHaveLength(1);
    expect(fake.callsTo('jobs:rerun')).toEqual([
      { id: failed.id, as: 'final' },
      { id: failed.id, as: 'final', confirmedUsd: 3.2 },
    ]);
  });

  it('a Retry the core refuses for another reason says why', async () => {
    const { fake, stores, guard } = await setup();
    fake.handle('jobs:rerun', () => fail('failed', 'The input picture of this job can no longer be used.'));
    await guard.getState().requestRerun(failed.id);
    expect(guard.getState().pending).toBeUndefined();
    expect(stores.toasts.getState().toasts.at(-1)).toMatchObject({ title: 'Could not start the job again' });
  });
});

describe('restoreFromSidecar', () => {
  it('fills the form and the picture, replacing what was there', async () => {
    const { fake, stores } = await setup();
    fake.handle('sidecar:open', () =>
      ok({ params: { model: 'fal-ai/veo3/image-to-video', prompt: 'Restored', aspectRatio: '9:16', duration: '4s', resolution: '1080p', generateAudio: false, seed: 9 }, image: image('from-library') }),
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
      ok({ params: { model: 'fal-ai/veo3/image-to-video', prompt: 'Only settings', aspectRatio: 'auto', duration: '8s', resolution: '720p', generateAudio: true }, note: 'Drop the picture.' }),
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
