import { z } from 'zod';
import { BusinessCalendar } from '../../engine/calendar/index.js';
import { handlingColumns, handlingRates, reportGroupings } from '../../engine/reports/handling-report.js';
import { parsePeriodKey, periodBounds } from '../../engine/reports/report-period.js';
import { produceReport } from '../../store/reports/produce-report.js';
import type { ReportDocument } from '../../store/reports/report-model.js';
import { currentCalendar } from '../calendars/calendar-source.js';
import type { ApiContext } from '../context.js';
import { Problem, problemResponses } from '../http/problem.js';
import { defineRoute, type RouteDefinition } from '../http/route.js';
import { wire } from '../http/schemas.js';
import { agencyScope, requireAgencyScope } from '../org/agency-scope.js';
import type { Principal } from '../auth/principal.js';
import { reportCsv } from './report-csv.js';
import { reportPdf } from './report-pdf.js';
import { reportXlsx } from './report-xlsx.js';

const reportRoles = ['agency-admin', 'supervisor', 'auditor'] as const;
const name = z.string().min(1).max(200);
const periodKeyParam = z.string().max(10).meta({ description: 'a month 2026-11, a quarter 2026-Q4, six months 2026-H2 or a year 2026' });
const reportIdParam = z.string().min(1).max(400);

const figuresSchema = z.object(Object.fromEntries(handlingColumns.map(({ id, group, heading }) => [id, z.number().meta({ description: `${group}: ${heading}` })])) as Record<(typeof handlingColumns)[number]['id'], z.ZodNumber>);
const ratesSchema = z.object(Object.fromEntries(handlingRates.map(({ id, heading }) => [id, z.number().nullable().meta({ description: heading })])) as Record<(typeof handlingRates)[number]['id'], z.ZodNullable<z.ZodNumber>>);

const reportSummarySchema = z
  .object({
    id: z.string(),
    agencyId: z.string(),
    agencyName: z.string(),
    period: z.object({ kind: z.string(), year: z.number(), number: z.number(), key: z.string(), title: z.string() }),
    grouping: z.enum(reportGroupings),
    scope: z.object({ unitId: z.string().optional(), procedureCode: z.string().optional(), field: z.string().optional() }),
    from: z.string(),
    until: z.string(),
    producedAt: z.string(),
    producedBy: z.string(),
  })
  .meta({ id: 'ReportSummary' });

const reportSchema = reportSummarySchema
  .extend({
    rows: z.array(z.object({ key: z.string(), title: z.string(), figures: figuresSchema, rates: ratesSchema })),
    total: z.object({ figures: figuresSchema, rates: ratesSchema }),
    headings: z
      .object({ figures: z.array(z.object({ id: z.string(), group: z.string(), heading: z.string() })), rates: z.array(z.object({ id: z.string(), heading: z.string() })) })
      .meta({ description: 'the columns in the form’s order, with their Vietnamese headings' }),
  })
  .meta({ id: 'Report' });

const downloads = {
  xlsx: { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', render: reportXlsx },
  csv: { type: 'text/csv; charset=utf-8', render: async (report: ReportDocument) => Buffer.from(reportCsv(report), 'utf8') },
  pdf: { type: 'application/pdf', render: reportPdf },
} as const;

function summaryOf({ _id, rows: _rows, total: _total, ...report }: ReportDocument) {
  return wire({ id: _id, ...report });
}

const headings = { figures: handlingColumns.map((column) => ({ ...column })), rates: handlingRates.map((rate) => ({ ...rate })) };

function fullReport(report: ReportDocument) {
  return { ...summaryOf(report), rows: report.rows, total: report.total, headings };
}

/** Periodic reports on handling administrative procedures: produce one, list those kept, read one, download it as XLSX, CSV or PDF. */
export function reportRoutes(context: ApiContext): RouteDefinition[] {
  const { store } = context;

  const inScope = (principal: Principal, agencyId: string) => requireAgencyScope(store, principal, agencyId);

  async function visibleReport(principal: Principal, id: string): Promise<ReportDocument> {
    const report = await store.reports.findById(id).lean<ReportDocument>();
    if (!report || !(await agencyScope(store, principal)).has(report.agencyId)) throw new Problem(404, 'unknown-report', `there is no report ${id} you may read`);
    return report;
  }

  return [
    defineRoute({
      method: 'post',
      path: '/api/reports',
      summary: 'Produce the report of a period (month, quarter, six months, year) for an agency, or one unit, procedure or field of it, and keep it; producing it again replaces it',
      tag: 'reports',
      access: reportRoles,
      body: z.object({
        agencyId: name,
        period: periodKeyParam,
        grouping: z.enum(reportGroupings).default('field').meta({ description: 'a row per field (lĩnh vực) or per procedure' }),
        unitId: name.optional(),
        procedureCode: name.optional(),
        field: name.optional(),
      }),
      responses: { 201: { description: 'the report', schema: reportSchema }, ...problemResponses(400, 401, 403, 422) },
      async handler({ body, principal }) {
        await inScope(principal, body.agencyId);
        const period = parsePeriodKey(body.period);
        if (!period) throw new Problem(422, 'invalid-period', `"${body.period}" names no period: write a month 2026-11, a quarter 2026-Q4, six months 2026-H2 or a year 2026`);
        const calendar = new BusinessCalendar((await currentCalendar(context, 'vn-national')).data);
        const now = Date.now();
        if (periodBounds(period, calendar.utcOffsetMs).from > now) throw new Problem(422, 'future-period', `the period ${body.period} has not begun`);
        const agency = await store.agencies.findById(body.agencyId, { name: 1 }).lean();
        if (!agency) throw new Problem(403, 'other-agency', `you do not answer for agency ${body.agencyId}`);
        if (body.unitId && !(await store.units.exists({ _id: body.unitId, agencyId: body.agencyId }))) throw new Problem(422, 'unknown-unit', `agency ${body.agencyId} has no unit ${body.unitId}`);
        const report = await produceReport(store, {
          agency: { id: body.agencyId, name: agency.name },
          period,
          grouping: body.grouping,
          scope: { unitId: body.unitId, procedureCode: body.procedureCode, field: body.field },
          producedBy: principal.id,
          utcOffsetMs: calendar.utcOffsetMs,
          now,
        });
        return { status: 201, body: fullReport(report) };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/reports',
      summary: 'The reports kept for the caller’s agencies (or one), newest first, without their figures',
      tag: 'reports',
      access: reportRoles,
      query: z.object({ agencyId: name.optional(), period: periodKeyParam.optional() }),
      responses: { 200: { description: 'the reports', schema: z.object({ items: z.array(reportSummarySchema) }) }, ...problemResponses(400, 401, 403) },
      async handler({ query, principal }) {
        if (query.agencyId) await inScope(principal, query.agencyId);
        const filter: Record<string, unknown> = { agencyId: query.agencyId ?? { $in: [...(await agencyScope(store, principal))] } };
        if (query.period) filter['period.key'] = query.period;
        const reports = await store.reports.find(filter, { rows: 0, total: 0 }).sort({ producedAt: -1 }).limit(500).lean<ReportDocument[]>();
        return { status: 200, body: { items: reports.map(summaryOf) } };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/reports/:id',
      summary: 'One kept report with its rows and total',
      tag: 'reports',
      access: reportRoles,
      params: z.object({ id: reportIdParam }),
      responses: { 200: { description: 'the report', schema: reportSchema }, ...problemResponses(400, 401, 403, 404) },
      async handler({ params, principal }) {
        const report = await visibleReport(principal, params.id);
        return { status: 200, body: fullReport(report) };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/reports/:id/download',
      summary: 'Download a kept report as XLSX, CSV (UTF-8) or a printable PDF',
      tag: 'reports',
      access: reportRoles,
      params: z.object({ id: reportIdParam }),
      query: z.object({ format: z.enum(['xlsx', 'csv', 'pdf']) }),
      responses: { 200: { description: 'the file', contentType: 'application/octet-stream' }, ...problemResponses(400, 401, 403, 404) },
      async handler({ params, query, principal, response }) {
        const report = await visibleReport(principal, params.id);
        const download = downloads[query.format];
        const filename = `bao-cao-${report.agencyId}-${report.period.key}.${query.format}`;
        response.status(200).type(download.type).attachment(filename).send(await download.render(report));
        return undefined;
      },
    }),
  ];
}
