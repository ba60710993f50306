import type { DossierStatus } from '../api/types.js';

/** Statuses after which nothing more happens to the dossier on the agency's side. */
const endedStatuses: readonly DossierStatus[] = ['rejected', 'stopped', 'returned', 'withdrawal-requested'];

export function dossierEnded(status: DossierStatus): boolean {
  return endedStatuses.includes(status);
}
