import { finalDossierStatuses } from '../../engine/dossier/dossier-status.js';

/** Dossiers past their legal deadline and still running: the supervisors' overdue queue and the overdue gauge. */
export const overdueDossierFilter = { overdue: true, status: { $nin: [...finalDossierStatuses] } };

/** Steps past their deadline that nobody finished yet. */
export const overdueTaskFilter = { overdue: true, status: { $in: ['open', 'claimed'] } };
