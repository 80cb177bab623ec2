// library:chain / library:chainList through the router, and the chain order rules on plain records.
import { isAbsolute } from 'node:path';
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobRecord } from '../../../shared/domain';
import { buildChain } from '../../../electron/core/service/chain-handlers';
import { makeJobRecord } from '../../support/records';
import { PARAMS, SAMPLE_INPUT, startHarness, type Harness } from './harness';

describe('buildChain', () => {
  const index = (records: JobRecord[]) => {
    const byId = new Map(records.map((r) => [r.id, r]));
    return (start: JobRecord) => buildChain(start, (id) => byId.get(id), records).map((r) => r.id);
  };

  it('lists ancestors root first, then the job, then descendants depth-first, siblings oldest first', () => {
    const root = makeJobRecord({ id: 'root' });
    const mid = makeJobRecord({ id: 'mid', parentId: 'root' });
    const childA = makeJobRecord({ id: 'child-a', parentId: 'mid' });
    const childB = makeJobRecord({ id: 'child-b', parentId: 'mid' });
    const grandchild = makeJobRecord({ id: 'grandchild', parentId: 'child-a' });
    const unrelated = makeJobRecord({ id: 'unrelated' });
    // Shuffled on purpose: order must come from the links and dates, not from the input order.
    const chainOf = index([grandchild, childB, unrelated, mid, childA, root]);
    expect(chainOf(mid)).toEqual(['root', 'mid', 'child-a', 'grandchild', 'child-b']);
    expect(chainOf(childB)).toEqual(['root', 'mid', 'child-b']);
    expect(chainOf(root)).toEqual(['root', 'mid', 'child-a', 'grandchild', 'child-b']);
    expect(chainOf(unrelated)).toEqual(['unrelated']);
  });

  it('survives a missing parent and a cycle in hand-edited records', () => {
    const orphan = makeJobRecord({ id: 'orphan', parentId: 'gone' });
    expect(index([orphan])(orphan)).toEqual(['orphan']);
    const x = makeJobRecord({ id: 'x', parentId: 'y' });
    const y = makeJobRecord({ id: 'y', parentId: 'x' });
    expect(index([x, y])(x)).toEqual(['y', 'x']);
  });
});

describe('library:chain / library:chainList', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h?.close());

  const finished = async (prompt: string, parentId?: string): Promise<JobRecord> => {
    const { token } = await h.call('image:prepare', { kind: 'path', path: SAMPLE_INPUT });
    const created = await h.call('jobs:create', { params: { ...PARAMS, prompt }, imageToken: token, ...(parentId ? { parentId } : {}) });
    return h.waitForState(created.id, 'completed');
  };

  it('links a continuation to its parent and lists the videos in order as absolute paths', async () => {
    const first = await finished('first shot');
    const second = await finished('second shot', first.id);
    expect(second.parentId).toBe(first.id);

    expect((await h.call('library:chain', { id: second.id })).chain.map((r) => r.id)).toEqual([first.id, second.id]);
    const { files } = await h.call('library:chainList', { id: first.id });
    expect(files.map((f) => [f.order, f.id, f.prompt])).toEqual([
      [1, first.id, 'first shot'],
      [2, second.id, 'second shot'],
    ]);
    for (const f of files) {
      expect(isAbsolute(f.videoPath)).toBe(true);
      expect(existsSync(f.videoPath)).toBe(true);
    }
  });

  it('answers not_found for an unknown job', async () => {
    expect((await h.fail('library:chain', { id: 'no-such-job' })).kind).toBe('not_found');
    expect((await h.fail('library:chainList', { id: 'no-such-job' })).kind).toBe('not_found');
  });
});
