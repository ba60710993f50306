import { z } from 'zod';
import type { TaskDocument } from '../../store/tasks/task-model.js';
import { hasRole, type Principal } from '../auth/principal.js';
import { Problem } from '../http/problem.js';
import { booleanParam, cursorParam, decodeCursor, isoInstant, limitParam } from '../http/schemas.js';

export const worklistViews = ['mine', 'unit', 'overdue', 'due-soon'] as const;

/** The worklist holds open work; finished steps are read in their dossier's timeline. */
export const activeTaskStatuses = ['open', 'claimed'] as const;

/** Whether a task in this status is still work to do (open or claimed), as the worklist lists. */
export const isOpenWork = (status: string) => (activeTaskStatuses as readonly string[]).includes(status);

export const worklistQuerySchema = z.object({
  view: z.enum(worklistViews).default('mine'),
  procedureCode: z.string().min(1).max(200).optional(),
  status: z.enum(activeTaskStatuses).optional(),
  dueBefore: isoInstant.optional(),
  overdue: booleanParam.optional(),
  cursor: cursorParam,
  limit: limitParam,
});

export type WorklistQuery = z.infer<typeof worklistQuerySchema>;

/** A task as the worklist lists it: without its form, outcomes and data. */
export type WorklistTask = Omit<TaskDocument, 'form' | 'outcomes' | 'data'>;

/** Where a task stands in the worklist's order: soonest due first, tasks without a due date before all, then by id. */
export interface WorklistPosition {
  dueAt: number | null;
  id: string;
}

export function positionOf(task: WorklistTask): WorklistPosition {
  return { dueAt: task.dueAt?.getTime() ?? null, id: task._id };
}

export function comparePositions(a: WorklistPosition, b: WorklistPosition): number {
  if (a.dueAt !== b.dueAt) return a.dueAt === null ? -1 : b.dueAt === null ? 1 : a.dueAt - b.dueAt;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

const cursorSchema = z.object({ dueAt: z.string().nullable(), id: z.string() });

export function worklistCursor(task: WorklistTask): z.infer<typeof cursorSchema> {
  return { dueAt: task.dueAt?.toISOString() ?? null, id: task._id };
}

/**
 * What a worklist view asks of the tasks: the queues it reads (the principal's own tasks and/or
 * their units'), the test each task must pass, and where the previous page ended.
 */
export interface WorklistSelection {
  assignee?: string;
  units: string[];
  matches(task: WorklistTask): boolean;
  after?: WorklistPosition;
}

/**
 * `mine` (claimed by me), `unit` (my units' unclaimed queue: officers only their positions' steps,
 * supervisors all), `overdue` and `due-soon` (mine or my units'), narrowed by the query's filters.
 */
export function worklistSelection(principal: Principal, query: WorklistQuery, now: number): WorklistSelection {
  const supervisor = hasRole(principal, 'supervisor');
  const inQueue = (task: WorklistTask) =>
    task.candidateUnit !== undefined && principal.units.includes(task.candidateUnit) && (supervisor || (task.candidateRole !== undefined && principal.positions.includes(task.candidateRole)));
  const inReach = (task: WorklistTask) => task.assignee === principal.id || inQueue(task);
  const hasStatus = (task: WorklistTask, fallback: readonly string[]) => (query.status ? task.status === query.status : fallback.includes(task.status));
  const dueBefore = query.dueBefore ? Date.parse(query.dueBefore) : undefined;
  const narrowed = (task: WorklistTask) =>
    (!query.procedureCode || task.procedureCode === query.procedureCode) &&
    (dueBefore === undefined || (task.dueAt !== undefined && task.dueAt.getTime() < dueBefore)) &&
    (query.overdue === undefined || query.view === 'overdue' || query.view === 'due-soon' || task.overdue === query.overdue);
  const view = {
    mine: { assignee: principal.id, units: [], test: (task: WorklistTask) => task.assignee === principal.id && hasStatus(task, ['claimed']) },
    unit: { units: principal.units, test: (task: WorklistTask) => inQueue(task) && hasStatus(task, ['open']) },
    overdue: { assignee: principal.id, units: principal.units, test: (task: WorklistTask) => inReach(task) && task.overdue && hasStatus(task, activeTaskStatuses) },
    'due-soon': {
      assignee: principal.id,
      units: principal.units,
      test: (task: WorklistTask) => inReach(task) && !task.overdue && task.dueSoonAt !== undefined && task.dueSoonAt.getTime() <= now && hasStatus(task, activeTaskStatuses),
    },
  }[query.view];
  let after: WorklistPosition | undefined;
  if (query.cursor) {
    const cursor = decodeCursor(query.cursor, cursorSchema);
    const dueAt = cursor?.dueAt ? Date.parse(cursor.dueAt) : null;
    if (!cursor || Number.isNaN(dueAt)) throw new Problem(400, 'invalid-cursor', 'the cursor is not one this API issued');
    after = { dueAt, id: cursor.id };
  }
  return { ...('assignee' in view ? { assignee: view.assignee } : {}), units: view.units, matches: (task) => view.test(task) && narrowed(task), ...(after ? { after } : {}) };
}
