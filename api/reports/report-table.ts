import { handlingColumns, handlingRates } from '../../engine/reports/handling-report.js';
import type { ReportDocument } from '../../store/reports/report-model.js';

export type Cell = string | number | null;

/** A report laid out as the form's table: two heading rows (groups, then columns), a row per field or procedure, the total. */
export interface ReportTable {
  title: string;
  subtitle: string;
  groups: Array<{ title: string; span: number }>;
  headings: string[];
  rows: Cell[][];
}

const firstHeading = { field: 'Lĩnh vực', procedure: 'Thủ tục hành chính' } as const;

/** The one layout the CSV, XLSX and PDF downloads print. */
export function reportTable(report: ReportDocument): ReportTable {
  const groups: ReportTable['groups'] = [{ title: 'STT', span: 1 }, { title: firstHeading[report.grouping], span: 1 }];
  for (const column of handlingColumns) {
    const last = groups.at(-1)!;
    if (last.title === column.group) last.span += 1;
    else groups.push({ title: column.group, span: 1 });
  }
  for (const rate of handlingRates) groups.push({ title: rate.heading, span: 1 });
  const line = (number: Cell, title: string, row: ReportDocument['total']): Cell[] => [
    number,
    title,
    ...handlingColumns.map(({ id }) => row.figures[id]),
    ...handlingRates.map(({ id }) => row.rates[id]),
  ];
  return {
    title: `TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH — ${report.period.title.toUpperCase()}`,
    subtitle: `${report.agencyName} · số liệu từ ${report.from.toISOString()} đến ${report.until.toISOString()}`,
    groups,
    headings: ['', '', ...handlingColumns.map(({ heading }) => heading), ...handlingRates.map(() => '')],
    rows: [...report.rows.map((row, index) => line(index + 1, row.title, row)), line(null, 'Tổng cộng', report.total)],
  };
}
