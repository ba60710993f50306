import { auditGenesisHash, auditHash, type AuditEntryContent } from '../../engine/audit/audit-chain.js';
import type { CanonicalValue } from '../../engine/canonical/canonical-json.js';
import { LogWriter, type ConsecutiveLog } from '../consecutive-log/consecutive-log.js';
import type { Store } from '../store.js';
import { auditEntryId, type AuditActor, type AuditEventDocument } from './audit-event-model.js';

/** What appending to an audit stream needs of the store: the API and the worker alike append. */
type AuditStore = Pick<Store, 'auditEvents' | 'counters'>;

export interface AuditRequest {
  stream: string;
  actor: AuditActor;
  action: string;
  target: { kind: string; id: string };
  /** Before/after references and whatever else says what changed (JSON). */
  details: Record<string, CanonicalValue | undefined>;
}

/** The stream of a dossier's fees as the worker settles them after the workflow (refunds). */
export const dossierPaymentsStream = (code: string) => `dossier:${code}/payments`;

/** Removes undefined members, as the stored (and hashed) form has none. */
function defined(details: AuditRequest['details']): Record<string, CanonicalValue> {
  return JSON.parse(JSON.stringify(details)) as Record<string, CanonicalValue>;
}

/** A stream as a consecutive log: its entries' ids are `<stream>#<sequence>`, its head a counter. */
function streamLog(store: AuditStore, stream: string): ConsecutiveLog<AuditEventDocument> {
  return { entries: store.auditEvents, counters: store.counters, headId: `audit-head:${stream}`, entryId: (sequence) => auditEntryId(stream, sequence) };
}

/** Streams whose writers (and so whose ends) each process remembers, the most recently used kept. */
const rememberedStreams = 10_000;
const writersByCollection = new WeakMap<AuditStore['auditEvents'], Map<string, LogWriter<AuditEventDocument>>>();

/**
 * The writer of a stream this process appends to: it knows where the stream ended, so a request
 * about a dossier (or a session…) it saw before costs an insert instead of a look for the end.
 */
function writerOf(store: AuditStore, stream: string): LogWriter<AuditEventDocument> {
  let writers = writersByCollection.get(store.auditEvents);
  if (!writers) writersByCollection.set(store.auditEvents, (writers = new Map()));
  const known = writers.get(stream);
  writers.delete(stream);
  if (!known && writers.size >= rememberedStreams) writers.delete(writers.keys().next().value!);
  const writer = known ?? new LogWriter(streamLog(store, stream));
  writers.set(stream, writer);
  return writer;
}

/**
 * Appends an entry to a hash-chained audit stream without transactions: the next sequence of the
 * stream's consecutive log, chained to the entry before it.
 */
export async function appendAudit(store: AuditStore, request: AuditRequest): Promise<AuditEventDocument> {
  const { entry } = await writerOf(store, request.stream).append((sequence, previous) => {
    const previousHash = previous?.hash ?? auditGenesisHash;
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
    return {
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
  });
  return entry!;
}

