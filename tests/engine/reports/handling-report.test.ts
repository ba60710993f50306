import { describe, expect, it } from 'vitest';
import { handlingColumns, handlingReport, noFieldTitle, type HandlingFigures, type ReportDossier } from '../../../engine/reports/handling-report.js';
import { periodBounds } from '../../../engine/reports/report-period.js';

const hour = 3_600_000;
const vietnam = 7 * hour;
/** A local (UTC+7) time as an instant. */
const at = (local: string) => Date.parse(`${local}+07:00`);
const november = periodBounds({ kind: 'month', year: 2026, number: 11 }, vietnam);

const base = { procedureCode: 'KS-01', procedureName: 'Đăng ký khai sinh', field: 'Hộ tịch' } as const;
const land = { procedureCode: 'DD-02', procedureName: 'Cấp giấy chứng nhận', field: 'Đất đai' } as const;

/** Each dossier with where it must count in November 2026 (or nowhere). */
const cases: Array<[ReportDossier, string]> = [
  [{ ...base, channel: 'online', status: 'returned', receivedAt: at('2026-10-20T09:00'), finishedAt: at('2026-11-03T10:00'), dueAt: at('2026-11-05T17:00'), punctuality: 'early' }, 'carried over, finished early'],
  [{ ...base, channel: 'in-person', status: 'processing', receivedAt: at('2026-10-01T09:00'), dueAt: at('2026-10-15T17:00') }, 'carried over, in progress overdue'],
  [{ ...base, channel: 'online', status: 'returned', receivedAt: at('2026-10-01T09:00'), finishedAt: at('2026-10-31T23:59'), punctuality: 'on-time' }, 'ended before the period: nowhere'],
  [{ ...base, channel: 'online', status: 'returned', receivedAt: at('2026-11-02T08:00'), finishedAt: at('2026-11-09T08:00'), punctuality: 'on-time' }, 'new online, on time'],
  [{ ...land, channel: 'in-person', status: 'returned', receivedAt: at('2026-11-02T08:00'), finishedAt: at('2026-11-25T08:00'), punctuality: 'late' }, 'new in person, late'],
  [{ ...land, channel: 'post', status: 'rejected', receivedAt: at('2026-11-04T08:00'), finishedAt: at('2026-11-05T08:00') }, 'new by post, refused'],
  [{ ...base, channel: 'in-person', status: 'stopped', receivedAt: at('2026-11-06T08:00'), finishedAt: at('2026-11-07T08:00') }, 'new in person, withdrawn'],
  [{ ...base, field: undefined, channel: 'online', status: 'processing', receivedAt: at('2026-11-10T08:00'), dueAt: at('2026-12-10T17:00') }, 'new online, no field, in time'],
  [{ ...land, channel: 'online', status: 'returned', receivedAt: at('2026-11-11T08:00'), finishedAt: at('2026-12-02T08:00'), dueAt: at('2026-11-20T17:00'), punctuality: 'late' }, 'returned after the period: in progress overdue at its end'],
  [{ ...land, channel: 'in-person', status: 'received', receivedAt: at('2026-11-30T23:30') }, 'the last half hour of the period: new, in time'],
  [{ ...land, channel: 'in-person', status: 'received', receivedAt: at('2026-12-01T00:00') }, 'the first instant after: nowhere'],
];

function figures(values: Partial<HandlingFigures>): HandlingFigures {
  return { ...(Object.fromEntries(handlingColumns.map(({ id }) => [id, 0])) as HandlingFigures), ...values };
}

describe('handlingReport', () => {
  const dossiers = cases.map(([dossier]) => dossier);

  it('counts every column of a month by field, as worked out by hand', () => {
    const report = handlingReport(dossiers, { from: november.from, until: november.to }, 'field');
    expect(report.rows.map((row) => [row.title, row.figures])).toEqual([
      ['Đất đai', figures({ received: 4, receivedInPerson: 2, receivedByPost: 1, receivedOnline: 1, finished: 1, finishedLate: 1, refused: 1, inProgress: 2, inProgressInTime: 1, inProgressOverdue: 1 })],
      ['Hộ tịch', figures({ received: 4, receivedOnline: 1, receivedInPerson: 1, carriedOver: 2, finished: 2, finishedEarly: 1, finishedOnTime: 1, withdrawn: 1, inProgress: 1, inProgressOverdue: 1 })],
      [noFieldTitle, figures({ received: 1, receivedOnline: 1, inProgress: 1, inProgressInTime: 1 })],
    ]);
    expect(report.total.figures).toEqual(
      figures({ received: 9, receivedOnline: 3, receivedInPerson: 3, receivedByPost: 1, carriedOver: 2, finished: 3, finishedEarly: 1, finishedOnTime: 1, finishedLate: 1, refused: 1, withdrawn: 1, inProgress: 4, inProgressInTime: 2, inProgressOverdue: 2 }),
    );
    // On time 2 of 3 finished; overdue (1 late + 2 in progress) of 9; online 3 of the 7 new.
    expect(report.total.rates).toEqual({ onTimeRate: 66.7, overdueRate: 33.3, onlineShare: 42.9 });
    expect(report.rows[2]!.rates).toEqual({ onTimeRate: null, overdueRate: 0, onlineShare: 100 });
  });

  it('keeps received = finished + refused + withdrawn + in progress on every row', () => {
    const report = handlingReport(dossiers, { from: november.from, until: november.to }, 'procedure');
    for (const { figures: f } of [...report.rows, report.total]) {
      expect(f.received).toBe(f.finished + f.refused + f.withdrawn + f.inProgress);
      expect(f.received).toBe(f.receivedOnline + f.receivedInPerson + f.receivedByPost + f.carriedOver);
    }
    expect(report.rows.map((row) => [row.key, row.title, row.figures.received])).toEqual([
      ['DD-02', 'Cấp giấy chứng nhận', 4],
      ['KS-01', 'Đăng ký khai sinh', 5],
    ]);
  });

  it('counts a period still running up to the moment of the report', () => {
    const until = at('2026-11-15T00:00');
    const report = handlingReport(dossiers, { from: november.from, until }, 'field');
    // The late one is not finished yet, the one due on 20 November is not overdue yet, the last one not received.
    expect(report.total.figures).toEqual(
      figures({ received: 8, receivedOnline: 3, receivedInPerson: 2, receivedByPost: 1, carriedOver: 2, finished: 2, finishedEarly: 1, finishedOnTime: 1, refused: 1, withdrawn: 1, inProgress: 4, inProgressInTime: 3, inProgressOverdue: 1 }),
    );
  });

  it('says nothing of a period without dossiers', () => {
    const report = handlingReport([], { from: november.from, until: november.to }, 'field');
    expect(report.rows).toEqual([]);
    expect(report.total).toEqual({ figures: figures({}), rates: { onTimeRate: null, overdueRate: null, onlineShare: null } });
  });
});
