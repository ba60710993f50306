/**
 * Where a dossier stands, in MotCua's words. The national portal's numeric codes
 * (DOMAIN.md: 1 new … 10 result returned) map onto these through versioned configuration.
 */
export const dossierStatuses = [
  'received',
  'rejected',
  'processing',
  'supplement-requested',
  'payment-requested',
  'withdrawal-requested',
  'stopped',
  'processed',
  'returned',
] as const;

export type DossierStatus = (typeof dossierStatuses)[number];

/** Statuses after which nothing more happens to the dossier. */
export const finalDossierStatuses: readonly DossierStatus[] = ['rejected', 'stopped', 'returned'];

export const taskStatuses = ['open', 'claimed', 'completed', 'cancelled'] as const;

export type TaskStatus = (typeof taskStatuses)[number];
