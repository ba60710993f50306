import { defaultGrpcRetryOptions, isGrpcServiceError, makeGrpcRetryInterceptor, type ConnectionOptions } from '@temporalio/client';

/** How long the API keeps retrying a Temporal server that does not answer before it gives up (MOTCUA_TEMPORAL_TIMEOUT_MS). */
export const defaultTemporalTimeoutMs = 1_000;

// The SDK's gRPC retry backoff (grpc-retry.js): 100 ms, ×1.7 per attempt, ±20% jitter, 5 s at most.
const firstDelayMs = 100;
const backoffFactor = 1.7;
const longestDelayMs = 5_000;
const jitter = 1.2;

/** The most attempts whose waits between them, jitter included, stay within `timeoutMs`. */
function attemptsWithin(timeoutMs: number): number {
  let attempts = 1;
  for (let waited = 0; ; attempts++) {
    waited += Math.min(longestDelayMs, backoffFactor ** attempts * firstDelayMs) * jitter;
    if (waited > timeoutMs) return attempts;
  }
}

/**
 * The API's Temporal client connection: the SDK's retries of an unreachable server, bounded by
 * `timeoutMs` instead of its ten attempts (about 15 s), and gRPC's reconnection backoff kept below
 * that bound (its default grows to 2 minutes), so that once the server is back the next request
 * reconnects rather than failing until the backoff runs out.
 */
export function temporalConnectionOptions(address: string, timeoutMs = defaultTemporalTimeoutMs): ConnectionOptions {
  return {
    address,
    interceptors: [makeGrpcRetryInterceptor(defaultGrpcRetryOptions({ maxAttempts: attemptsWithin(timeoutMs) }))],
    channelArgs: {
      'grpc.initial_reconnect_backoff_ms': Math.min(firstDelayMs, timeoutMs),
      'grpc.max_reconnect_backoff_ms': Math.max(firstDelayMs, Math.floor(timeoutMs / 2)),
    },
  };
}

// gRPC status codes (grpc/status.h): the server could not be reached, or did not answer in time.
const unavailable = 14;
const deadlineExceeded = 4;

/** Whether an error (or an error it wraps, as the client's ServiceError does) says Temporal did not answer. */
export function isTemporalUnreachable(error: unknown): boolean {
  for (let cause = error; cause instanceof Error; cause = cause.cause) {
    if (isGrpcServiceError(cause) && (cause.code === unavailable || cause.code === deadlineExceeded)) return true;
  }
  return false;
}
