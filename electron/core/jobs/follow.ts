// Follows one queued request until fal reports COMPLETED: by the SSE status stream where the
// provider supports it (one request, no polling delay), otherwise by adaptive polling — quick while
// the job runs, slower while it waits in the queue, never slower than `maxPollMs`.
import { ApiError, isApiError } from '../api/errors';
import type { QueueClient, QueueStatus, RetryNotice } from '../api/types';
import type { QueueUrls } from '../../../shared/domain';
import { delay, isAbortError } from '../util/time';

export interface FollowPolicy {
  useStream: boolean;
  queuedPollMs: number;
  runningPollMs: number;
  maxPollMs: number;
  /** How long the API may stay unreachable (after the client's own retries) before we give up. */
  unreachableGiveUpMs: number;
  /** Stream failures (not "unsupported") tolerated before polling for the rest of this follow. */
  maxStreamFailures: number;
}

export const DEFAULT_FOLLOW_POLICY: FollowPolicy = {
  useStream: true,
  queuedPollMs: 2000,
  runningPollMs: 1000,
  maxPollMs: 5000,
  unreachableGiveUpMs: 10 * 60_000,
  maxStreamFailures: 3,
};

export type CompletedStatus = Extract<QueueStatus, { status: 'COMPLETED' }>;

export interface FollowHooks {
  /** Awaited, so persistence keeps pace with the stream. */
  onStatus: (s: QueueStatus) => void | Promise<void>;
  onRetry?: (n: RetryNotice) => void;
  /**
   * The client gave up its own retries and the follower keeps trying (bounded by unreachableGiveUpMs):
   * called after each such round with when the spell began, so the job can say so instead of ticking.
   */
  onUnreachable?: (sinceMs: number) => void | Promise<void>;
}

// Providers that answered "no stream here" are remembered for the process lifetime, so every later
// job polls straight away instead of paying one failed request each.
const streamlessClients = new WeakSet<QueueClient>();

export function pollDelay(s: QueueStatus, p: FollowPolicy): number {
  if (s.status === 'IN_PROGRESS') return Math.min(p.runningPollMs, p.maxPollMs);
  // Far back in the queue nothing changes quickly: stretch the interval with the position.
  const position = s.status === 'IN_QUEUE' ? s.queuePosition : 0;
  return Math.min(p.queuedPollMs * (1 + Math.min(position, 4) / 4), p.maxPollMs);
}

export async function followUntilCompleted(
  client: QueueClient,
  urls: QueueUrls,
  policy: FollowPolicy,
  hooks: FollowHooks,
  signal: AbortSignal,
): Promise<CompletedStatus> {
  let streamFailures = 0;
  let unreachableSince: number | undefined;

  for (;;) {
    signal.throwIfAborted();
    if (policy.useStream && !streamlessClients.has(client) && streamFailures < policy.maxStreamFailures) {
      try {
        for await (const s of client.stream(urls, { signal, onRetry: hooks.onRetry })) {
          unreachableSince = undefined;
          await hooks.onStatus(s);
          if (s.status === 'COMPLETED') return s;
        }
        // The stream closed without COMPLETED (a proxy cut it): ask once, then stream again.
      } catch (err) {
        if (isAbortError(err) || signal.aborted) throw err;
        if (isApiError(err) && err.kind === 'stream_unsupported') streamlessClients.add(client);
        else if (isFatal(err)) throw err;
        else streamFailures++;
      }
    }

    let s: QueueStatus;
    try {
      s = await client.status(urls, { signal, onRetry: hooks.onRetry });
      unreachableSince = undefined;
    } catch (err) {
      if (isAbortError(err) || signal.aborted || isFatal(err)) throw err;
      // The client already retried with backoff; keep trying (bounded) so a laptop waking from
      // sleep or a short outage does not fail a job that is still running on the server.
      unreachableSince ??= Date.now();
      if (Date.now() - unreachableSince > policy.unreachableGiveUpMs) throw err;
      await hooks.onUnreachable?.(unreachableSince);
      await delay(policy.maxPollMs, signal);
      continue;
    }
    await hooks.onStatus(s);
    if (s.status === 'COMPLETED') return s;
    await delay(pollDelay(s, policy), signal);
  }
}

/**
 * The provider refused to talk about a job it already accepted — the key, the balance, what the key
 * may use, no channel. The job is paid for and still being made: the runner keeps it unfinished and
 * resumable (never failed, never a Retry that pays twice). docs/protocol.md, "A job the provider
 * already accepted is paid for".
 */
const PAID_JOB_REFUSALS = new Set(['auth', 'quota', 'forbidden', 'unavailable']);
export function isRefusalOfPaidJob(err: unknown): err is ApiError {
  return err instanceof ApiError && PAID_JOB_REFUSALS.has(err.kind);
}

/** Errors no amount of waiting fixes: the key, what it may use or spend, or a request the server does not know. */
const FATAL_KINDS = new Set(['auth', 'forbidden', 'quota', 'not_found', 'validation']);
function isFatal(err: unknown): boolean {
  return err instanceof ApiError && FATAL_KINDS.has(err.kind);
}
