import { describe, expect, it } from 'vitest';
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
