import { z } from 'zod';
import { dossierStatuses } from '../../engine/dossier/dossier-status.js';
import { channels, type DossierDocument } from '../../store/dossiers/dossier-model.js';
import type { ApiStore } from '../api-store.js';
import { Problem } from '../http/problem.js';
import { decodeCursor, encodeCursor } from '../http/schemas.js';
import type { DossierAccess } from './dossier-access.js';

/** A dossier in a list: where it stands, without its documents. */
export const dossierSummary = z
  .object({
    dossierId: z.string(),
    procedureCode: z.string(),
    procedureVersion: z.number(),
    agencyId: z.string(),
    channel: z.enum(channels),
    applicantName: z.string().nullable().meta({ description: 'null for readers who see dossiers without personal data (agency administrators, auditors)' }),
    status: z.enum(dossierStatuses),
    receivedAt: z.string(),
    dueAt: z.string().nullable(),
    overdue: z.boolean(),
    currentSteps: z.array(z.object({ elementId: z.string(), name: z.string() })),
    processedAt: z.string().nullable().meta({ description: 'When processing ended: the step that returns the result opened (status processed); the on-time rules count to here' }),
    finishedAt: z.string().nullable(),
    punctuality: z.enum(['early', 'on-time', 'late']).nullable(),
  })
  .meta({ id: 'DossierSummary' });

export function summaryOf(dossier: DossierDocument, access: DossierAccess) {
  return {
    dossierId: dossier._id,
    procedureCode: dossier.procedureCode,
    procedureVersion: dossier.procedureVersion,
    agencyId: dossier.agencyId,
    channel: dossier.channel,
    applicantName: access === 'full' ? dossier.applicant.name : null,
    status: dossier.status,
    receivedAt: dossier.receivedAt.toISOString(),
    dueAt: dossier.dueAt?.toISOString() ?? null,
    overdue: dossier.overdue,
    currentSteps: dossier.currentSteps.map(({ elementId, name }) => ({ elementId, name })),
    processedAt: dossier.processedAt?.toISOString() ?? null,
    finishedAt: dossier.finishedAt?.toISOString() ?? null,
    punctuality: dossier.punctuality ?? null,
  };
}

const pageCursor = z.object({ receivedAt: z.string(), id: z.string() });

/** One page of the dossiers a filter selects, newest received first, and the cursor of the next page. */
export async function newestDossiers(store: ApiStore, filter: Record<string, unknown>, page: { cursor?: string | undefined; limit: number }): Promise<{ dossiers: DossierDocument[]; nextCursor: string | null }> {
  let paged = filter;
  if (page.cursor) {
    const after = decodeCursor(page.cursor, pageCursor);
    if (!after) throw new Problem(400, 'invalid-cursor', 'the cursor is not one this API issued');
    const receivedAt = new Date(after.receivedAt);
    paged = { $and: [filter, { $or: [{ receivedAt: { $lt: receivedAt } }, { receivedAt, _id: { $lt: after.id } }] }] };
  }
  const found = await store.dossiers.find(paged).sort({ receivedAt: -1, _id: -1 }).limit(page.limit + 1).lean();
  const dossiers = found.slice(0, page.limit);
  const last = dossiers.at(-1);
  return { dossiers, nextCursor: found.length > page.limit && last ? encodeCursor({ receivedAt: last.receivedAt.toISOString(), id: last._id }) : null };
}
