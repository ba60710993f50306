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

/**
 * An Update sent while its run is continuing as new is refused "workflow is closing" (RESOURCE_EXHAUSTED,
 * cause busy workflow): the workflow, not the server, is busy for one workflow task, and the next run
 * takes the retried call. It is retried quickly and apart from the outage bound.
 */
function runClosing(status: CallStatus): boolean {
  return status.code === resourceExhausted && /workflow is closing/i.test(status.details ?? '');
}
// Waits of 100 ms doubling to 1 s: about 8 s in all, many workflow tasks.
const closingRetries = { attempts: 12, longestDelayMs: 1_000 };
const closingDelayMs = (attempt: number) => Math.min(closingRetries.longestDelayMs, 50 * 2 ** attempt);

/**
 * The SDK's retries, as long as their waits so far, jitter included, stay within `timeoutMs`; a run
 * that is closing, until the next run answers.
 */
export function temporalRetryOptions(timeoutMs: number): GrpcRetryOptions {
  const sdk = defaultGrpcRetryOptions();
  const waitedAfter = (attempt: number, status: CallStatus) => {
    let waited = 0;
    for (let retry = 1; retry <= attempt; retry++) waited += Math.min(longestDelayMs, backoffFactor ** retry * firstDelayMs(status)) * jitter;
    return waited;
  };
  return {
    delayFunction: (attempt, status) => (runClosing(status) ? closingDelayMs(attempt) : sdk.delayFunction(attempt, status)),
    retryableDecider: (attempt, status) => (runClosing(status) ? attempt < closingRetries.attempts : sdk.retryableDecider(attempt, status) && waitedAfter(attempt, status) <= timeoutMs),
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
    interceptors: [makeGrpcRetryInterceptor(temporalRetryOptions(timeoutMs))],
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
