import type { ReportDocument } from '../../store/reports/report-model.js';
import { reportTable, type Cell } from './report-table.js';

function csvCell(cell: Cell): string {
  const text = cell === null ? '' : String(cell);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The report as CSV (RFC 4180, UTF-8 with a byte-order mark so spreadsheet programs read the Vietnamese): one heading row, "group – column". */
export function reportCsv(report: ReportDocument): string {
  const table = reportTable(report);
  const headings = table.groups.flatMap(({ title, span }) => Array.from({ length: span }, () => title)).map((group, index) => (table.headings[index] ? `${group} – ${table.headings[index]}` : group));
  return `\uFEFF${[headings, ...table.rows].map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
