import type { DossierDocument } from '../../store/dossiers/dossier-model.js';
import { stateQuery } from '../../workflows/contract.js';
import type { ApiContext } from '../context.js';

/** What the officer wrote when asking for a supplement: the text fields of the last completed step. */
export async function toSupplement({ store, temporal }: Pick<ApiContext, 'store' | 'temporal'>, dossier: DossierDocument): Promise<Array<{ label: string; value: string }> | null> {
  if (dossier.status !== 'supplement-requested') return null;
  const [step] = await store.tasks.find({ dossierId: dossier._id, status: 'completed' }).sort({ completedAt: -1 }).limit(1).lean();
  if (!step) return [];
  const state = await temporal.client.workflow.getHandle(dossier._id).query(stateQuery).catch(() => undefined);
  const data = (state?.variables[step.elementId] ?? {}) as Record<string, unknown>;
  return step.form.filter((field) => typeof data[field.key] === 'string' && data[field.key] !== '').map((field) => ({ label: field.label, value: data[field.key] as string }));
}
