// Takes and drafts through the router against the in-process simulator: takes of one shot are
// separate jobs even with identical settings, "another take" keeps the seed and counts on in its
// shot, and "Make final" runs a Fast draft's settings on the full model, linked to the draft.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PARAMS, SAMPLE_INPUT, startHarness, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

const prepare = async (): Promise<string> => (await h.call('image:prepare', { kind: 'path', path: SAMPLE_INPUT })).token;

describe('takes of one shot', () => {
  it('starts one job per take even where the model has no seed (not merged as a double click)', async () => {
    const token = await prepare();
    const input = { params: { ...PARAMS, prompt: 'two takes' }, imageToken: token, shotId: 'shot-1', batchSize: 2 };
    const [a, b] = await Promise.all([h.call('jobs:create', { ...input, take: 1 }), h.call('jobs:create', { ...input, take: 2 })]);
    expect(a.id).not.toBe(b.id);
    expect([a.shotId, a.take, b.shotId, b.take]).toEqual(['shot-1', 1, 'shot-1', 2]);
    await h.waitForState(b.id, 'completed');
    // Grouped as takes of one shot in the Library, take 1 first, from either take.
    expect((await h.call('library:takes', { id: b.id })).takes.map((t) => t.id)).toEqual([a.id, b.id]);
  });

  it('"another take with this seed" keeps the settings and seed, in the same shot, counted on', async () => {
    const params = { ...PARAMS, model: 'fal-ai/veo3.1/fast/image-to-video', prompt: 'seeded', seed: 77 };
    const first = await h.call('jobs:create', { params, imageToken: await prepare() });
    await h.waitForState(first.id, 'completed');
    const second = await h.call('jobs:rerun', { id: first.id, as: 'take' });
    expect(second).toMatchObject({ shotId: first.id, take: 2, params: { seed: 77, model: 'fal-ai/veo3.1/fast/image-to-video' } });
    await h.waitForState(second.id, 'completed');
    const third = await h.call('jobs:rerun', { id: second.id, as: 'take' });
    expect(third).toMatchObject({ shotId: first.id, take: 3, params: { seed: 77 } });
    await h.waitForState(third.id, 'completed');
    // The first job carries no shot id (it was alone when made), and still leads its shot.
    expect((await h.call('library:takes', { id: first.id })).takes.map((t) => t.id)).toEqual([first.id, second.id, third.id]);
  });

  it('"Make final" runs a Fast take on its full model with the same picture, prompt and seed, linked to the draft', async () => {
    const params = { ...PARAMS, model: 'fal-ai/veo3.1/fast/image-to-video', prompt: 'draft me', seed: 5, resolution: '1080p' };
    const draft = await h.call('jobs:create', { params, imageToken: await prepare() });
    await h.waitForState(draft.id, 'completed');
    const final = await h.call('jobs:rerun', { id: draft.id, as: 'final' });
    expect(final).toMatchObject({ parentId: draft.id, params: { ...params, model: 'fal-ai/veo3.1/image-to-video' } });
    expect(final.input).toMatchObject({ sha256: draft.input.kind === 'file' ? draft.input.sha256 : '' });
    expect((await h.waitForState(final.id, 'completed')).state).toBe('completed');
    const refused = await h.fail('jobs:rerun', { id: final.id, as: 'final' });
    expect(refused.message).toMatch(/already a full model/);
  });
});

describe('a first–last-frame job through the router', () => {
  const FLF = 'fal-ai/veo3.1/first-last-frame-to-video';

  it('takes the last frame by its token, refuses it missing or on a one-picture model, and a re-run keeps both pictures', async () => {
    const missing = await h.fail('jobs:create', { params: { ...PARAMS, model: FLF, prompt: 'no end' }, imageToken: await prepare() });
    expect(missing.message).toMatch(/needs a last frame/);
    const stray = await h.fail('jobs:create', { params: { ...PARAMS, prompt: 'stray' }, imageToken: await prepare(), lastImageToken: await prepare() });
    expect(stray.message).toMatch(/not a last frame/);
    const gone = await h.fail('jobs:create', { params: { ...PARAMS, model: FLF, prompt: 'gone' }, imageToken: await prepare(), lastImageToken: 'no-such-token' });
    expect(gone.message).toMatch(/last frame is no longer available/);

    const made = await h.call('jobs:create', { params: { ...PARAMS, model: FLF, prompt: 'dawn to dusk' }, imageToken: await prepare(), lastImageToken: await prepare() });
    expect(made.lastFrame?.kind).toBe('file');
    await h.waitForState(made.id, 'completed');
    const again = await h.call('jobs:rerun', { id: made.id });
    expect(again.lastFrame).toMatchObject({ kind: 'file', sha256: made.lastFrame?.kind === 'file' ? made.lastFrame.sha256 : '' });
    expect((await h.waitForState(again.id, 'completed')).state).toBe('completed');
  });
});

describe('an old library', () => {
  it('re-runs a Veo 3 job saved with a seed (before models had their own options) without it', async () => {
    const done = await h.call('jobs:create', { params: { ...PARAMS, prompt: 'old one' }, imageToken: await prepare() });
    await h.waitForState(done.id, 'completed');
    // As an older version could write it: a seed and a negative prompt on Veo 3.
    await h.core.library.update(done.id, { params: { ...done.params, seed: 9, negativePrompt: 'blur' } });
    const again = await h.call('jobs:rerun', { id: done.id });
    expect(again.params).toEqual({ ...PARAMS, prompt: 'old one', model: 'fal-ai/veo3/image-to-video' });
    await h.waitForState(again.id, 'completed');
  });
});
