import type { DossierDocument } from '../../store/dossiers/dossier-model.js';
import { finalDossierStatuses } from '../../engine/dossier/dossier-status.js';

export type DossierFigures = Pick<DossierDocument, 'status' | 'channel' | 'overdue' | 'punctuality' | 'finishedAt'>;

function percent(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 1000) / 10;
}

/**
 * Received, finished early / on time / late, refused (counted apart: a refusal is no result, neither early nor late), overdue now, and the service-quality index figures of
 * Decision 766/QĐ-TTg (DOMAIN.md): on-time rate, points (early 2, on time 1, late 0), online share,
 * and satisfaction = 100% − (overdue % + complaints %). Complaints are not recorded by MotCua yet,
 * so they count as zero and the figure says so.
 */
export function serviceQuality(dossiers: readonly DossierFigures[]) {
  const finished = { early: 0, onTime: 0, late: 0 };
  let overdueNow = 0;
  let online = 0;
  let refused = 0;
  for (const dossier of dossiers) {
    if (dossier.status === 'rejected') refused += 1;
    if (dossier.channel === 'online') online += 1;
    if (dossier.punctuality === 'early') finished.early += 1;
    else if (dossier.punctuality === 'on-time') finished.onTime += 1;
    else if (dossier.punctuality === 'late') finished.late += 1;
    if (dossier.overdue && !finalDossierStatuses.includes(dossier.status)) overdueNow += 1;
  }
  const finishedCount = finished.early + finished.onTime + finished.late;
  const overduePercent = percent(finished.late + overdueNow, dossiers.length);
  return {
    received: dossiers.length,
    finished: { ...finished, total: finishedCount },
    refused,
    overdueNow,
    index: {
      onTimeRate: percent(finished.early + finished.onTime, finishedCount),
      points: finished.early * 2 + finished.onTime,
      averagePoints: finishedCount === 0 ? null : Math.round(((finished.early * 2 + finished.onTime) / finishedCount) * 100) / 100,
      onlineShare: percent(online, dossiers.length),
      overduePercent,
      complaintsPercent: 0,
      satisfaction: overduePercent === null ? null : Math.round((100 - overduePercent) * 10) / 10,
    },
  };
}
