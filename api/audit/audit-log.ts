import { auditGenesisHash, auditHash, type AuditEntryContent } from '../../engine/audit/audit-chain.js';
import type { CanonicalValue } from '../../engine/canonical/canonical-json.js';
import type { AuditActor, AuditEventDocument } from '../../store/audit/audit-event-model.js';
import type { ApiStore } from '../api-store.js';
import { isDuplicateKey } from '../../store/duplicate-key.js';

const maxAttempts = 20;

export interface AuditRequest {
  stream: string;
  actor: AuditActor;
  action: string;
  target: { kind: string; id: string };
  /** Before/after references and whatever else says what changed (JSON). */
  details: Record<string, CanonicalValue | undefined>;
}

/** Removes undefined members, as the stored (and hashed) form has none. */
function defined(details: AuditRequest['details']): Record<string, CanonicalValue> {
  return JSON.parse(JSON.stringify(details)) as Record<string, CanonicalValue>;
}

/**
 * Appends an entry to a hash-chained audit stream without transactions: read the stream's last
 * entry, insert the next one under the deterministic id `<stream>#<sequence>`, and when another
 * writer took that sequence first (duplicate key), read again and retry.
 */
export async function appendAudit(store: ApiStore, request: AuditRequest): Promise<AuditEventDocument> {
  for (let attempt = 0; attempt < maxAttempts; attempt++) {
    const [last] = await store.auditEvents.find({ stream: request.stream }).sort({ sequence: -1 }).limit(1).lean();
    const sequence = (last?.sequence ?? 0) + 1;
    const previousHash = last?.hash ?? auditGenesisHash;
    const at = new Date();
    const content: AuditEntryContent = {
      stream: request.stream,
      sequence,
      at: at.toISOString(),
      actor: request.actor,
      action: request.action,
      target: request.target,
      details: defined(request.details),
    };
    const entry: AuditEventDocument = {
      _id: `${request.stream}#${String(sequence).padStart(8, '0')}`,
      stream: request.stream,
      sequence,
      at,
      actor: request.actor,
      action: request.action,
      target: request.target,
      details: content.details as Record<string, unknown>,
      previousHash,
      hash: auditHash(previousHash, content),
    };
    try {
      await store.auditEvents.create(entry);
      return entry;
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
  }
  throw new Error(`audit stream ${request.stream}: could not append after ${maxAttempts} attempts`);
}

/** The streams the API writes to, beside the workflow's own `dossier:<code>`. */
export const auditStreams = {
  /** Requests about one dossier (submission, supplement, withdrawal, task actions). */
  dossier: (code: string) => `dossier:${code}/api`,
  procedure: (code: string) => `procedure:${code}`,
  calendar: (id: string) => `calendar:${id}`,
  session: (userId: string) => `session:${userId}`,
};
