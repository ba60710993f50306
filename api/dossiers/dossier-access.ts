import type { DossierDocument } from '../../store/dossiers/dossier-model.js';
import type { ApiStore } from '../api-store.js';
import { hasRole, type Principal } from '../auth/principal.js';
import { Problem } from '../http/problem.js';
import { agencyScope } from '../org/agency-scope.js';

/**
 * The dossier, if the principal may see it: its owner citizen, or staff of an agency answering for
 * it. A citizen asking for someone else's gets 404, so codes cannot be probed; staff of another
 * agency get 403.
 */
export async function visibleDossier(store: ApiStore, code: string, principal: Principal): Promise<DossierDocument> {
  const dossier = await store.dossiers.findById(code).lean();
  const notFound = new Problem(404, 'unknown-dossier', `no dossier ${code}`);
  if (!dossier) throw notFound;
  if (hasRole(principal, 'citizen') && dossier.ownerId === principal.id) return dossier;
  if (!principal.agencyId) throw notFound;
  if (!(await agencyScope(store, principal)).has(dossier.agencyId)) throw new Problem(403, 'other-agency', `dossier ${code} belongs to agency ${dossier.agencyId}`);
  return dossier;
}
