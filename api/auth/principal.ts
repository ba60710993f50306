import type { SystemRole } from '../../store/identity/user-model.js';
import type { Actor } from '../../workflows/contract.js';
import type { AuditActor } from '../../store/audit/audit-event-model.js';

/** Who sent a request, as the access token says. */
export interface Principal {
  id: string;
  username: string;
  name: string;
  roles: SystemRole[];
  positions: string[];
  agencyId?: string;
  units: string[];
}

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
