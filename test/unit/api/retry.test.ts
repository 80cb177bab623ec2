import { describe, expect, it } from 'vitest';
import {
  abortableSleep,
  backoffDelayMs,
  DEFAULT_RETRY_POLICY,
  parseRetryAfterMs,
  resolveRetryPolicy,
  retryDelayMs,
  RetrySignal,
  withRetry,
} from '../../../electron/core/api/retry';
import type { RetryNotice } from '../../../electron/core/api/types';

const policy = resolveRetryPolicy({ baseDelayMs: 1000, maxDelayMs: 30_000, jitter: 0.25, maxAttempts: 5, maxRetryAfterMs: 10_000 });

describe('backoffDelayMs', () => {
  it('doubles from the base and stops at the cap', () => {
    const noJitter = resolveRetryPolicy({ ...policy, jitter: 0 });
    expect([1, 2, 3, 4, 5, 6, 7].map((n) => backoffDelayMs(n, noJitter))).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000]);
  });

  it('keeps jitter within ±fraction and never past the cap', () => {
    expect(backoffDelayMs(2, policy, () => 0)).toBe(1500); // 2000 − 25 %
    expect(backoffDelayMs(2, policy, () => 1)).toBe(2500); // 2000 + 25 %
    expect(backoffDelayMs(10, policy, () => 1)).toBe(30_000); // capped even with positive jitter
    for (let i = 0; i < 500; i++) {
      const d = backoffDelayMs(3, policy);
      expect(d).toBeGreaterThanOrEqual(3000);
      expect(d).toBeLessThanOrEqual(5000);
    }
  });

  it('defaults resemble fal-js but cap every wait', () => {
    expect(DEFAULT_RETRY_POLICY).toMatchObject({ baseDelayMs: 1000, jitter: 0.25, maxDelayMs: 30_000 });
    expect(backoffDelayMs(50, DEFAULT_RETRY_POLICY)).toBeLessThanOrEqual(DEFAULT_RETRY_POLICY.maxDelayMs);
  });

  it('rejects nonsense policies', () => {
    expect(() => resolveRetryPolicy({ baseDelayMs: -1 })).toThrow(RangeError);
    expect(resolveRetryPolicy({ maxAttempts: 0 }).maxAttempts).toBe(1);
  });
});

describe('parseRetryAfterMs', () => {
  const now = Date.parse('2025-01-01T12:00:00Z');
  it('reads delta-seconds', () => {
    expect(parseRetryAfterMs('3', now)).toBe(3000);
    expect(parseRetryAfterMs(' 0 ', now)).toBe(0);
    expect(parseRetryAfterMs('1.5', now)).toBe(1500);
  });
  it('reads an HTTP-date relative to now, never negative', () => {
    expect(parseRetryAfterMs('Wed, 01 Jan 2025 12:00:07 GMT', now)).toBe(7000);
    expect(parseRetryAfterMs('Wed, 01 Jan 2025 11:59:00 GMT', now)).toBe(0);
  });
  it('ignores absent or garbled values', () => {
    for (const v of [null, undefined, '', 'soon', '-5', '1e3']) expect(parseRetryAfterMs(v, now)).toBeUndefined();
  });
  it('caps what the server asks for', () => {
    expect(retryDelayMs(1, policy, 3_600_000)).toBe(10_000);
    expect(retryDelayMs(1, policy, 250)).toBe(250);
  });
});

describe('withRetry', () => {
  const fail = (reason: RetryNotice['reason'], retryAfterMs?: number) => new RetrySignal(new Error(`final ${reason}`), reason, 503, retryAfterMs);

  it('retries RetrySignals, tells onRetry before each wait, and returns the eventual value', async () => {
    const notices: RetryNotice[] = [];
    const slept: number[] = [];
    let calls = 0;
    const value = await withRetry(
      async (n) => {
        calls++;
        if (n < 3) throw fail('transient', n === 1 ? 7 : undefined);
        return 'ok';
      },
      { policy: resolveRetryPolicy({ ...policy, jitter: 0 }), onRetry: (x) => notices.push(x), sleep: async (ms) => void slept.push(ms) },
    );
    expect(value).toBe('ok');
    expect(calls).toBe(3);
    expect(slept).toEqual([7, 2000]);
    expect(notices).toEqual([
      { attempt: 2, maxAttempts: 5, delayMs: 7, reason: 'transient', httpStatus: 503 },
      { attempt: 3, maxAttempts: 5, delayMs: 2000, reason: 'transient', httpStatus: 503 },
    ]);
  });

  it('throws the final error when attempts run out, and other errors at once', async () => {
    let calls = 0;
    const opts = { policy: resolveRetryPolicy({ maxAttempts: 3 }), sleep: async () => undefined };
    await expect(withRetry(async () => (calls++, Promise.reject(fail('rate_limit'))), opts)).rejects.toThrow('final rate_limit');
    expect(calls).toBe(3);
    calls = 0;
    await expect(withRetry(async () => (calls++, Promise.reject(new Error('boom'))), opts)).rejects.toThrow('boom');
    expect(calls).toBe(1);
  });

  it('stops waiting the moment the caller aborts, with the AbortError', async () => {
    const ctl = new AbortController();
    const pending = withRetry(() => Promise.reject(fail('transient')), {
      policy: resolveRetryPolicy({ baseDelayMs: 60_000, maxDelayMs: 60_000 }),
      signal: ctl.signal,
      onRetry: () => queueMicrotask(() => ctl.abort()),
    });
    const err = await pending.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DOMException);
    expect((err as DOMException).name).toBe('AbortError');
  });

  it('abortableSleep rejects at once for an already aborted signal', async () => {
    await expect(abortableSleep(60_000, AbortSignal.abort())).rejects.toMatchObject({ name: 'AbortError' });
  });
});
