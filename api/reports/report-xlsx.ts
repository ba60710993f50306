import ExcelJS from 'exceljs';
import type { ReportDocument } from '../../store/reports/report-model.js';
import { reportTable } from './report-table.js';

/** The report as an XLSX workbook: title, the two heading rows with merged group cells, the rows and the total in bold. */
export async function reportXlsx(report: ReportDocument): Promise<Buffer> {
  const table = reportTable(report);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'MotCua';
  workbook.created = report.producedAt;
  const sheet = workbook.addWorksheet(report.period.key);
  const width = table.headings.length;
  sheet.addRow([table.title]).font = { bold: true, size: 13 };
  sheet.mergeCells(1, 1, 1, width);
  sheet.addRow([table.subtitle]);
  sheet.mergeCells(2, 1, 2, width);
  const groupRow = sheet.addRow(table.groups.flatMap(({ title, span }) => [title, ...Array<string>(span - 1).fill('')]));
  const headingRow = sheet.addRow(table.headings);
  let column = 1;
  for (const { span } of table.groups) {
    // A group of one column spans both heading rows; a wider one spans its columns.
    if (span === 1) sheet.mergeCells(groupRow.number, column, headingRow.number, column);
    else sheet.mergeCells(groupRow.number, column, groupRow.number, column + span - 1);
    column += span;
  }
  for (const row of [groupRow, headingRow]) {
    row.font = { bold: true };
    row.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  }
  for (const cells of table.rows) sheet.addRow(cells);
  sheet.lastRow!.font = { bold: true };
  sheet.getColumn(2).width = 36;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
