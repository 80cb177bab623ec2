import { describe, expect, it, vi } from 'vitest';
import type { BalanceInfo } from '../../shared/account';
import type { JobRecord } from '../../shared/domain';
import { createBalanceStore, shownBalance } from '../../renderer/stores/balance-store';
import { createFakeApi, ok } from './fake-api';

const info = (balanceUsd: number | null): BalanceInfo => ({ provider: 'aggregator', balanceUsd, source: balanceUsd === null ? 'none' : 'aggregator_billing', checkedAt: '2026-01-01T00:00:00Z' });

describe('balance store', () => {
  it('refreshes once per job the provider accepted, and hides when the provider does not say', async () => {
    let answer = info(12.5);
    const fake = createFakeApi({ 'account:balance': () => ok(answer) });
    const balance = createBalanceStore(fake.api);
    await balance.getState().refresh();
    expect(shownBalance(balance.getState().info)).toBe(12.5);

    const rec = { id: 'j1', state: 'submitting' } as JobRecord;
    balance.getState().noteJob(rec); // not accepted yet: no request id
    expect(fake.callsTo('account:balance')).toHaveLength(1);
    answer = info(9.3);
    balance.getState().noteJob({ ...rec, state: 'queued', requestId: 'r1' });
    balance.getState().noteJob({ ...rec, state: 'running', requestId: 'r1' });
    await balance.getState().refresh();
    expect(fake.callsTo('account:balance').length).toBeLessThanOrEqual(3);
    expect(shownBalance(balance.getState().info)).toBe(9.3);

    answer = info(null);
    await balance.getState().refresh();
    expect(shownBalance(balance.getState().info)).toBeUndefined();
  });
});

describe('balance store: never stale (red-team M3)', () => {
  it('a job accepted while a balance request is running is counted: one more request is queued', async () => {
    let release: (() => void) | undefined;
    let answer = info(20);
    const fake = createFakeApi({
      'account:balance': async () => {
        const now = answer;
        await new Promise<void>((r) => (release = r));
        return ok(now);
      },
    });
    const balance = createBalanceStore(fake.api);
    const first = balance.getState().refresh();
    answer = info(18.4); // job A accepted after the first question left
    balance.getState().noteJob({ id: 'a', state: 'queued', requestId: 'ra' } as JobRecord);
    answer = info(16.8); // job B too
    balance.getState().noteJob({ id: 'b', state: 'queued', requestId: 'rb' } as JobRecord);
    release?.();
    await first;
    // The queued refresh asks again and ends on the newest answer.
    await vi.waitFor(() => expect(fake.callsTo('account:balance')).toHaveLength(2));
    release?.();
    await vi.waitFor(() => expect(shownBalance(balance.getState().info)).toBe(16.8));
  });

  it('a quota refusal refreshes the balance', async () => {
    let answer = info(13.6);
    const fake = createFakeApi({ 'account:balance': () => ok(answer) });
    const balance = createBalanceStore(fake.api);
    await balance.getState().refresh();
    answer = info(0.8);
    balance.getState().noteJob({ id: 'q', state: 'failed', error: { kind: 'quota', message: '用户额度不足, 剩余额度: ＄0.80' } } as JobRecord);
    await vi.waitFor(() => expect(shownBalance(balance.getState().info)).toBe(0.8));
  });

  it('clear() hides the balance at once and a late answer does not bring it back', async () => {
    let release: (() => void) | undefined;
    const fake = createFakeApi({
      'account:balance': async () => {
        await new Promise<void>((r) => (release = r));
        return ok(info(38));
      },
    });
    const balance = createBalanceStore(fake.api);
    const pending = balance.getState().refresh();
    balance.getState().clear();
    release?.();
    await pending;
    expect(balance.getState().info).toBeUndefined();
  });
});

describe('shownBalance: only plausible dollars (red-team L3)', () => {
  it.each([
    [-3, 0],
    [-1e20, undefined],
    [1e21, undefined],
    [4_999_999, undefined],
    [Number.NaN, undefined],
    [12.345, 12.345],
  ])('%d → %s', (value, shown) => {
    expect(shownBalance(info(value))).toBe(shown);
  });
});
