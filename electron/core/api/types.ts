// The queue client's surface, as the job runner and the CLI see it. Wire shapes follow
// docs/protocol.md; everything here is already parsed and validated.
import type { LogLine, Provider, QueueUrls, VideoResult } from '../../../shared/domain';
import type { ModelId, WireInput } from '../../../shared/models';

/** The model input as sent on the wire (snake_case, fal's field names; shared/models.ts). */
export type ModelInput = WireInput;

export interface ApiConfig {
  provider: Provider;
  /** Origin (plus optional path prefix) every call is made against, e.g. https://api.chainhub.tech */
  baseUrl: string;
  /** Read the key lazily so it is never held longer than one request needs. Null = no key. */
  getKey: () => Promise<string | null>;
  /**
   * The origins the key may be sent to, asked on every request. The core passes what the user
   * configured for this provider now (plus its default), so a client built on a base taken from a
   * record never earns the key. Defaults to the base URL's own origin, for callers that chose the
   * base themselves (tests, benchmarks).
   */
  keyOrigins?: () => readonly string[];
  /** Injected for tests and benchmarks (request counting); defaults to global fetch. */
  fetch?: typeof fetch;
  retry?: Partial<RetryPolicy>;
}

export interface RetryPolicy {
  /** Attempts in total, including the first. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** ±fraction of random jitter, e.g. 0.25. */
  jitter: number;
  /** Upper bound for honouring a Retry-After header. */
  maxRetryAfterMs: number;
  /** Per-request timeout (headers must arrive within this). */
  requestTimeoutMs: number;
  /**
   * The same for the requests that follow a job (status, stream, result, cancel; never capped above
   * requestTimeoutMs). A reachable service answers them at once, so a short deadline lets a job say
   * "can't reach …" within seconds when the network silently drops packets, instead of after minutes.
   */
  followTimeoutMs: number;
}

/** Told to the runner before each retry wait so the UI can say "retrying at 12:04:31 (2 of 5)". */
export interface RetryNotice {
  attempt: number;
  maxAttempts: number;
  delayMs: number;
  /** `unreachable`: no answer at all (refused, DNS, broken connection, timeout) — say so, naming `host`. */
  reason: 'rate_limit' | 'transient' | 'unreachable';
  httpStatus?: number;
  /** The host that could not be reached, for "can't reach api.example.com — retrying". */
  host?: string;
}

export interface CallOptions {
  signal?: AbortSignal;
  onRetry?: (notice: RetryNotice) => void;
}

export interface SubmitOptions extends CallOptions {
  /** The endpoint the job is posted to; default the seed's model. */
  model?: ModelId;
}

export interface SubmitReceipt {
  requestId: string;
  /** Already re-based onto the configured base URL. */
  urls: QueueUrls;
  queuePosition?: number;
}

export type QueueStatus =
  | { status: 'IN_QUEUE'; queuePosition: number; logs: LogLine[] }
  | { status: 'IN_PROGRESS'; logs: LogLine[] }
  | {
      status: 'COMPLETED';
      logs: LogLine[];
      inferenceTime?: number;
      /** fal may report a failure on the status body; the result call is still the authority. */
      error?: string;
      errorType?: string;
    };

export type CancelOutcome = 'requested' | 'already_completed' | 'not_found';

export interface QueueClient {
  readonly provider: Provider;
  readonly baseUrl: string;
  /**
   * POSTs once. Retries only when the request provably never reached the server (connection
   * refused, DNS) or the server refused it (429, 5xx). A reset or timeout after the body was sent
   * throws ApiError kind `outcome_unknown`: re-POSTing would risk a second charge.
   */
  submit(input: ModelInput, opts?: SubmitOptions): Promise<SubmitReceipt>;
  status(urls: QueueUrls, opts?: CallOptions): Promise<QueueStatus>;
  /** SSE status stream; ends after COMPLETED. Throws ApiError kind `stream_unsupported` where the provider has no stream (fall back to polling). */
  stream(urls: QueueUrls, opts?: CallOptions): AsyncIterable<QueueStatus>;
  /** 200 → the video; 400 → ApiError `not_ready`; 422/4xx/5xx → typed ApiError. */
  result(urls: QueueUrls, opts?: CallOptions): Promise<VideoResult>;
  cancel(urls: QueueUrls, opts?: CallOptions): Promise<CancelOutcome>;
}
