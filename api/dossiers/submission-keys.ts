/**
 * Submissions made idempotent by their Idempotency-Key: the first attempt takes the key with the
 * dossier code it allocated; a retry (a citizen whose answer was lost when the API died) gets that
 * dossier's receipt instead of a second dossier. An attempt that died before starting its workflow
 * left a dossier that does not exist: the retry undoes it and submits afresh.
 */
import { WorkflowNotFoundError } from '@temporalio/client';
import type { DossierDocument } from '../../store/dossiers/dossier-model.js';
import { isDuplicateKey } from '../../store/duplicate-key.js';
import type { Principal } from '../auth/principal.js';
import type { ApiContext } from '../context.js';
import { Problem } from '../http/problem.js';

/**
 * How long an attempt without its workflow may still be under way: longer than a submission takes
 * with its store and Temporal timeouts. Younger, a retry is told to wait; older, the attempt died.
 */
export const submissionAttemptBoundMs = 30_000;

/** Reads the context's store and Temporal client as each request comes (routes are also built without them, for the API document). */
export function submissionKeys(context: Pick<ApiContext, 'store' | 'temporal'>) {
  const idOf = (principal: Principal, key: string) => `${principal.id}:${key}`;
  const workflowStarted = (dossierId: string) =>
    context.temporal.client.workflow
      .getHandle(dossierId)
      .describe()
      .then(
        () => true,
        (error: unknown) => {
          if (error instanceof WorkflowNotFoundError) return false;
          throw error;
        },
      );

  return {
    /** The dossier an earlier attempt with this key made, once its workflow runs; `discard` undoes one that died half-way. */
    async earlier(principal: Principal, key: string, discard: (dossierId: string) => Promise<void>): Promise<DossierDocument | undefined> {
      const taken = await context.store.submissionKeys.findById(idOf(principal, key)).lean();
      if (!taken) return undefined;
      const dossier = await context.store.dossiers.findById(taken.dossierId).lean();
      if (dossier && (await workflowStarted(taken.dossierId))) return dossier;
      if (Date.now() - taken.at.getTime() < submissionAttemptBoundMs) {
        throw new Problem(409, 'submission-in-progress', `a submission with Idempotency-Key ${key} is still under way; retry in a few seconds`, undefined, { 'Retry-After': '5' });
      }
      await discard(taken.dossierId);
      await context.store.submissionKeys.deleteOne({ _id: taken._id });
      return undefined;
    },

    /** Takes the key for this attempt's dossier; a concurrent attempt that took it first is told to wait. */
    async take(principal: Principal, key: string, dossierId: string): Promise<void> {
      try {
        await context.store.submissionKeys.create({ _id: idOf(principal, key), dossierId, at: new Date() });
      } catch (error) {
        if (isDuplicateKey(error)) throw new Problem(409, 'submission-in-progress', `a submission with Idempotency-Key ${key} is already under way`, undefined, { 'Retry-After': '5' });
        throw error;
      }
    },

    async forget(principal: Principal, key: string): Promise<void> {
      await context.store.submissionKeys.deleteOne({ _id: idOf(principal, key) });
    },
  };
}
