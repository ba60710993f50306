import { z } from 'zod';
import { overdueDossierFilter, overdueTaskFilter } from '../../store/monitoring/overdue-work.js';
import type { ApiContext } from '../context.js';
import { hasRole, type Principal } from '../auth/principal.js';
import { Problem, problemResponses } from '../http/problem.js';
import { defineRoute, type RouteDefinition } from '../http/route.js';
import { cursorParam, isoInstant, limitParam, page } from '../http/schemas.js';
import { withPersonalData } from '../dossiers/dossier-access.js';
import { dossierSummary, newestDossiers, summaryOf } from '../dossiers/dossier-summary.js';
import { agencyScope } from '../org/agency-scope.js';
import { dashboardFigures, figureFilters, periodDossierFilter } from './dashboard-figures.js';
import { periodStats, periodTrend } from './period-stats.js';
import { watchStoreChanges } from './store-changes.js';
import { taskOf } from '../tasks/task-routes.js';

const monitoringRoles = ['agency-admin', 'supervisor', 'officer', 'auditor'] as const;
const heartbeatMs = 15_000;
const dayMs = 86_400_000;
const maxTrendDays = 366;

/** A dashboard's filters: agency, unit, procedure and the period of reception. */
const figureQuery = z.object({ agencyId: z.string().min(1).optional(), unitId: z.string().min(1).optional(), procedureCode: z.string().min(1).optional(), from: isoInstant.optional(), to: isoInstant.optional() });

const statsSchema = z
  .object({
    filters: z.record(z.string(), z.unknown()),
    received: z.number(),
    finished: z.object({ early: z.number(), onTime: z.number(), late: z.number(), total: z.number() }),
    refused: z.number().meta({ description: 'Dossiers refused (status rejected): counted apart from early / on time / late' }),
    overdueNow: z.number(),
    index: z.object({
      onTimeRate: z.number().nullable(),
      points: z.number(),
      averagePoints: z.number().nullable(),
      onlineShare: z.number().nullable(),
      overduePercent: z.number().nullable(),
      complaintsPercent: z.number(),
      satisfaction: z.number().nullable(),
    }),
    steps: z.array(z.object({ procedureCode: z.string(), elementId: z.string(), name: z.string(), completed: z.number(), averageWorkingHours: z.number() })),
  })
  .meta({ id: 'Stats' });

/** Dashboards: figures per agency, unit, procedure and period; the overdue list; live change events. */
export function monitoringRoutes(context: ApiContext): RouteDefinition[] {
  const { store } = context;
  let listeners = 0;
  let stopWatching: (() => void) | undefined;

  /** The agencies a request may look at: one it names (if in scope) or all the caller's. */
  async function agencies(principal: Principal, agencyId: string | undefined): Promise<string[]> {
    const scope = await agencyScope(store, principal);
    if (agencyId === undefined) return [...scope];
    if (!scope.has(agencyId)) throw new Problem(403, 'other-agency', `you do not answer for agency ${agencyId}`);
    return [agencyId];
  }

  return [
    defineRoute({
      method: 'get',
      path: '/api/stats',
      summary: 'Received, finished early/on time/late, overdue now, service-quality index and working time per step',
      tag: 'monitoring',
      access: monitoringRoles,
      query: figureQuery,
      responses: { 200: { description: 'the figures', schema: statsSchema }, ...problemResponses(400, 401, 403) },
      async handler({ query, principal }) {
        const agencyIds = await agencies(principal, query.agencyId);
        const scope = { ...query, agencyIds };
        return {
          status: 200,
          body: {
            filters: { agencyIds, unitId: query.unitId ?? null, procedureCode: query.procedureCode ?? null, from: query.from ?? null, to: query.to ?? null },
            ...(await periodStats(context, scope)),
          },
        };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/stats/dossiers',
      summary: 'The dossiers one dashboard figure counts, with the filters of /api/stats, newest first; the applicant’s name only to those who work on the dossier',
      tag: 'monitoring',
      access: monitoringRoles,
      query: figureQuery.extend({ figure: z.enum(dashboardFigures), cursor: cursorParam, limit: limitParam }),
      responses: { 200: { description: 'a page of dossiers', schema: page(dossierSummary) }, ...problemResponses(400, 401, 403) },
      async handler({ query, principal }) {
        const agencyIds = await agencies(principal, query.agencyId);
        const filter = { ...(await periodDossierFilter(store, { ...query, agencyIds })), ...figureFilters[query.figure] };
        const { dossiers, nextCursor } = await newestDossiers(store, filter, query);
        const readable = await withPersonalData(store, principal, dossiers);
        return { status: 200, body: { items: dossiers.map((dossier) => summaryOf(dossier, readable.has(dossier._id) ? 'full' : 'without-personal-data')), nextCursor } };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/stats/trend',
      summary: 'Dossiers received and finished early/on time/late per day of a period (at most a year), for the trend chart',
      tag: 'monitoring',
      access: monitoringRoles,
      query: z.object({ agencyId: z.string().min(1).optional(), procedureCode: z.string().min(1).optional(), from: isoInstant, to: isoInstant }),
      responses: {
        200: { description: 'one entry per day', schema: z.object({ days: z.array(z.object({ day: z.string(), received: z.number(), early: z.number(), onTime: z.number(), late: z.number() })) }) },
        ...problemResponses(400, 401, 403),
      },
      async handler({ query, principal }) {
        const [from, to] = [Date.parse(query.from), Date.parse(query.to)];
        if (to <= from || to - from > maxTrendDays * dayMs) throw new Problem(400, 'invalid-period', `the period must end after it starts and last at most ${maxTrendDays} days`);
        const agencyIds = await agencies(principal, query.agencyId);
        return { status: 200, body: { days: await periodTrend(context, { agencyIds, procedureCode: query.procedureCode, from, to }) } };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/stats/officers',
      summary: 'Load per officer of the caller’s units (a supervisor) or agencies (an agency admin): tasks claimed, overdue, due soon',
      tag: 'monitoring',
      access: ['supervisor', 'agency-admin'],
      responses: {
        200: {
          description: 'officers, most loaded first',
          schema: z.object({
            officers: z.array(z.object({ id: z.string(), name: z.string(), units: z.array(z.string()), positions: z.array(z.string()), claimed: z.number(), overdue: z.number(), dueSoon: z.number() })),
          }),
        },
        ...problemResponses(401, 403),
      },
      async handler({ principal }) {
        const units = hasRole(principal, 'agency-admin')
          ? (await store.units.find({ agencyId: { $in: [...(await agencyScope(store, principal))] } }, { _id: 1 }).lean()).map((unit) => unit._id)
          : principal.units;
        const users = await store.users.find({ units: { $in: units }, roles: { $in: ['officer', 'supervisor'] }, disabled: false }, { name: 1, units: 1, positions: 1 }).sort({ _id: 1 }).lean();
        const tasks = await store.tasks.find({ status: 'claimed', assignee: { $in: users.map((user) => user._id) } }, { assignee: 1, overdue: 1, dueSoonAt: 1 }).lean();
        const now = Date.now();
        const officers = users.map((user) => {
          const mine = tasks.filter((task) => task.assignee === user._id);
          return {
            id: user._id,
            name: user.name,
            units: user.units,
            positions: user.positions,
            claimed: mine.length,
            overdue: mine.filter((task) => task.overdue).length,
            dueSoon: mine.filter((task) => !task.overdue && task.dueSoonAt !== undefined && task.dueSoonAt.getTime() <= now).length,
          };
        });
        officers.sort((a, b) => b.claimed - a.claimed || a.id.localeCompare(b.id));
        return { status: 200, body: { officers } };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/stats/overdue',
      summary: 'Overdue dossiers and tasks of the caller’s agencies, most overdue first; the applicant’s name only to those who work on the dossier',
      tag: 'monitoring',
      access: monitoringRoles,
      query: z.object({ agencyId: z.string().min(1).optional() }),
      responses: { 200: { description: 'overdue work', schema: z.object({ dossiers: z.array(z.record(z.string(), z.unknown())), tasks: z.array(z.record(z.string(), z.unknown())) }) }, ...problemResponses(400, 401, 403) },
      async handler({ query, principal }) {
        const agencyIds = await agencies(principal, query.agencyId);
        const [dossiers, tasks] = await Promise.all([
          store.dossiers.find({ agencyId: { $in: agencyIds }, ...overdueDossierFilter }).sort({ dueAt: 1 }).limit(500).lean(),
          store.tasks.find({ agencyId: { $in: agencyIds }, ...overdueTaskFilter }, { form: 0, outcomes: 0, data: 0 }).sort({ dueAt: 1 }).limit(500).lean(),
        ]);
        const readable = await withPersonalData(store, principal, dossiers);
        return {
          status: 200,
          body: {
            dossiers: dossiers.map((d) => ({ dossierId: d._id, procedureCode: d.procedureCode, agencyId: d.agencyId, status: d.status, applicantName: readable.has(d._id) ? d.applicant.name : null, receivedAt: d.receivedAt.toISOString(), dueAt: d.dueAt?.toISOString() ?? null })),
            tasks: tasks.map(taskOf),
          },
        };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/events',
      summary: 'Server-sent events: task and dossier changes the caller may see (EventSource may pass ?accessToken=)',
      tag: 'monitoring',
      access: 'signed-in',
      query: z.object({ accessToken: z.string().optional() }),
      responses: { 200: { description: 'an event stream of `change` events (ChangeEvent JSON)', contentType: 'text/event-stream' }, ...problemResponses(401) },
      async handler({ request, response, principal }) {
        const citizen = hasRole(principal, 'citizen');
        const scope = citizen ? new Set<string>() : await agencyScope(store, principal);
        response.status(200).set({ 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache', Connection: 'keep-alive', 'X-Accel-Buffering': 'no' });
        response.flushHeaders();
        response.write(': connected\n\n');
        const unsubscribe = context.events.subscribe((event) => {
          const visible = citizen ? event.ownerId === principal.id : scope.has(event.agencyId);
          if (visible) response.write(`event: change\ndata: ${JSON.stringify(event)}\n\n`);
        });
        if (listeners++ === 0) stopWatching = watchStoreChanges(context);
        const heartbeat = setInterval(() => response.write(': keep-alive\n\n'), heartbeatMs);
        let ended = false;
        const end = () => {
          if (ended) return;
          ended = true;
          clearInterval(heartbeat);
          unsubscribe();
          stopClose();
          if (--listeners === 0) stopWatching?.();
          response.end();
        };
        const stopClose = context.events.onClose(end);
        request.once('close', end);
        return undefined;
      },
    }),
  ];
}
