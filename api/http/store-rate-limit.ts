import { randomUUID } from 'node:crypto';
import { rateLimit, type ClientRateLimitInfo, type IncrementResponse, type Options, type RateLimitRequestHandler, type Store } from 'express-rate-limit';
import type { RateLimitHits } from '../../store/rate-limits/rate-limit-hit-model.js';
import type { RateLimit } from '../settings.js';
import { sendProblem, type Problem } from './problem.js';

/** Windows older than this many are swept, at most once a window per process. */
const windowsKept = 2;

/**
 * express-rate-limit's counters in the store rather than in one process's memory, so a limit holds
 * for a client however the load balancer spreads its requests over the API processes. Fixed
 * windows; a hit is a document of its own (inserts are atomic on FerretDB), the count is a count.
 */
export class StoreRateLimit implements Store {
  private windowMs = 60_000;
  private sweptWindow = 0;

  constructor(
    private readonly hits: RateLimitHits,
    /** Keeps the limiters apart (their keys are client addresses). */
    readonly prefix: string,
  ) {}

  init(options: Options): void {
    this.windowMs = options.windowMs;
  }

  private currentWindow(now = Date.now()): number {
    return now - (now % this.windowMs);
  }

  private info(hits: number, window: number): ClientRateLimitInfo {
    return { totalHits: hits, resetTime: new Date(window + this.windowMs) };
  }

  async get(key: string): Promise<ClientRateLimitInfo | undefined> {
    const window = this.currentWindow();
    const hits = await this.hits.countDocuments({ key: `${this.prefix}:${key}`, window });
    return hits === 0 ? undefined : this.info(hits, window);
  }

  async increment(key: string): Promise<IncrementResponse> {
    const window = this.currentWindow();
    const fullKey = `${this.prefix}:${key}`;
    await this.hits.create({ _id: randomUUID(), key: fullKey, window });
    this.sweep(window);
    return this.info(await this.hits.countDocuments({ key: fullKey, window }), window);
  }

  async decrement(key: string): Promise<void> {
    await this.hits.deleteOne({ key: `${this.prefix}:${key}`, window: this.currentWindow() });
  }

  async resetKey(key: string): Promise<void> {
    await this.hits.deleteMany({ key: `${this.prefix}:${key}` });
  }

  private sweep(window: number): void {
    if (this.sweptWindow === window) return;
    this.sweptWindow = window;
    // Only this limiter's hits: another limiter's windows may be longer. A failed sweep is retried a window later.
    const ownKeys = new RegExp(`^${this.prefix}:`);
    void this.hits.deleteMany({ key: ownKeys, window: { $lt: window - (windowsKept - 1) * this.windowMs } }).catch(() => undefined);
  }
}

/**
 * A rate limit counted in the store (`prefix` names its counters), answering a client over it with
 * the 429 problem given. `keyGenerator` and `skipSuccessfulRequests` as express-rate-limit has them.
 */
export function storeRateLimiter(
  hits: RateLimitHits,
  prefix: string,
  limit: RateLimit,
  tooMany: Problem,
  options: Pick<Partial<Options>, 'keyGenerator' | 'skipSuccessfulRequests'> = {},
): RateLimitRequestHandler {
  return rateLimit({
    ...limit,
    ...options,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    store: new StoreRateLimit(hits, prefix),
    // X-Forwarded-For counts only from the proxies MOTCUA_TRUST_PROXY names; from anyone else it is ignored on purpose.
    validate: { xForwardedForHeader: false },
    handler: (_request, response) => sendProblem(response, tooMany),
  });
}
