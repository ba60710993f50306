import type { Model } from 'mongoose';
import type { SessionRevocationDocument } from '../../store/identity/session-revocation-model.js';

/**
 * When each user's sessions were last revoked, as every API process must know it: the revocations
 * younger than an access token are read at most every `refreshMs`, and known at once in the
 * process that revoked them.
 */
export class SessionRevocations {
  private revoked = new Map<string, number>();
  private loadedAt = 0;
  private loading: Promise<void> | undefined;

  constructor(
    private readonly revocations: Model<SessionRevocationDocument>,
    private readonly accessTtlMs: number,
    private readonly refreshMs = 1_000,
  ) {}

  async revokedAt(userId: string): Promise<number | undefined> {
    if (Date.now() - this.loadedAt >= this.refreshMs) await (this.loading ??= this.load().finally(() => (this.loading = undefined)));
    return this.revoked.get(userId);
  }

  /** Refuses, from now on and in every process, the access tokens the user holds; drops revocations no token outlives. */
  async revoke(userId: string): Promise<Date> {
    const at = new Date();
    await this.revocations.updateOne({ _id: userId }, { $set: { revokedAt: at } }, { upsert: true });
    await this.revocations.deleteMany({ revokedAt: { $lt: new Date(at.getTime() - this.accessTtlMs) } });
    this.revoked.set(userId, at.getTime());
    return at;
  }

  private async load(): Promise<void> {
    const startedAt = Date.now();
    const young = (at: number) => at > startedAt - this.accessTtlMs;
    const loaded = new Map((await this.revocations.find().lean()).map((revocation) => [revocation._id, revocation.revokedAt.getTime()] as const).filter(([, at]) => young(at)));
    // A revocation made here while the read was under way may not be in it.
    for (const [userId, at] of this.revoked) if (!loaded.has(userId) && young(at)) loaded.set(userId, at);
    this.revoked = loaded;
    this.loadedAt = startedAt;
  }
}
