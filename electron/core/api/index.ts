// The queue client's public face: the runner, the CLI and the composition root import from here.
export { createQueueClient, MODEL_PATH, type QueueClientOptions } from './client';
export { ApiError, isApiError, type ApiErrorKind, type ApiErrorInit, type InternalErrorKind } from './errors';
export { authorizationValue, defaultBaseUrl, SIMULATOR_PLACEHOLDER_KEY } from './providers';
export { parseApiBase, rebaseUrl, requestIdFromUrl, type ApiBase } from './rebase';
export { backoffDelayMs, DEFAULT_RETRY_POLICY, parseRetryAfterMs, resolveRetryPolicy } from './retry';
export { DEFAULT_STREAM_IDLE_TIMEOUT_MS } from './sse';
export { assertKeyMayGoTo } from './transport';
export type * from './types';
