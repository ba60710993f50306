import type { DossierDocument } from '../../store/dossiers/dossier-model.js';
import type { TimelineEntry } from './timeline.js';

/**
 * What of a dossier's history its citizen reads: the milestones of their own dossier, never the
 * engine's bookkeeping (steps opened, claimed, timers, exchanges with other systems) nor who among
 * the staff did what.
 */
export const citizenActions: ReadonlySet<string> = new Set([
  'dossier-submitted',
  'dossier-received',
  'supplement-requested',
  'supplement-sent',
  'supplement-received',
  'payment-requested',
  'payment-paid',
  'counter-fee-collected',
  'payment-failed',
  'payment-expired',
  'apology-issued',
  'appointment-extended',
  'withdrawal-sent',
  'dossier-processed',
  'dossier-finished',
]);

/**
 * The citizen's timeline: their milestones only, each told as the agency's doing, without details
 * (they carry staff names and internal references). The receiving agency, not the citizen who
 * submitted, is the one who received the dossier.
 */
export function citizenTimeline(entries: TimelineEntry[], dossier: Pick<DossierDocument, '_id' | 'agencyId'>): TimelineEntry[] {
  return entries
    .filter((entry) => citizenActions.has(entry.action))
    .map((entry) => ({ ...entry, actor: { kind: 'agency', id: dossier.agencyId }, target: { kind: 'dossier', id: dossier._id }, details: {} }));
}
