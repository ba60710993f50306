import { describe, expect, it } from 'vitest';
import { auditGenesisHash, auditHash, verifyAuditChain, type AuditEntryContent } from '../../../engine/audit/audit-chain.js';

function chain(contents: AuditEntryContent[]) {
  let previousHash = auditGenesisHash;
  return contents.map((content) => {
    const hash = auditHash(previousHash, content);
    const entry = { ...content, previousHash, hash };
    previousHash = hash;
    return entry;
  });
}

const entries: AuditEntryContent[] = [1, 2, 3].map((sequence) => ({
  stream: 'dossier:H56-260212-0001',
  sequence,
  at: `2026-02-12T0${sequence}:00:00.000Z`,
  actor: { kind: 'person', id: 'officer-lan', role: 'officer', unit: 'tiep-nhan' },
  action: `step-${sequence}`,
  target: { kind: 'task', id: `t${sequence}` },
  details: { outcome: 'approve' },
}));

describe('audit chain', () => {
  it('verifies an untouched stream', () => {
    expect(verifyAuditChain(chain(entries))).toEqual({ intact: true });
  });

  it('names the entry whose content was changed', () => {
    const tampered = chain(entries);
    tampered[1] = { ...tampered[1]!, details: { outcome: 'refuse' } };
    expect(verifyAuditChain(tampered)).toEqual({ intact: false, sequence: 2, reason: 'content does not match its hash' });
  });

  it('notices a removed entry', () => {
    const shortened = chain(entries);
    shortened.splice(1, 1);
    expect(verifyAuditChain(shortened)).toMatchObject({ intact: false, sequence: 3 });
  });

  it('notices an entry rewritten with a fresh hash, through the next link', () => {
    const rewritten = chain(entries);
    const forged = { ...rewritten[1]!, action: 'forged' };
    forged.hash = auditHash(forged.previousHash, { ...entries[1]!, action: 'forged' });
    rewritten[1] = forged;
    expect(verifyAuditChain(rewritten)).toEqual({ intact: false, sequence: 3, reason: 'does not link to the previous entry' });
  });
});
