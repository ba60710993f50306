import { z } from 'zod';
import { BusinessCalendar, CalendarDataError, validateCalendarData, type CalendarData } from '../../engine/calendar/index.js';
import { finalDossierStatuses } from '../../engine/dossier/dossier-status.js';
import { calendarChangedSignal } from '../../workflows/contract.js';
import type { ApiContext } from '../context.js';
import { appendAudit, auditStreams } from '../audit/audit-log.js';
import { auditActorOf } from '../auth/principal.js';
import { Problem, problemResponses } from '../http/problem.js';
import { defineRoute, type RouteDefinition } from '../http/route.js';
import { currentCalendar } from './calendar-source.js';
import { isDuplicateKey } from '../../store/duplicate-key.js';

const params = z.object({ id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/), year: z.coerce.number().int().min(1900).max(2200) });
const yearSchema = z
  .object({
    status: z.enum(['announced', 'generated']),
    sources: z.array(z.string()).optional(),
    daysOff: z.array(z.object({ from: z.string(), to: z.string().optional(), reason: z.string() })),
    workingDays: z.array(z.object({ from: z.string(), to: z.string().optional(), reason: z.string(), sessions: z.array(z.object({ start: z.string(), end: z.string() })).optional() })),
  })
  .meta({ id: 'CalendarYear', description: 'One year of a calendar: days off and swapped working days (engine/calendar/calendar-data.ts)' });
const yearView = z
  .object({ calendarId: z.string(), year: z.number(), source: z.enum(['draft', 'published', 'shipped']), publishedVersion: z.number(), data: yearSchema })
  .meta({ id: 'CalendarYearView' });

function calendarProblem(error: unknown): Problem {
  if (error instanceof CalendarDataError) {
    return new Problem(422, 'invalid-calendar', 'the calendar is not valid', error.issues.map((issue) => ({ path: issue.path, message: issue.message })));
  }
  return new Problem(422, 'invalid-calendar', (error as Error).message);
}

/** Calendar administration: read a year, correct it (a draft), publish a new version. */
export function calendarRoutes(context: ApiContext): RouteDefinition[] {
  const { store } = context;

  /** The draft being corrected, else the current calendar. */
  async function workingCopy(id: string): Promise<{ data: CalendarData; source: 'draft' | 'published' | 'shipped'; version: number }> {
    const current = await currentCalendar(context, id).catch(() => {
      throw new Problem(404, 'unknown-calendar', `no calendar ${id}`);
    });
    const draft = await store.calendarDrafts.findById(id).lean();
    if (draft) return { data: draft.data as CalendarData, source: 'draft', version: current.version };
    return { data: current.data, source: current.version > 0 ? 'published' : 'shipped', version: current.version };
  }

  return [
    defineRoute({
      method: 'get',
      path: '/api/calendars/:id/versions/:hash',
      summary: 'A calendar as a dossier pinned it (by content hash), whole: what browsers count working time left with',
      tag: 'calendars',
      access: 'signed-in',
      params: z.object({ id: params.shape.id, hash: z.string().regex(/^[0-9a-f]{64}$/) }),
      responses: {
        200: { description: 'the pinned calendar', schema: z.object({ calendarId: z.string(), hash: z.string(), data: z.record(z.string(), z.unknown()).meta({ description: 'engine/calendar/calendar-data.ts CalendarData' }) }) },
        ...problemResponses(400, 401, 404),
      },
      async handler({ params: { id, hash } }) {
        const published = await store.calendarVersions.findOne({ calendarId: id, hash }).lean();
        const data = published ? (published.data as CalendarData) : await context.loadCalendar(id).catch(() => undefined);
        if (!data || (!published && new BusinessCalendar(data).version !== hash)) throw new Problem(404, 'unknown-calendar-version', `calendar ${id} has no version ${hash}`);
        return { status: 200, body: { calendarId: id, hash, data } };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/calendars/:id/:year',
      summary: 'A year of a calendar (the draft under correction, if any)',
      tag: 'calendars',
      access: ['agency-admin', 'supervisor', 'officer', 'reformer', 'auditor'],
      params,
      responses: { 200: { description: 'the year', schema: yearView }, ...problemResponses(400, 401, 403, 404) },
      async handler({ params: { id, year } }) {
        const copy = await workingCopy(id);
        const data = copy.data.years[String(year)];
        if (!data) throw new Problem(404, 'unknown-year', `calendar ${id} has no year ${year}`);
        return { status: 200, body: { calendarId: id, year, source: copy.source, publishedVersion: copy.version, data } };
      },
    }),
    defineRoute({
      method: 'put',
      path: '/api/calendars/:id/:year',
      summary: 'Correct a year (saved as a draft until published)',
      tag: 'calendars',
      access: ['agency-admin'],
      params,
      body: yearSchema,
      responses: { 200: { description: 'saved', schema: yearView }, ...problemResponses(400, 401, 403, 404, 422) },
      async handler({ params: { id, year }, body, principal }) {
        const copy = await workingCopy(id);
        let data: CalendarData;
        try {
          data = validateCalendarData({ ...copy.data, years: { ...copy.data.years, [String(year)]: body } });
          new BusinessCalendar(data);
        } catch (error) {
          throw calendarProblem(error);
        }
        const before = copy.data.years[String(year)];
        await store.calendarDrafts.updateOne({ _id: id }, { $set: { data, updatedAt: new Date(), updatedBy: principal.id } }, { upsert: true });
        await appendAudit(store, {
          stream: auditStreams.calendar(id),
          actor: auditActorOf(principal),
          action: 'calendar-year-corrected',
          target: { kind: 'calendar', id },
          details: { year, before: before ? JSON.stringify(before) : null, after: JSON.stringify(body) },
        });
        return { status: 200, body: { calendarId: id, year, source: 'draft', publishedVersion: copy.version, data: body } };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/calendars/:id/publish',
      summary: 'Publish the corrected calendar as a new version; running dossiers are told (calendarChanged)',
      tag: 'calendars',
      access: ['agency-admin'],
      params: z.object({ id: params.shape.id }),
      body: z.object({ reason: z.string().trim().min(1).max(1000) }),
      responses: {
        201: { description: 'published', schema: z.object({ calendarId: z.string(), version: z.number(), hash: z.string(), dossiersNotified: z.number() }) },
        ...problemResponses(400, 401, 403, 404, 409, 422),
      },
      async handler({ params: { id }, body, principal }) {
        const draft = await store.calendarDrafts.findById(id).lean();
        if (!draft) throw new Problem(409, 'nothing-to-publish', `calendar ${id} has no corrections to publish`);
        const current = await currentCalendar(context, id);
        const data = draft.data as CalendarData;
        const hash = new BusinessCalendar(data).version;
        const version = current.version + 1;
        try {
          await store.calendarVersions.create({ _id: `${id}@${version}`, calendarId: id, version, hash, data, publishedAt: new Date(), publishedBy: principal.id });
        } catch (error) {
          if (isDuplicateKey(error)) throw new Problem(409, 'published-concurrently', `version ${version} of calendar ${id} was just published by someone else`);
          throw error;
        }
        await store.calendarDrafts.deleteOne({ _id: id });
        const running = await store.dossiers.find({ calendarId: id, status: { $nin: [...finalDossierStatuses] } }, { _id: 1 }).lean();
        await Promise.all(
          running.map((dossier) =>
            context.temporal.client.workflow
              .getHandle(dossier._id)
              .signal(calendarChangedSignal, { calendar: data, reason: body.reason })
              .catch((error: Error) => context.logger.warn({ dossierId: dossier._id, err: error.message }, 'calendar change not delivered')),
          ),
        );
        await appendAudit(store, {
          stream: auditStreams.calendar(id),
          actor: auditActorOf(principal),
          action: 'calendar-published',
          target: { kind: 'calendar', id },
          details: { beforeVersion: current.version, beforeHash: current.hash, afterVersion: version, afterHash: hash, reason: body.reason, dossiersNotified: running.length },
        });
        return { status: 201, body: { calendarId: id, version, hash, dossiersNotified: running.length } };
      },
    }),
  ];
}
