// Retry policy: capped exponential backoff with ±jitter (fal-js's shape: 1 s base, doubling, ±25 %),
// plus what fal-js lacks: Retry-After is honoured (capped), and every wait is bounded so a job can
// never sit silently for minutes. The loop is generic; *what* is retryable is decided by the caller,
// which throws a `RetrySignal` for failures worth another try and anything else for final ones.
import type { RetryNotice, RetryPolicy } from './types';

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 5,
  baseDelayMs: 1000,
  maxDelayMs: 30_000,
  jitter: 0.25,
  maxRetryAfterMs: 60_000,
  // Generous: a submit that times out becomes "outcome unknown", which costs the user a manual check.
  requestTimeoutMs: 60_000,
  followTimeoutMs: 15_000,
};

export function resolveRetryPolicy(overrides: Partial<RetryPolicy> = {}): RetryPolicy {
  const p: RetryPolicy = { ...DEFAULT_RETRY_POLICY };
  for (const [k, v] of Object.entries(overrides) as [keyof RetryPolicy, number | undefined][]) {
    if (v !== undefined) p[k] = v;
  }
  const bad = (Object.keys(p) as (keyof RetryPolicy)[]).find((k) => !Number.isFinite(p[k]) || p[k] < 0);
  if (bad !== undefined) throw new RangeError(`Retry policy ${bad} must be a finite, non-negative number`);
  p.maxAttempts = Math.max(1, Math.floor(p.maxAttempts));
  p.jitter = Math.min(p.jitter, 1);
  return p;
}

/**
 * Delay before the retry that follows failed attempt `failedAttempt` (1-based): base·2^(n-1), capped
 * at maxDelayMs, then ±jitter, then capped again so jitter can never push a wait past the cap.
 */
export function backoffDelayMs(failedAttempt: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const exponential = Math.min(policy.baseDelayMs * 2 ** Math.max(0, failedAttempt - 1), policy.maxDelayMs);
  const spread = exponential * policy.jitter * (random() * 2 - 1);
  return Math.round(Math.min(Math.max(0, exponential + spread), policy.maxDelayMs));
}

/** Retry-After as milliseconds from `now`: delta-seconds or an HTTP-date. Undefined if absent/garbled. */
export function parseRetryAfterMs(header: string | null | undefined, now: number = Date.now()): number | undefined {
  if (header === null || header === undefined) return undefined;
  const value = header.trim();
  if (value === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(value)) return Math.round(Number(value) * 1000);
  // Only date-shaped values: Date.parse accepts bare numbers like "-5" or "1e3" as years.
  if (!/[a-z]/i.test(value)) return undefined;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** What the server asked for (capped) wins over our own backoff. */
export function retryDelayMs(failedAttempt: number, policy: RetryPolicy, retryAfterMs?: number): number {
  if (retryAfterMs !== undefined) return Math.min(retryAfterMs, policy.maxRetryAfterMs);
  return backoffDelayMs(failedAttempt, policy);
}

/** Thrown by an attempt to say "this failed, but another try may work; if none is left, throw `final`". */
export class RetrySignal extends Error {
  constructor(
    readonly final: Error,
    readonly reason: RetryNotice['reason'],
    readonly httpStatus?: number,
    readonly retryAfterMs?: number,
    readonly host?: string,
  ) {
    super(final.message);
    this.name = 'RetrySignal';
  }
}

export interface RetryLoopOptions {
  policy: RetryPolicy;
  signal?: AbortSignal;
  onRetry?: (notice: RetryNotice) => void;
  /** Injected by tests so they can see the delays asked for without waiting them out. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export async function withRetry<T>(attempt: (n: number) => Promise<T>, opts: RetryLoopOptions): Promise<T> {
  const { policy, signal } = opts;
  const sleep = opts.sleep ?? abortableSleep;
  for (let n = 1; ; n++) {
    signal?.throwIfAborted();
    try {
      return await attempt(n);
    } catch (err) {
      if (!(err instanceof RetrySignal)) throw err;
      if (n >= policy.maxAttempts) throw err.final;
      const delayMs = retryDelayMs(n, policy, err.retryAfterMs);
      const notice: RetryNotice = { attempt: n + 1, maxAttempts: policy.maxAttempts, delayMs, reason: err.reason };
      if (err.httpStatus !== undefined) notice.httpStatus = err.httpStatus;
      if (err.host !== undefined) notice.host = err.host;
      opts.onRetry?.(notice);
      await sleep(delayMs, signal);
    }
  }
}

/** Resolves after `ms`, or rejects with the signal's reason (the caller's AbortError) at once. */
export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
