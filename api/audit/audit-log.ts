import type { AuditEntryContent } from '../../engine/audit/audit-chain.js';
import type { CanonicalValue } from '../../engine/canonical/canonical-json.js';
import type { AuditEventDocument } from '../../store/audit/audit-event-model.js';

// The worker appends too (refunds), so the chained append lives with the store.
export { appendAudit, type AuditRequest } from '../../store/audit/append-audit.js';

/** A stored entry as it was hashed (instants as ISO text), for checking the chain. */
export function storedAuditContent(event: AuditEventDocument): AuditEntryContent & { previousHash: string; hash: string } {
  return {
    stream: event.stream,
    sequence: event.sequence,
    at: event.at.toISOString(),
    actor: event.actor,
    action: event.action,
    target: event.target,
    details: event.details as Record<string, CanonicalValue>,
    previousHash: event.previousHash,
    hash: event.hash,
  };
}

/** The streams the API writes to (the worker's refunds: store/audit/append-audit.ts), beside the workflow's own `dossier:<code>`. */
export const auditStreams = {
  /** Requests about one dossier (submission, supplement, withdrawal, task actions). */
  dossier: (code: string) => `dossier:${code}/api`,
  procedure: (code: string) => `procedure:${code}`,
  calendar: (id: string) => `calendar:${id}`,
  session: (userId: string) => `session:${userId}`,
  /** An agency's units and staff (created, changed, disabled), and who imported models' people are in it. */
  organisation: (agencyId: string) => `organisation:${agencyId}`,
  /** Public look-ups of codes that name no dossier. */
  publicTracking: 'public-tracking',
};
