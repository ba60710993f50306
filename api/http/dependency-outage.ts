import { isStoreUnreachable } from '../../store/connection.js';
import { isTemporalUnreachable } from '../temporal/temporal-connection.js';

/** A dependency of the API that may be down for a while. */
export type Dependency = 'store' | 'temporal';

/**
 * What a client is told to wait before retrying (Retry-After, seconds): long enough for a
 * restarted server to be back, short enough for an officer to retry by hand.
 */
export const outageRetryAfterSeconds = 5;

/** The dependency an error says did not answer, if it says so. */
export function unreachableDependency(error: unknown): Dependency | undefined {
  if (isStoreUnreachable(error)) return 'store';
  if (isTemporalUnreachable(error)) return 'temporal';
  return undefined;
}
