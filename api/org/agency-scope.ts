import type { ApiStore } from '../api-store.js';
import type { Principal } from '../auth/principal.js';
import { Problem } from '../http/problem.js';

/**
 * The agencies a staff member answers for: their own and every agency beneath it in the tree (a
 * province's reformers maintain its communes' procedures). Citizens answer for none.
 */
export async function agencyScope(store: ApiStore, principal: Principal): Promise<Set<string>> {
  if (!principal.agencyId) return new Set();
  const agencies = await store.agencies.find({}, { _id: 1, parentId: 1 }).lean();
  const children = new Map<string, string[]>();
  for (const agency of agencies) if (agency.parentId) children.set(agency.parentId, [...(children.get(agency.parentId) ?? []), agency._id]);
  const scope = new Set<string>();
  const visit = (id: string) => {
    if (scope.has(id)) return;
    scope.add(id);
    for (const child of children.get(id) ?? []) visit(child);
  };
  visit(principal.agencyId);
  return scope;
}

/** Refuses a request about an agency the caller does not answer for (403 other-agency). */
export async function requireAgencyScope(store: ApiStore, principal: Principal, agencyId: string): Promise<void> {
  if (!(await agencyScope(store, principal)).has(agencyId)) throw new Problem(403, 'other-agency', `you do not answer for agency ${agencyId}`);
}
