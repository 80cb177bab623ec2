// The aggregator's own answers (docs/protocol.md), end to end: the whole core against the simulator
// playing the aggregator. Each refusal must end as a failed job whose message carries the provider's
// words and says what to do, and the simulator must prove the refusal came before anything was queued.
import { describe, expect, it } from 'vitest';
import type { JobRecord } from '../../shared/domain';
import { useSimCore } from '../support/sim-core';

const env = useSimCore({ account: { balanceUsd: 10 } });

async function generate(scenario: string, duration: '4s' | '8s' = '4s'): Promise<JobRecord> {
  const created = await env.create(`a lighthouse in fog [sim:${scenario}]`, { duration });
  return env.core.runner.wait(created.id);
}

const submitsOf = (scenario: string) => env.sim.requests.filter((r) => r.method === 'POST' && r.scenario === scenario);

describe('refusals come before anything is queued, and say so in the provider’s words', () => {
  it.each([
    ['quota_exhausted', 403, 'quota', /top up at your provider/, '用户额度不足'],
    ['payment_required', 402, 'quota', /top up at your provider/, 'Insufficient balance'],
    ['model_not_allowed', 403, 'forbidden', /may not use this model/, '该令牌无权使用模型'],
    ['no_channel', 503, 'unavailable', /cannot serve this model right now/, '无可用渠道'],
    ['payload_too_large', 413, 'validation', /picture was too large.*request carried [\d.]+ (KB|MB)/, '413 Request Entity Too Large'],
  ])('%s → HTTP %i, %s', async (scenario, status, kind, advice, words) => {
    const jobsBefore = env.sim.submitCount();
    const balanceBefore = env.sim.remainingUsd();
    const rec = await generate(scenario);
    expect(rec.state).toBe('failed');
    expect(rec.error).toMatchObject({ kind, httpStatus: status, notCharged: true });
    expect(rec.error?.message).toMatch(advice);
    expect(rec.error?.message).toContain(words);
    expect(rec.error?.message).toMatch(/Nothing was queued and you were not charged/);
    expect(rec.error?.message).not.toMatch(/key was rejected|[{}<>]/);
    expect(rec.requestId).toBeUndefined();
    // The simulator's proof: no job, no charge, no request id, and asked once (refusals are not retried).
    expect(env.sim.submitCount()).toBe(jobsBefore);
    expect(env.sim.remainingUsd()).toBe(balanceBefore);
    expect(submitsOf(scenario)).toHaveLength(1);
    expect(submitsOf(scenario)[0]?.requestId).toBeUndefined();
  });

  it('group_saturated: the 429 is retried like a rate limit, then the job is accepted once and charged once', async () => {
    const balanceBefore = env.sim.remainingUsd();
    const rec = await generate('group_saturated');
    expect(rec.state, JSON.stringify(rec.error)).toBe('completed');
    expect(submitsOf('group_saturated').map((r) => r.status)).toEqual([429, 429, 200]);
    expect(env.sim.remainingUsd()).toBeCloseTo(balanceBefore - 0.8, 5);
  });

  it('a real exhausted balance: the account cannot afford the job → quota refusal with what is left', async () => {
    // $10 top-up; jobs so far cost $0.80. Three 8 s silent jobs ($1.60 each) fit, then the money runs out.
    const results: JobRecord[] = [];
    for (let i = 0; i < 6; i++) results.push(await generate('happy', '8s'));
    const refused = results.filter((r) => r.state === 'failed');
    expect(refused.length).toBeGreaterThan(0);
    expect(refused[0]?.error?.kind).toBe('quota');
    expect(refused[0]?.error?.message).toMatch(/用户额度不足, 剩余额度: ＄\d+\.\d{6}/);
    expect(env.sim.remainingUsd()).toBeGreaterThanOrEqual(0);
  });
});
