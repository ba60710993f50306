import { z } from 'zod';
import { taskStatuses } from '../../engine/dossier/dossier-status.js';
import { hasRole, type Principal } from '../auth/principal.js';
import { Problem } from '../http/problem.js';
import { booleanParam, cursorParam, decodeCursor, isoInstant, limitParam } from '../http/schemas.js';

export const worklistViews = ['mine', 'unit', 'overdue', 'due-soon'] as const;

export const worklistQuerySchema = z.object({
  view: z.enum(worklistViews).default('mine'),
  procedureCode: z.string().min(1).max(200).optional(),
  status: z.enum(taskStatuses).optional(),
  dueBefore: isoInstant.optional(),
  overdue: booleanParam.optional(),
  cursor: cursorParam,
  limit: limitParam,
});

export type WorklistQuery = z.infer<typeof worklistQuerySchema>;

const cursorSchema = z.object({ dueAt: z.string().nullable(), id: z.string() });
export type WorklistCursor = z.infer<typeof cursorSchema>;

const active = ['open', 'claimed'];

/** Tasks of the principal's units they may take: officers only their positions' steps, supervisors all. */
function unitQueue(principal: Principal): Record<string, unknown> {
  const queue: Record<string, unknown> = { candidateUnit: { $in: principal.units } };
  if (!hasRole(principal, 'supervisor')) queue.candidateRole = { $in: principal.positions };
  return queue;
}

/**
 * The store filter of a worklist view: `mine` (claimed by me), `unit` (my units' unclaimed queue),
 * `overdue` and `due-soon` (in my units or mine), narrowed by the query's filters and cursor.
 */
export function worklistFilter(principal: Principal, query: WorklistQuery, now: number): Record<string, unknown> {
  const reach = { $or: [{ assignee: principal.id }, unitQueue(principal)] };
  const conditions: Record<string, unknown>[] = [];
  switch (query.view) {
    case 'mine':
      conditions.push({ assignee: principal.id, status: query.status ?? 'claimed' });
      break;
    case 'unit':
      conditions.push({ ...unitQueue(principal), status: query.status ?? 'open' });
      break;
    case 'overdue':
      conditions.push(reach, { overdue: true, status: query.status ?? { $in: active } });
      break;
    case 'due-soon':
      conditions.push(reach, { overdue: false, dueSoonAt: { $lte: new Date(now) }, status: query.status ?? { $in: active } });
      break;
  }
  if (query.procedureCode) conditions.push({ procedureCode: query.procedureCode });
  if (query.dueBefore) conditions.push({ dueAt: { $lt: new Date(query.dueBefore) } });
  if (query.overdue !== undefined && query.view !== 'overdue' && query.view !== 'due-soon') conditions.push({ overdue: query.overdue });
  if (query.cursor) {
    const after = decodeCursor(query.cursor, cursorSchema);
    if (!after) throw new Problem(400, 'invalid-cursor', 'the cursor is not one this API issued');
    // Sorted by due date then id, tasks without a due date first (as the store sorts nulls).
    conditions.push(
      after.dueAt === null
        ? { $or: [{ dueAt: null, _id: { $gt: after.id } }, { dueAt: { $ne: null } }] }
        : { $or: [{ dueAt: { $gt: new Date(after.dueAt) } }, { dueAt: new Date(after.dueAt), _id: { $gt: after.id } }] },
    );
  }
  return conditions.length === 1 ? conditions[0]! : { $and: conditions };
}
