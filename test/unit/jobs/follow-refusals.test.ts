// While following a job, the aggregator's own refusals that no waiting fixes (this key may not read
// it; the key's quota is gone) end the follow at once, as a rejected key always did.
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../electron/core/api/errors';
import type { QueueClient } from '../../../electron/core/api/types';
import { DEFAULT_FOLLOW_POLICY, followUntilCompleted } from '../../../electron/core/jobs/follow';

function refusingClient(kind: 'forbidden' | 'quota' | 'transient'): { client: QueueClient; calls: () => number } {
  let calls = 0;
  const client = {
    provider: 'aggregator',
    baseUrl: 'https://api.example',
    status: async () => {
      calls++;
      throw new ApiError({ kind, message: kind, httpStatus: kind === 'transient' ? 503 : 403 });
    },
  } as unknown as QueueClient;
  return { client, calls: () => calls };
}

const urls = { status: 'https://api.example/s', response: 'https://api.example/r', cancel: 'https://api.example/c' };
const policy = { ...DEFAULT_FOLLOW_POLICY, useStream: false, maxPollMs: 1, unreachableGiveUpMs: 30 };

describe('follow and the aggregator’s refusals', () => {
  it.each(['forbidden', 'quota'] as const)('%s on a status call ends the follow after one call', async (kind) => {
    const { client, calls } = refusingClient(kind);
    await expect(followUntilCompleted(client, urls, policy, { onStatus: () => undefined }, new AbortController().signal)).rejects.toMatchObject({ kind });
    expect(calls()).toBe(1);
  });

  it('a transient failure is still waited out (bounded)', async () => {
    const { client, calls } = refusingClient('transient');
    await expect(followUntilCompleted(client, urls, policy, { onStatus: () => undefined }, new AbortController().signal)).rejects.toMatchObject({ kind: 'transient' });
    expect(calls()).toBeGreaterThan(1);
  });
});
