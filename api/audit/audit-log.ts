import { auditGenesisHash, auditHash, type AuditEntryContent } from '../../engine/audit/audit-chain.js';
import type { CanonicalValue } from '../../engine/canonical/canonical-json.js';
import { auditEntryId, type AuditActor, type AuditEventDocument } from '../../store/audit/audit-event-model.js';
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

const headId = (stream: string) => `audit-head:${stream}`;

/**
 * The stream's last entry, found by `_id` alone (the one lookup every store answers from an index;
 * FerretDB scans the collection for any other filter): start at the head counter, then walk the
 * consecutive ids on, since a writer that stopped between its insert and the head's move leaves
 * the head behind. A stream written before heads existed is walked from its first entry once.
 */
async function lastEntry(store: ApiStore, stream: string): Promise<AuditEventDocument | null> {
  const head = await store.counters.findById(headId(stream)).lean();
  let last = head ? await store.auditEvents.findById(auditEntryId(stream, head.value)).lean() : null;
  for (;;) {
    const next = await store.auditEvents.findById(auditEntryId(stream, (last?.sequence ?? 0) + 1)).lean();
    if (!next) return last;
    last = next;
  }
}

/** Moves the head counter up to `sequence` (never down); two first writers may race to create it. */
async function moveHead(store: ApiStore, stream: string, sequence: number): Promise<void> {
  const move = () => store.counters.updateOne({ _id: headId(stream) }, { $max: { value: sequence } }, { upsert: true });
  try {
    await move();
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    await move();
  }
}

/**
 * Appends an entry to a hash-chained audit stream without transactions: find the stream's last
 * entry, insert the next one under the deterministic id `<stream>#<sequence>`, and when another
 * writer took that sequence first (duplicate key), look again and retry.
 */
export async function appendAudit(store: ApiStore, request: AuditRequest): Promise<AuditEventDocument> {
  for (let attempt = 0; attempt < maxAttempts; attempt++) {
    const last = await lastEntry(store, request.stream);
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
      _id: auditEntryId(request.stream, sequence),
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
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      continue;
    }
    await moveHead(store, request.stream, sequence);
    return entry;
  }
  throw new Error(`audit stream ${request.stream}: could not append after ${maxAttempts} attempts`);
}

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

/** The streams the API writes to, beside the workflow's own `dossier:<code>`. */
export const auditStreams = {
  /** Requests about one dossier (submission, supplement, withdrawal, task actions). */
  dossier: (code: string) => `dossier:${code}/api`,
  procedure: (code: string) => `procedure:${code}`,
  calendar: (id: string) => `calendar:${id}`,
  session: (userId: string) => `session:${userId}`,
};
