import type { DashboardFigure } from './dashboard-figures.js';

function percent(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 1000) / 10;
}

/**
 * Received, finished early / on time / late, refused (apart: a refusal is no result, neither early nor
 * late, and stays out of the index), overdue now, and the service-quality index figures of
 * Decision 766/QĐ-TTg (DOMAIN.md): on-time rate, points (early 2, on time 1, late 0), online share,
 * and satisfaction = 100% − (overdue % + complaints %). Complaints are not recorded by MotCua yet,
 * so they count as zero and the figure says so.
 */
export function serviceQuality(counts: Readonly<Record<DashboardFigure, number>>) {
  const finished = { early: counts.early, onTime: counts['on-time'], late: counts.late };
  const finishedCount = finished.early + finished.onTime + finished.late;
  const overduePercent = percent(finished.late + counts['overdue-now'], counts.received);
  return {
    received: counts.received,
    finished: { ...finished, total: finishedCount },
    refused: counts.refused,
    overdueNow: counts['overdue-now'],
    index: {
      onTimeRate: percent(finished.early + finished.onTime, finishedCount),
      points: finished.early * 2 + finished.onTime,
      averagePoints: finishedCount === 0 ? null : Math.round(((finished.early * 2 + finished.onTime) / finishedCount) * 100) / 100,
      onlineShare: percent(counts.online, counts.received),
      overduePercent,
      complaintsPercent: 0,
      satisfaction: overduePercent === null ? null : Math.round((100 - overduePercent) * 10) / 10,
    },
  };
}
