import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { centred, embedVietnameseFonts, wrap } from '../../activities/documents/pdf-text.js';
import type { ReportDocument } from '../../store/reports/report-model.js';
import { reportTable, type Cell } from './report-table.js';

const pageSize: [number, number] = [841.89, 595.28];
const margin = 28;
const titleWidth = 150;
const numberWidth = 22;
const headingSize = 6.5;
const bodySize = 8;
const lineHeight = 9;

/** Draws lines of text in a cell box (top-left at x, y), centred or from the left, with its border. */
function cell(page: PDFPage, lines: string[], font: PDFFont, size: number, box: { x: number; y: number; width: number; height: number }, align: 'centre' | 'left' | 'right'): void {
  page.drawRectangle({ x: box.x, y: box.y - box.height, width: box.width, height: box.height, borderColor: rgb(0.4, 0.4, 0.4), borderWidth: 0.5 });
  lines.forEach((line, index) => {
    const y = box.y - 3 - (index + 1) * (size + 1.5);
    const textWidth = font.widthOfTextAtSize(line, size);
    const x = align === 'left' ? box.x + 2 : align === 'right' ? box.x + box.width - 2 - textWidth : box.x + (box.width - textWidth) / 2;
    page.drawText(line, { x, y, size, font });
  });
}

const text = (value: Cell) => (value === null ? '' : typeof value === 'number' ? value.toLocaleString('vi-VN') : value);

/** The report as a printable PDF: A4 landscape, the form's two heading rows repeated on every page, in Noto Sans. */
export async function reportPdf(report: ReportDocument): Promise<Buffer> {
  const table = reportTable(report);
  const document = await PDFDocument.create();
  const { regular, bold } = await embedVietnameseFonts(document);
  document.setTitle(table.title);
  document.setProducer('MotCua');
  document.setCreationDate(report.producedAt);
  const figureWidth = (pageSize[0] - 2 * margin - numberWidth - titleWidth) / (table.headings.length - 2);
  const widths = table.headings.map((_, index) => (index === 0 ? numberWidth : index === 1 ? titleWidth : figureWidth));
  const left = (column: number) => margin + widths.slice(0, column).reduce((sum, width) => sum + width, 0);

  let page: PDFPage;
  let y = 0;
  const startPage = () => {
    page = document.addPage(pageSize);
    y = pageSize[1] - margin;
    for (const line of wrap(table.title, bold, 11, pageSize[0] - 2 * margin)) {
      centred(page, line, bold, 11, pageSize[0] / 2, y - 11);
      y -= 15;
    }
    centred(page, table.subtitle, regular, 8, pageSize[0] / 2, y - 9);
    y -= 18;
    // The group row, with one-column groups spanning the heading row below.
    const groupLines = table.groups.map(({ title, span }) => wrap(title, bold, headingSize, span * figureWidth - 4));
    const headingLines = table.headings.map((heading, index) => wrap(heading, bold, headingSize, widths[index]! - 4));
    const groupHeight = Math.max(...groupLines.filter((_, index) => table.groups[index]!.span > 1).map((lines) => lines.length)) * (headingSize + 1.5) + 6;
    const headingHeight = Math.max(...headingLines.map((lines) => lines.length), ...groupLines.map((lines) => lines.length)) * (headingSize + 1.5) + 6;
    let column = 0;
    table.groups.forEach(({ span }, index) => {
      const width = widths.slice(column, column + span).reduce((sum, each) => sum + each, 0);
      const lines = span === 1 ? wrap(table.groups[index]!.title, bold, headingSize, width - 4) : groupLines[index]!;
      cell(page, lines, bold, headingSize, { x: left(column), y, width, height: span === 1 ? groupHeight + headingHeight : groupHeight }, 'centre');
      if (span > 1) for (let each = column; each < column + span; each += 1) cell(page, headingLines[each]!, bold, headingSize, { x: left(each), y: y - groupHeight, width: widths[each]!, height: headingHeight }, 'centre');
      column += span;
    });
    y -= groupHeight + headingHeight;
  };

  startPage();
  table.rows.forEach((row, rowIndex) => {
    const font = rowIndex === table.rows.length - 1 ? bold : regular;
    const titleLines = wrap(text(row[1]!), font, bodySize, titleWidth - 4);
    const height = titleLines.length * lineHeight + 6;
    if (y - height < margin) startPage();
    row.forEach((value, index) => cell(page, index === 1 ? titleLines : [text(value)], font, bodySize, { x: left(index), y, width: widths[index]!, height }, index === 1 ? 'left' : index === 0 ? 'centre' : 'right'));
    y -= height;
  });
  return Buffer.from(await document.save());
}
