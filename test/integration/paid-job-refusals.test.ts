// A job the provider accepted is paid for. When the aggregator starts refusing while we follow it
// (key rotated or disabled, balance gone, rights changed, channel removed), fal keeps making the
// video: the job must stay unfinished and resumable — never "failed" with Retry (which pays again).
import { afterEach, describe, expect, it } from 'vitest';
import { isFinalState, type JobRecord } from '../../shared/domain';
import type { AccountRefusal } from '../../electron/core/simulator/aggregator';
import { useSimCore } from '../support/sim-core';

const env = useSimCore({ account: { balanceUsd: 100 } });

// A failed assertion must not leave the aggregator refusing the next test's jobs.
afterEach(() => env.sim.refuse(undefined));

/** Starts a long-queued job and makes the aggregator refuse from the moment it is accepted. */
async function acceptedThenRefused(refusal: AccountRefusal): Promise<JobRecord> {
  const stop = env.core.runner.events.on('job:updated', (rec) => {
    if (rec.state === 'queued') env.sim.refuse(refusal);
  });
  try {
    const created = await env.create('a lighthouse in fog [sim:long_queue]');
    return await env.core.runner.wait(created.id);
  } finally {
    stop();
  }
}

describe('refused while following a paid job', () => {
  it.each([
    ['key_disabled', 'auth', /fix the key in Settings/, '该令牌状态不可用'],
    ['quota', 'quota', /top up at your provider/, '用户额度不足'],
    ['forbidden', 'forbidden', /which models your key/, '该令牌无权使用模型'],
    ['no_channel', 'unavailable', /wait a while/, '无可用渠道'],
  ] as const)('%s: stays unfinished and resumable, says it is paid for, and resume finishes it', async (refusal, kind, fix, words) => {
    const submitsBefore = env.sim.submitCount();
    const paused = await acceptedThenRefused(refusal);
    expect(isFinalState(paused.state), JSON.stringify(paused)).toBe(false);
    expect(paused.requestId).toBeDefined();
    expect(paused.error).toMatchObject({ kind });
    expect(paused.error?.notCharged).toBeUndefined();
    expect(paused.error?.message).toMatch(/still running on the server and (is )?paid for/);
    expect(paused.error?.message).toMatch(fix);
    expect(paused.error?.message).toMatch(/Check again/);
    expect(paused.error?.message).toContain(words);
    expect(paused.error?.message).not.toMatch(/try again|Nothing was queued|not charged/i);

    // The user fixes the key / tops up; `resume` picks the job up and finishes it without a second POST.
    env.sim.refuse(undefined);
    expect(env.core.runner.resumeAll()).toContain(paused.id);
    const done = await env.core.runner.wait(paused.id);
    expect(done.state, JSON.stringify(done.error)).toBe('completed');
    expect(done.error).toBeUndefined();
    expect(env.sim.submitCount()).toBe(submitsBefore + 1);
  });

  it('refused when asking for the result of a finished job: paused too, not failed', async () => {
    // The job finishes on fal; from that moment the aggregator refuses (the status stream that was
    // already open still says COMPLETED, then the result request is refused).
    const stop = env.sim.on('completed', () => env.sim.refuse('quota'));
    let paused: JobRecord;
    try {
      const created = await env.create('a lighthouse in fog [sim:happy]');
      paused = await env.core.runner.wait(created.id);
    } finally {
      stop();
    }
    expect(isFinalState(paused.state), JSON.stringify(paused.error)).toBe(false);
    expect(paused.error?.kind).toBe('quota');
    expect(paused.error?.message).toMatch(/still running on the server and paid for/);
    env.sim.refuse(undefined);
    expect((await env.core.runner.recheck(paused.id)).state).toBe('completed');
  });

  it('"Check again" on a paused job follows it again', async () => {
    const paused = await acceptedThenRefused('key_disabled');
    expect(isFinalState(paused.state), JSON.stringify(paused.error)).toBe(false);
    env.sim.refuse(undefined);
    const done = await env.core.runner.recheck(paused.id);
    expect(done.state, JSON.stringify(done.error)).toBe('completed');
  });
});

describe('"Check again" wording (red-team L8)', () => {
  it('a job whose POST went out but whose answer was lost is not called "never reached the server"', async () => {
    const created = await env.create('a lighthouse in fog [sim:submit_reset]');
    const rec = await env.core.runner.wait(created.id);
    expect(rec.error?.kind).toBe('outcome_unknown');
    expect(rec.requestId).toBeUndefined();
    const err = await env.core.runner.recheck(rec.id).then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    expect(err?.message).not.toMatch(/never reached the server/);
    expect(err?.message).toMatch(/was sent.*no request id/);
    expect(err?.message).toMatch(/dashboard/);
  });
});
