import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handlingColumns } from '../../../engine/reports/handling-report.js';
import { periodBounds, periodKey, previousMonth } from '../../../engine/reports/report-period.js';
import type { DossierDocument } from '../../../store/dossiers/dossier-model.js';
import { pdfText } from '../../activities/support/pdf-reading.js';
import { ApiHarness } from '../api-harness.js';

const vietnam = 7 * 3_600_000;
const dayMs = 86_400_000;

/** Reports of last month, on dossiers placed in it as the projection holds them; this month's dossiers stay out. */
describe('periodic reports', () => {
  let api: ApiHarness;
  const month = previousMonth(Date.now(), vietnam);
  const { from, to } = periodBounds(month, vietnam);
  const day = (days: number) => new Date(from + days * dayMs + 3_600_000);
  let reportId: string;
  let report: any;

  beforeAll(async () => {
    api = await ApiHarness.create();
    const procedureCode = await api.deploySample();
    const submitted = (await api.submitOnline(procedureCode)).body.dossierId as string;
    const model = (await api.store.dossiers.findById(submitted).lean()) as DossierDocument;
    const variants: Array<Partial<DossierDocument>> = [
      { channel: 'online', status: 'returned', receivedAt: day(1), finishedAt: day(5), dueAt: day(8), punctuality: 'early' },
      { channel: 'in-person', status: 'returned', receivedAt: day(2), finishedAt: day(9), dueAt: day(9), punctuality: 'on-time' },
      { channel: 'post', status: 'returned', receivedAt: day(2), finishedAt: day(20), dueAt: day(12), punctuality: 'late' },
      { channel: 'online', status: 'rejected', receivedAt: day(3), finishedAt: day(4) },
      { channel: 'in-person', status: 'stopped', receivedAt: day(3), finishedAt: day(6) },
      { channel: 'online', status: 'processing', receivedAt: day(4), dueAt: day(10), overdue: true },
      { channel: 'online', status: 'processing', receivedAt: day(5), dueAt: new Date(Date.now() + 30 * dayMs), overdue: false },
      // Received the month before and still open: carried over, and overdue.
      { channel: 'in-person', status: 'processing', receivedAt: new Date(from - 5 * dayMs), dueAt: new Date(from - dayMs), overdue: true },
      // Finished the month before: in no figure of this one.
      { channel: 'online', status: 'returned', receivedAt: new Date(from - 9 * dayMs), finishedAt: new Date(from - 2 * dayMs), punctuality: 'on-time' },
    ];
    await api.store.dossiers.insertMany(variants.map((variant, index) => ({ ...model, _id: `${model._id}-bc-${index}`, overdue: false, ...variant })));
    const response = await api.request('POST', '/api/reports', { token: await api.token('admin'), json: { agencyId: 'ubnd-xa', period: periodKey(month) } });
    expect(response.status).toBe(201);
    report = response.body;
    reportId = report.id;
  });
  afterAll(() => api.teardown());

  it('counts every column of last month', () => {
    expect(report.total.figures).toEqual({
      received: 8, receivedOnline: 4, receivedInPerson: 2, receivedByPost: 1, carriedOver: 1,
      finished: 3, finishedEarly: 1, finishedOnTime: 1, finishedLate: 1,
      refused: 1, withdrawn: 1,
      inProgress: 3, inProgressInTime: 1, inProgressOverdue: 2,
    });
    expect(report.total.rates).toEqual({ onTimeRate: 66.7, overdueRate: 37.5, onlineShare: 57.1 });
    expect(report.rows).toHaveLength(1);
    expect(report.rows[0].figures).toEqual(report.total.figures);
    expect([report.from, report.until]).toEqual([new Date(from).toISOString(), new Date(to).toISOString()]);
  });

  it('reconciles exactly with the dashboard of the same dossiers', async () => {
    // The dashboard counts the dossiers received in the period; the report's new ones are those, carried-over ones apart.
    const stats = (await api.request('GET', `/api/stats?agencyId=ubnd-xa&from=${encodeURIComponent(new Date(from).toISOString())}&to=${encodeURIComponent(new Date(to).toISOString())}`, { token: await api.token('admin') })).body;
    const figures = report.total.figures;
    const carriedOver = (await api.request('POST', '/api/reports', { token: await api.token('admin'), json: { agencyId: 'ubnd-xa', period: periodKey(month), grouping: 'procedure' } })).body.total.figures.carriedOver;
    expect(figures.received - carriedOver).toBe(stats.received);
    expect(figures.receivedOnline).toBe(Math.round((stats.index.onlineShare * stats.received) / 100));
    expect([figures.finishedEarly, figures.finishedOnTime, figures.finishedLate, figures.finished]).toEqual([stats.finished.early, stats.finished.onTime, stats.finished.late, stats.finished.total]);
    expect(figures.refused).toBe(stats.refused);
    // The carried-over dossier is overdue too, and outside the dashboard's period.
    expect(figures.inProgressOverdue - 1).toBe(stats.overdueNow);
  });

  it('keeps the report and lists it', async () => {
    const token = await api.token('kiem-toan');
    const listed = await api.request('GET', `/api/reports?agencyId=ubnd-xa&period=${periodKey(month)}`, { token });
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((item: { id: string }) => item.id)).toContain(reportId);
    expect(listed.body.items[0].rows).toBeUndefined();
    const read = await api.request('GET', `/api/reports/${encodeURIComponent(reportId)}`, { token });
    expect(read.body.total).toEqual(report.total);
  });

  it('downloads an XLSX that a spreadsheet reader opens with the same figures', async () => {
    const download = await api.request('GET', `/api/reports/${encodeURIComponent(reportId)}/download?format=xlsx`, { token: await api.token('admin') });
    expect(download.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(download.body);
    const sheet = workbook.getWorksheet(periodKey(month))!;
    const values = (row: number) => (sheet.getRow(row).values as unknown[]).slice(1);
    expect(values(4).slice(2, 2 + handlingColumns.length)).toEqual(handlingColumns.map(({ heading }) => heading));
    const total = values(sheet.rowCount);
    expect(total[1]).toBe('Tổng cộng');
    expect(total.slice(2, 2 + handlingColumns.length)).toEqual(handlingColumns.map(({ id }) => report.total.figures[id]));
    expect(total.slice(2 + handlingColumns.length)).toEqual([66.7, 37.5, 57.1]);
  });

  it('downloads a CSV and a printable PDF with the same total, in Vietnamese', async () => {
    const token = await api.token('admin');
    const csv = await api.request('GET', `/api/reports/${encodeURIComponent(reportId)}/download?format=csv`, { token });
    const lines = (csv.body as string).replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toContain('Số hồ sơ đã giải quyết – Trước hạn');
    expect(lines.at(-1)).toBe(`,Tổng cộng,${handlingColumns.map(({ id }) => report.total.figures[id]).join(',')},66.7,37.5,57.1`);
    const pdf = await api.request('GET', `/api/reports/${encodeURIComponent(reportId)}/download?format=pdf`, { token });
    expect(pdf.status).toBe(200);
    const text = await pdfText(pdf.body);
    expect(text).toContain('TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH');
    expect(text).toContain('Từ kỳ trước chuyển sang');
    expect(text).toContain('Tổng cộng');
  });

  it('refuses bad periods, another agency, an unknown unit or report with structured problems, and keeps nothing', async () => {
    const token = await api.token('admin');
    const before = await api.store.reports.countDocuments();
    const cases: Array<[unknown, number, string]> = [
      [{ agencyId: 'ubnd-xa', period: '2026-13' }, 422, 'invalid-period'],
      [{ agencyId: 'ubnd-xa', period: '2999-01' }, 422, 'future-period'],
      [{ agencyId: 'ubnd-xa' }, 422, 'invalid-body'],
      [{ agencyId: 'ubnd-xa', period: periodKey(month), grouping: 'unit' }, 422, 'invalid-body'],
      [{ agencyId: 'ubnd-xa', period: periodKey(month), unitId: 'khong-co' }, 422, 'unknown-unit'],
      [{ agencyId: 'ubnd-tinh', period: periodKey(month) }, 403, 'other-agency'],
    ];
    for (const [json, status, code] of cases) {
      const response = await api.request('POST', '/api/reports', { token, json });
      expect([response.status, response.body.code], JSON.stringify(json)).toEqual([status, code]);
    }
    expect(await api.store.reports.countDocuments()).toBe(before);
    const unknown = await api.request('GET', `/api/reports/${encodeURIComponent(`${reportId}x`)}`, { token });
    expect([unknown.status, unknown.body.code]).toEqual([404, 'unknown-report']);
    const format = await api.request('GET', `/api/reports/${encodeURIComponent(reportId)}/download?format=docx`, { token });
    expect([format.status, format.body.code]).toEqual([400, 'invalid-query']);
  });
});
