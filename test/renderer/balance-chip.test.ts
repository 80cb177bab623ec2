// Creator round, finding 11: the simulator's play balance went down ($100 → $98.80) while every
// estimate said "free". On a free provider the chip says it is free, and shows no balance.
import { describe, expect, it } from 'vitest';
import type { BalanceInfo } from '../../shared/account';
import { chipOf } from '../../renderer/components/BalanceChip';

const info = (provider: BalanceInfo['provider'], balanceUsd: number | null): BalanceInfo => ({
  provider,
  balanceUsd,
  source: balanceUsd === null ? 'none' : 'aggregator_billing',
  checkedAt: '2026-01-01T00:00:00Z',
});

describe('the balance chip', () => {
  it('on the simulator says "free", whatever play balance it reports', () => {
    expect(chipOf(info('simulator', 98.8))).toEqual({ kind: 'free' });
  });
  it('on a paid provider shows what is left, and nothing when the provider does not say', () => {
    expect(chipOf(info('aggregator', 12.5))).toEqual({ kind: 'usd', usd: 12.5 });
    expect(chipOf(info('aggregator', null))).toBeUndefined();
    expect(chipOf(undefined)).toBeUndefined();
  });
});
