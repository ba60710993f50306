import { takeClaim, type Claims } from '../../store/claims/claims.js';

/**
 * Claims attempt `attempt` of outbox entry `entryId` for this process; false when another one holds
 * it. A claim older than `leaseMs` belonged to a process that died mid-attempt and is taken over.
 */
export async function claimAttempt(claims: Claims, entryId: string, attempt: number, leaseMs: number): Promise<boolean> {
  const key = `${entryId}#${attempt}`;
  for (let tries = 0; tries < 2; tries += 1) {
    if (await takeClaim(claims, key)) return true;
    const held = await claims.findById(key).lean();
    if (!held || Date.now() - held.at.getTime() < leaseMs) return false;
    await claims.deleteOne({ _id: key, at: held.at });
  }
  return false;
}
