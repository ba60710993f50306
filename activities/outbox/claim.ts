import type { Model } from 'mongoose';
import type { OutboxClaimDocument } from '../../store/outbox-claims/outbox-claim-model.js';
import { isDuplicateKey } from '../../store/duplicate-key.js';

/**
 * Claims attempt `attempt` of outbox entry `entryId` for this process; false when another one holds
 * it. A claim older than `leaseMs` belonged to a process that died mid-attempt and is taken over.
 */
export async function claimAttempt(claims: Model<OutboxClaimDocument>, entryId: string, attempt: number, leaseMs: number): Promise<boolean> {
  const _id = `${entryId}#${attempt}`;
  for (let tries = 0; tries < 2; tries += 1) {
    try {
      await claims.create({ _id, at: new Date() });
      return true;
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      const held = await claims.findById(_id).lean();
      if (!held || Date.now() - held.at.getTime() < leaseMs) return false;
      await claims.deleteOne({ _id, at: held.at });
    }
  }
  return false;
}
