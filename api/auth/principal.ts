import { z } from 'zod';
import { systemRoles, type SystemRole } from '../../store/identity/user-model.js';
import type { Actor } from '../../workflows/contract.js';
import type { AuditActor } from '../../store/audit/audit-event-model.js';

/** Who sent a request, as the access token says (and as `GET /api/me` answers). */
export const principalSchema = z.object({
  id: z.string(),
  username: z.string(),
  name: z.string(),
  roles: z.array(z.enum(systemRoles)),
  positions: z.array(z.string()),
  agencyId: z.string().optional(),
  units: z.array(z.string()),
});

export type Principal = z.infer<typeof principalSchema>;

const staffRoles: readonly SystemRole[] = ['reformer', 'agency-admin', 'officer', 'supervisor', 'auditor'];

export function hasRole(principal: Principal, ...roles: SystemRole[]): boolean {
  return principal.roles.some((role) => roles.includes(role));
}

export function isStaff(principal: Principal): boolean {
  return hasRole(principal, ...staffRoles);
}

/** The actor the dossier workflow checks eligibility against: system roles and positions together. */
export function actorOf(principal: Principal): Actor {
  return { id: principal.id, name: principal.name, roles: [...principal.roles, ...principal.positions], units: principal.units };
}

/** The person, as an audit entry names them. */
export function auditActorOf(principal: Principal): AuditActor {
  return {
    kind: 'person',
    id: principal.id,
    role: [...principal.roles, ...principal.positions].join(','),
    ...(principal.units.length > 0 ? { unit: principal.units.join(',') } : {}),
  };
}
