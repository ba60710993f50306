import type { ApiStore } from '../api-store.js';

/** How failed sign-ins lock an account: a few free tries, then locks that double up to a ceiling. */
export interface LockoutPolicy {
  /** Failures in a row before the first lock. */
  freeFailures: number;
  /** The first lock; each further failure doubles it. */
  firstLockMs: number;
  maxLockMs: number;
  /** A failure this long after the last one starts the count again. */
  forgetAfterMs: number;
}

/**
 * Per-username lockout. The count is read and written without a transaction, so concurrent
 * failures may count once between them; the per-address rate limit bounds what that lets through.
 */
export class SignInLockouts {
  constructor(
    private readonly store: ApiStore,
    private readonly policy: LockoutPolicy,
    private readonly now: () => number = Date.now,
  ) {}

  /** Until when `username` refuses every password, if it is locked now. */
  async lockedUntil(username: string): Promise<Date | undefined> {
    const entry = await this.store.signInLockouts.findById(username).lean();
    return entry?.lockedUntil && entry.lockedUntil.getTime() > this.now() ? entry.lockedUntil : undefined;
  }

  /** Counts one more failure; returns the lock it starts, if any. */
  async recordFailure(username: string): Promise<Date | undefined> {
    const now = this.now();
    const entry = await this.store.signInLockouts.findById(username).lean();
    const failures = entry && now - entry.lastFailureAt.getTime() < this.policy.forgetAfterMs ? entry.failures + 1 : 1;
    const beyond = failures - this.policy.freeFailures;
    const lockedUntil = beyond >= 0 ? new Date(now + Math.min(this.policy.firstLockMs * 2 ** beyond, this.policy.maxLockMs)) : undefined;
    await this.store.signInLockouts.replaceOne({ _id: username }, { failures, lastFailureAt: new Date(now), ...(lockedUntil ? { lockedUntil } : {}) }, { upsert: true });
    return lockedUntil;
  }

  /** Forgets the failures (a successful sign-in, an administrator's unlock); true when it was locked. */
  async clear(username: string): Promise<boolean> {
    const locked = (await this.lockedUntil(username)) !== undefined;
    await this.store.signInLockouts.deleteOne({ _id: username });
    return locked;
  }
}
