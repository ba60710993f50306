import type { WorklistItem } from '../api/types.js';
import type { ExportColumn } from '../export/table-export.js';

type Translate = (key: string) => string;

/** A list of steps as it is exported: what the task table shows, dates as dates. */
export function taskColumns(t: Translate): ExportColumn<WorklistItem>[] {
  return [
    { header: t('worklist.dossier'), value: (task) => task.dossierId },
    { header: t('worklist.step'), value: (task) => task.name },
    { header: t('worklist.procedure'), value: (task) => task.procedureCode },
    { header: t('dossier.status'), value: (task) => t(`taskStatus.${task.status}`) },
    { header: t('worklist.assignee'), value: (task) => task.assignee ?? t('worklist.unassigned') },
    { header: t('exports.stepOpenedAt'), value: (task) => new Date(task.createdAt) },
    { header: t('worklist.dueAt'), value: (task) => (task.dueAt ? new Date(task.dueAt) : null) },
    { header: t('exports.overdue'), value: (task) => (task.overdue ? t('exports.yes') : t('exports.no')) },
  ];
}
