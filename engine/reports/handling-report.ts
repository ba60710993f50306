import type { DossierStatus } from '../dossier/dossier-status.js';

/** What a report reads of one dossier (instants in UTC ms). */
export interface ReportDossier {
  procedureCode: string;
  procedureName: string;
  /** Lĩnh vực; dossiers of a procedure filed under none are grouped apart. */
  field?: string | undefined;
  channel: 'in-person' | 'online' | 'post';
  status: DossierStatus;
  receivedAt: number;
  finishedAt?: number | undefined;
  dueAt?: number | undefined;
  punctuality?: 'early' | 'on-time' | 'late' | undefined;
}

/**
 * The columns of the report on handling administrative procedures, in the order of the form the
 * Government's reporting system takes (received: new by channel and carried over; finished early /
 * on time / late; not handled: refused, withdrawn; still in progress in time / overdue). The
 * downloads (XLSX, CSV, PDF) and the API read their headings from here.
 */
export const handlingColumns = [
  { id: 'received', group: 'Số hồ sơ nhận giải quyết', heading: 'Tổng số' },
  { id: 'receivedOnline', group: 'Số hồ sơ nhận giải quyết', heading: 'Mới tiếp nhận trực tuyến' },
  { id: 'receivedInPerson', group: 'Số hồ sơ nhận giải quyết', heading: 'Mới tiếp nhận trực tiếp' },
  { id: 'receivedByPost', group: 'Số hồ sơ nhận giải quyết', heading: 'Mới tiếp nhận qua bưu chính' },
  { id: 'carriedOver', group: 'Số hồ sơ nhận giải quyết', heading: 'Từ kỳ trước chuyển sang' },
  { id: 'finished', group: 'Số hồ sơ đã giải quyết', heading: 'Tổng số' },
  { id: 'finishedEarly', group: 'Số hồ sơ đã giải quyết', heading: 'Trước hạn' },
  { id: 'finishedOnTime', group: 'Số hồ sơ đã giải quyết', heading: 'Đúng hạn' },
  { id: 'finishedLate', group: 'Số hồ sơ đã giải quyết', heading: 'Quá hạn' },
  { id: 'refused', group: 'Số hồ sơ không giải quyết', heading: 'Từ chối, trả lại' },
  { id: 'withdrawn', group: 'Số hồ sơ không giải quyết', heading: 'Rút, dừng giải quyết' },
  { id: 'inProgress', group: 'Số hồ sơ đang giải quyết', heading: 'Tổng số' },
  { id: 'inProgressInTime', group: 'Số hồ sơ đang giải quyết', heading: 'Trong hạn' },
  { id: 'inProgressOverdue', group: 'Số hồ sơ đang giải quyết', heading: 'Quá hạn' },
] as const;

export type HandlingFigure = (typeof handlingColumns)[number]['id'];
export type HandlingFigures = Record<HandlingFigure, number>;

/** The rates after the figures: percentages with one decimal, null when there is nothing to divide by. */
export const handlingRates = [
  { id: 'onTimeRate', heading: 'Tỷ lệ giải quyết trước và đúng hạn (%)' },
  { id: 'overdueRate', heading: 'Tỷ lệ hồ sơ quá hạn (%)' },
  { id: 'onlineShare', heading: 'Tỷ lệ tiếp nhận trực tuyến (%)' },
] as const;

export type HandlingRate = (typeof handlingRates)[number]['id'];
export type HandlingRates = Record<HandlingRate, number | null>;

export const reportGroupings = ['field', 'procedure'] as const;
export type ReportGrouping = (typeof reportGroupings)[number];

export interface HandlingRow {
  /** The field's name or the procedure's code. */
  key: string;
  title: string;
  figures: HandlingFigures;
  rates: HandlingRates;
}

export interface HandlingReport {
  /** The period's first instant and the instant it is counted to: its end, or the moment of the report if earlier. */
  from: number;
  until: number;
  rows: HandlingRow[];
  total: Omit<HandlingRow, 'key' | 'title'>;
}

/** The row of dossiers filed under no field. */
export const noFieldTitle = 'Chưa xếp lĩnh vực';

const channelFigure = { online: 'receivedOnline', 'in-person': 'receivedInPerson', post: 'receivedByPost' } as const;
const punctualityFigure = { early: 'finishedEarly', 'on-time': 'finishedOnTime', late: 'finishedLate' } as const;

function zero(): HandlingFigures {
  return Object.fromEntries(handlingColumns.map(({ id }) => [id, 0])) as HandlingFigures;
}

function percent(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 1000) / 10;
}

function rates(figures: HandlingFigures): HandlingRates {
  const received = figures.receivedOnline + figures.receivedInPerson + figures.receivedByPost;
  return {
    onTimeRate: percent(figures.finishedEarly + figures.finishedOnTime, figures.finished),
    overdueRate: percent(figures.finishedLate + figures.inProgressOverdue, figures.received),
    onlineShare: percent(figures.receivedOnline, received),
  };
}

/**
 * Adds one dossier to the figures of [from, until): it counts when received before `until` and not
 * ended before `from`. Received before `from`, it is carried over; ended (result returned, refused,
 * withdrawn or stopped) before `until`, it is finished by its punctuality, refused or withdrawn;
 * otherwise it is in progress, overdue when its appointment date is before `until`. So received =
 * finished + refused + withdrawn + in progress, for every row.
 */
function count(figures: HandlingFigures, dossier: ReportDossier, from: number, until: number): void {
  figures.received += 1;
  figures[dossier.receivedAt < from ? 'carriedOver' : channelFigure[dossier.channel]] += 1;
  const ended = dossier.finishedAt !== undefined && dossier.finishedAt < until;
  if (ended && dossier.status === 'returned') {
    figures.finished += 1;
    if (dossier.punctuality) figures[punctualityFigure[dossier.punctuality]] += 1;
  } else if (ended && dossier.status === 'rejected') figures.refused += 1;
  else if (ended && dossier.status === 'stopped') figures.withdrawn += 1;
  else {
    figures.inProgress += 1;
    figures[dossier.dueAt !== undefined && dossier.dueAt < until ? 'inProgressOverdue' : 'inProgressInTime'] += 1;
  }
}

/** Whether a dossier belongs to the period [from, until): received before its end, not ended before its start. */
export function inReportPeriod(dossier: Pick<ReportDossier, 'receivedAt' | 'finishedAt'>, from: number, until: number): boolean {
  return dossier.receivedAt < until && (dossier.finishedAt === undefined || dossier.finishedAt >= from);
}

/** The report on handling administrative procedures of [from, until), a row per field or per procedure, with the total. */
export function handlingReport(dossiers: Iterable<ReportDossier>, period: { from: number; until: number }, grouping: ReportGrouping): HandlingReport {
  const { from, until } = period;
  const rows = new Map<string, { title: string; figures: HandlingFigures }>();
  const total = zero();
  for (const dossier of dossiers) {
    if (!inReportPeriod(dossier, from, until)) continue;
    const [key, title] = grouping === 'field' ? [dossier.field ?? '', dossier.field ?? noFieldTitle] : [dossier.procedureCode, dossier.procedureName];
    const row = rows.get(key) ?? { title, figures: zero() };
    rows.set(key, row);
    count(row.figures, dossier, from, until);
    count(total, dossier, from, until);
  }
  return {
    from,
    until,
    rows: [...rows.entries()]
      .map(([key, { title, figures }]) => ({ key, title, figures, rates: rates(figures) }))
      .sort((a, b) => (a.key === '' ? 1 : b.key === '' ? -1 : a.title.localeCompare(b.title, 'vi'))),
    total: { figures: total, rates: rates(total) },
  };
}
