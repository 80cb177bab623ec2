// One draft, one final: "Make final" pressed again after the spend guard's de-duplication window
// (or from another face) must not start and charge a second final of the same draft while the first
// is on its way or done. A failed or cancelled final can be made again; another version of a final
// is "Another take" on the final, a press the user makes on purpose.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PARAMS, SAMPLE_INPUT, startHarness, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  // No de-duplication window: every press below comes "later" than a double click.
  h = await startHarness({ core: { spendDedupWindowMs: 0 } });
});
afterAll(() => h?.close());

const FAST = { ...PARAMS, model: 'fal-ai/veo3.1/fast/image-to-video', seed: 7 } as const;

async function completedDraft(prompt: string) {
  const { token } = await h.call('image:prepare', { kind: 'path', path: SAMPLE_INPUT });
  const draft = await h.call('jobs:create', { params: { ...FAST, prompt }, imageToken: token });
  await h.waitForState(draft.id, 'completed');
  return draft;
}
const finalsOf = (id: string) => h.core.library.list().filter((r) => r.parentId === id);

describe('Make final, pressed twice', () => {
  it('refuses a second final of a draft while the first is running, and after it completed', async () => {
    const draft = await completedDraft('final once');
    const first = await h.call('jobs:rerun', { id: draft.id, as: 'final' });
    const whileRunning = await h.fail('jobs:rerun', { id: draft.id, as: 'final' });
    expect(whileRunning.message).toMatch(/already has a final/);
    await h.waitForState(first.id, 'completed');
    const afterDone = await h.fail('jobs:rerun', { id: draft.id, as: 'final' });
    expect(afterDone.message).toMatch(/already has a final.*Open final/);
    expect(finalsOf(draft.id).map((r) => r.id)).toEqual([first.id]);
  });

  it('starts one final for two presses at once', async () => {
    const draft = await completedDraft('final at once');
    const answers = await Promise.all([1, 2].map(() => h.router.handle('jobs:rerun', { id: draft.id, as: 'final' })));
    expect(answers.filter((a) => a.ok)).not.toHaveLength(0);
    expect(finalsOf(draft.id)).toHaveLength(1);
    await h.waitForState(finalsOf(draft.id)[0]!.id, 'completed');
  });

  it('makes a final again when the earlier one failed or was cancelled', async () => {
    const draft = await completedDraft('final again');
    const first = await h.call('jobs:rerun', { id: draft.id, as: 'final' });
    await h.waitForState(first.id, 'completed');
    await h.core.library.update(first.id, { state: 'failed', error: { kind: 'unknown', message: 'broke' } });
    const second = await h.call('jobs:rerun', { id: draft.id, as: 'final' });
    expect(second.id).not.toBe(first.id);
    await h.waitForState(second.id, 'completed');
    await h.core.library.update(second.id, { state: 'cancelled' });
    const third = await h.call('jobs:rerun', { id: draft.id, as: 'final' });
    await h.waitForState(third.id, 'completed');
    expect(finalsOf(draft.id)).toHaveLength(3);
  });

  it('still lets the draft have more takes, and the final its own takes', async () => {
    const draft = await completedDraft('final and takes');
    const final = await h.call('jobs:rerun', { id: draft.id, as: 'final' });
    await h.waitForState(final.id, 'completed');
    const take = await h.call('jobs:rerun', { id: draft.id, as: 'take' });
    const finalTake = await h.call('jobs:rerun', { id: final.id, as: 'take' });
    expect(finalTake.params.model).toBe('fal-ai/veo3.1/image-to-video');
    await Promise.all([take, finalTake].map((j) => h.waitForState(j.id, 'completed')));
  });
});
