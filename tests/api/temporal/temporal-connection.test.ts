import type { GrpcRetryOptions } from '@temporalio/client';
import { describe, expect, it } from 'vitest';
import { defaultTemporalTimeoutMs, temporalRetryOptions } from '../../../api/temporal/temporal-connection.js';

type CallStatus = Parameters<GrpcRetryOptions['retryableDecider']>[1];
// The deciders read a call's code and details only.
const status = (code: number, details: string) => ({ code, details }) as CallStatus;
const closing = status(8, 'workflow is closing');
const overloaded = status(8, 'namespace rate limit exceeded');
const unavailable = status(14, 'connect ECONNREFUSED');

describe('the API’s Temporal retries', () => {
  const options = temporalRetryOptions(defaultTemporalTimeoutMs);

  it('retries an Update refused while its run continues as new, beyond the outage bound, quickly', () => {
    for (let attempt = 1; attempt <= 11; attempt++) expect(options.retryableDecider(attempt, closing)).toBe(true);
    expect(options.retryableDecider(12, closing)).toBe(false);
    expect(options.delayFunction(1, closing)).toBe(100);
    expect(options.delayFunction(8, closing)).toBe(1_000);
  });

  it('gives up on a server refusing for load, or unreachable, within the outage bound', () => {
    // The first wait for a refusal for load is about 1.7 s: past a 1 s bound, no retry at all.
    expect(options.retryableDecider(1, overloaded)).toBe(false);
    expect(options.retryableDecider(1, unavailable)).toBe(true);
    expect(options.retryableDecider(4, unavailable)).toBe(false);
    expect(temporalRetryOptions(60_000).retryableDecider(3, overloaded)).toBe(true);
  });
});
