import type { DashboardFigure, Stats } from '../api/types.js';

/** A figure on the dashboard: its place (data-figure), the list of dossiers it opens, and its value. */
export interface FigureCard {
  key: string;
  label: string;
  opens: DashboardFigure;
  value: (stats: Stats) => { count: number } | { percent: number | null } | { points: number | null };
  alert?: true;
}

/** The dashboard's figures in their order; labels and definitions are `dashboard.<label>` and `dashboard.definitions.<key>`. */
export const figureCards: readonly FigureCard[] = [
  { key: 'received', label: 'received', opens: 'received', value: (stats) => ({ count: stats.received }) },
  { key: 'early', label: 'early', opens: 'early', value: (stats) => ({ count: stats.finished.early }) },
  { key: 'on-time', label: 'onTime', opens: 'on-time', value: (stats) => ({ count: stats.finished.onTime }) },
  { key: 'late', label: 'late', opens: 'late', value: (stats) => ({ count: stats.finished.late }), alert: true },
  { key: 'refused', label: 'refused', opens: 'refused', value: (stats) => ({ count: stats.refused }) },
  { key: 'overdue-now', label: 'overdueNow', opens: 'overdue-now', value: (stats) => ({ count: stats.overdueNow }), alert: true },
  { key: 'on-time-rate', label: 'onTimeRate', opens: 'finished', value: (stats) => ({ percent: stats.index.onTimeRate }) },
  { key: 'points', label: 'averagePoints', opens: 'finished', value: (stats) => ({ points: stats.index.averagePoints }) },
  { key: 'online', label: 'onlineShare', opens: 'online', value: (stats) => ({ percent: stats.index.onlineShare }) },
  { key: 'satisfaction', label: 'satisfaction', opens: 'overdue-or-late', value: (stats) => ({ percent: stats.index.satisfaction }) },
];
