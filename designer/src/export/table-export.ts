import writeXlsxFile from 'write-excel-file/browser';

export type CellValue = string | number | Date | null;

/** One column of an exported list: its header and how a row fills it. */
export interface ExportColumn<Row> {
  header: string;
  value: (row: Row) => CellValue;
}

function csvCell(value: CellValue): string {
  const text = value === null ? '' : value instanceof Date ? value.toISOString() : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * The list as CSV (RFC 4180: CRLF, quoted when needed), with a byte-order mark so that Excel reads
 * the Vietnamese letters as UTF-8.
 */
export function toCsv<Row>(columns: ReadonlyArray<ExportColumn<Row>>, rows: readonly Row[]): string {
  const lines = [columns.map((column) => csvCell(column.header)), ...rows.map((row) => columns.map((column) => csvCell(column.value(row))))];
  return `\uFEFF${lines.map((cells) => cells.join(',')).join('\r\n')}\r\n`;
}

/** The list as an Excel workbook of one sheet: a bold header row, dates as dates. */
export function toXlsx<Row>(columns: ReadonlyArray<ExportColumn<Row>>, rows: readonly Row[]): Promise<Blob> {
  const header = columns.map((column) => ({ value: column.header, fontWeight: 'bold' as const }));
  const body = rows.map((row) =>
    columns.map((column) => {
      const value = column.value(row);
      return value instanceof Date ? { value, type: Date, format: 'dd/mm/yyyy hh:mm' } : value;
    }),
  );
  return writeXlsxFile([header, ...body]).toBlob();
}
