import { canonicalJson, sha256Hex, type CanonicalValue } from '../canonical/canonical-json.js';

/** The hash before the first entry of every audit stream. */
export const auditGenesisHash = '0'.repeat(64);

/** What an audit hash covers: everything in the entry but the hashes themselves. */
export interface AuditEntryContent {
  stream: string;
  sequence: number;
  /** ISO-8601 instant. */
  at: string;
  actor: { kind: 'person' | 'system'; id: string; role?: string; unit?: string };
  action: string;
  target: { kind: string; id: string };
  details: { [key: string]: CanonicalValue | undefined };
}

/** SHA-256 over the previous hash and the entry's canonical JSON (its content fields only, so a stored copy with ids of its own hashes alike). */
export function auditHash(previousHash: string, entry: AuditEntryContent): string {
  const { stream, sequence, at, actor, action, target, details } = entry;
  const content = {
    stream,
    sequence,
    at,
    actor: { kind: actor.kind, id: actor.id, role: actor.role, unit: actor.unit },
    action,
    target: { kind: target.kind, id: target.id },
    details,
  };
  return sha256Hex(`${previousHash}\n${canonicalJson(content as CanonicalValue)}`);
}

export type AuditChainCheck = { intact: true } | { intact: false; sequence: number; reason: string };

/** Walks a stream in order and names the first entry whose sequence, link or hash is wrong. */
export function verifyAuditChain(entries: Array<AuditEntryContent & { previousHash: string; hash: string }>): AuditChainCheck {
  let previousHash = auditGenesisHash;
  for (const [index, entry] of entries.entries()) {
    const { previousHash: linked, hash } = entry;
    if (entry.sequence !== index + 1) return { intact: false, sequence: entry.sequence, reason: `expected sequence ${index + 1}` };
    if (linked !== previousHash) return { intact: false, sequence: entry.sequence, reason: 'does not link to the previous entry' };
    if (auditHash(previousHash, entry) !== hash) return { intact: false, sequence: entry.sequence, reason: 'content does not match its hash' };
    previousHash = hash;
  }
  return { intact: true };
}
