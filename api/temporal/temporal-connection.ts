import { defaultGrpcRetryOptions, isGrpcServiceError, makeGrpcRetryInterceptor, type ConnectionOptions, type GrpcRetryOptions } from '@temporalio/client';

/** How long the API keeps retrying a Temporal server that does not answer before it gives up (MOTCUA_TEMPORAL_TIMEOUT_MS). */
export const defaultTemporalTimeoutMs = 1_000;

/** A call's gRPC status, as the SDK's retry interceptor sees it. */
type CallStatus = Parameters<GrpcRetryOptions['retryableDecider']>[1];

// gRPC status codes (grpc/status.h).
const resourceExhausted = 8;

// The SDK's gRPC retry backoff (grpc-retry.js): 100 ms (1 s when the server refuses for load), ×1.7
// per attempt, ±20% jitter, 5 s at most. Its retries are kept, bounded in time instead of to ten attempts.
const backoffFactor = 1.7;
const longestDelayMs = 5_000;
const jitter = 1.2;
const firstDelayMs = (status: CallStatus) => (status.code === resourceExhausted ? 1_000 : 100);

/** The SDK's retries, as long as their waits so far, jitter included, stay within `timeoutMs`. */
function retriesWithin(timeoutMs: number): GrpcRetryOptions {
  const sdk = defaultGrpcRetryOptions();
  const waitedAfter = (attempt: number, status: CallStatus) => {
    let waited = 0;
    for (let retry = 1; retry <= attempt; retry++) waited += Math.min(longestDelayMs, backoffFactor ** retry * firstDelayMs(status)) * jitter;
    return waited;
  };
  return {
    delayFunction: sdk.delayFunction,
    retryableDecider: (attempt, status) => sdk.retryableDecider(attempt, status) && waitedAfter(attempt, status) <= timeoutMs,
  };
}

/**
 * The API's Temporal client connection: the SDK's retries of an unreachable server, bounded by
 * `timeoutMs` instead of its ten attempts (about 15 s), and gRPC's reconnection backoff kept short
 * (by default it grows to 2 minutes over a long outage, every call failing at once meanwhile), so
 * that once the server is back the next request's retries find the channel reconnected: a quarter
 * of `timeoutMs`, jitter (±20%) included, ends before the first two retries' waits (at least 0.37 s for 1 s).
 */
export function temporalConnectionOptions(address: string, timeoutMs = defaultTemporalTimeoutMs): ConnectionOptions {
  return {
    address,
    interceptors: [makeGrpcRetryInterceptor(retriesWithin(timeoutMs))],
    channelArgs: {
      'grpc.initial_reconnect_backoff_ms': 100,
      'grpc.max_reconnect_backoff_ms': Math.max(100, Math.floor(timeoutMs / 4)),
    },
  };
}

// The server could not be reached, did not answer in time, or refused for load (its rate limits).
const outageCodes = new Set([14 /* UNAVAILABLE */, 4 /* DEADLINE_EXCEEDED */, resourceExhausted]);

/** Whether an error (or an error it wraps, as the client's ServiceError does) says Temporal did not answer. */
export function isTemporalUnreachable(error: unknown): boolean {
  for (let cause = error; cause instanceof Error; cause = cause.cause) {
    if (isGrpcServiceError(cause) && outageCodes.has(cause.code)) return true;
  }
  return false;
}
