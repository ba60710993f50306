import { z } from 'zod';
import { dossierStatuses } from '../../engine/dossier/dossier-status.js';
import { documentForms } from '../../engine/service-tasks/catalogue.js';
import { deliveryMethods, type DossierDocument } from '../../store/dossiers/dossier-model.js';
import type { ApiContext } from '../context.js';
import { dossierFees, feeViewSchema } from '../payments/fee-view.js';
import { citizenTimeline } from '../dossiers/citizen-timeline.js';
import { dossierTimeline } from '../dossiers/timeline.js';
import { toSupplement } from '../dossiers/to-supplement.js';
import { deployedPlan } from '../procedures/procedure-registry.js';

export const citizenTrackingSchema = z
  .object({
    dossierId: z.string(),
    procedureName: z.string(),
    agencyName: z.string(),
    status: z.enum(dossierStatuses).meta({ description: 'The designer tells it in plain Vietnamese (its citizen status catalogue)' }),
    receivedAt: z.string(),
    dueAt: z.string().nullable().meta({ description: 'The appointment to return the result' }),
    processedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
    currentSteps: z.array(z.string()).meta({ description: 'Names of the steps the dossier is at' }),
    toSupplement: z.array(z.object({ label: z.string(), value: z.string() })).nullable().meta({ description: 'What to supplement, while status is supplement-requested' }),
    fees: z.array(feeViewSchema),
    delivery: z
      .object({ method: z.enum(deliveryMethods) })
      .meta({ description: 'How the result is received (dossiers from before the choice: at the counter); the postal address is personal data, not shown here' }),
    documents: z.array(
      z.object({
        form: z.enum(documentForms),
        filename: z.string(),
        issuedAt: z.string(),
        url: z.string().meta({ description: 'A short-lived signed link that downloads the PDF without an account' }),
        expiresAt: z.string(),
      }),
    ),
    history: z.array(z.object({ at: z.string(), action: z.string(), label: z.object({ vi: z.string(), en: z.string() }) })),
  })
  .meta({ id: 'CitizenTracking', description: 'What a citizen sees of their dossier: no diagram, no engine events, no staff names' });

export type CitizenTracking = z.infer<typeof citizenTrackingSchema>;

/** The citizen's view of a dossier, its documents as links valid for `settings.publicTracking.documentLinkTtlSeconds`. */
export async function citizenTracking(context: ApiContext, dossier: DossierDocument): Promise<CitizenTracking> {
  const { store, tokens, settings } = context;
  const ttlSeconds = settings.publicTracking.documentLinkTtlSeconds;
  const [deployed, agency, fees, documents, timeline, supplement] = await Promise.all([
    deployedPlan(store, dossier.procedureCode, dossier.procedureVersion),
    store.agencies.findById(dossier.agencyId).lean(),
    dossierFees(store, dossier._id),
    store.documents.find({ dossierId: dossier._id }, { bytes: 0 }).sort({ issuedAt: 1 }).lean(),
    dossierTimeline(store, dossier._id),
    toSupplement(context, dossier),
  ]);
  const expiresAt = new Date(Date.now() + ttlSeconds * 1000).toISOString();
  return {
    dossierId: dossier._id,
    procedureName: deployed?.plan.procedure.name ?? dossier.procedureCode,
    agencyName: agency?.name ?? dossier.agencyId,
    status: dossier.status,
    receivedAt: dossier.receivedAt.toISOString(),
    dueAt: dossier.dueAt?.toISOString() ?? null,
    processedAt: dossier.processedAt?.toISOString() ?? null,
    finishedAt: dossier.finishedAt?.toISOString() ?? null,
    currentSteps: dossier.currentSteps.map((step) => step.name),
    toSupplement: supplement,
    fees,
    delivery: { method: dossier.delivery?.method ?? 'counter' },
    documents: await Promise.all(
      documents.map(async (document) => ({
        form: document.form,
        filename: document.filename,
        issuedAt: document.issuedAt.toISOString(),
        url: `/api/public/documents/${await tokens.signDocumentLink(dossier._id, document._id, ttlSeconds)}`,
        expiresAt,
      })),
    ),
    history: citizenTimeline(timeline, dossier).map(({ at, action, label }) => ({ at, action, label })),
  };
}
