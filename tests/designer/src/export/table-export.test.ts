import { strFromU8, unzipSync } from 'fflate';
import { expect, test } from 'vitest';
import { toCsv, toXlsx, type ExportColumn } from '../../../../designer/src/export/table-export.js';

interface Row {
  code: string;
  name: string | null;
  receivedAt: Date;
  count: number;
}

const columns: ExportColumn<Row>[] = [
  { header: 'Mã hồ sơ', value: (row) => row.code },
  { header: 'Người nộp', value: (row) => row.name },
  { header: 'Ngày tiếp nhận', value: (row) => row.receivedAt },
  { header: 'Số lần', value: (row) => row.count },
];
const rows: Row[] = [
  { code: '000.00.12.H56-261203-0001', name: 'Nguyễn Văn "An", Hà Nội', receivedAt: new Date('2026-12-03T01:00:00Z'), count: 2 },
  { code: '000.00.12.H56-261203-0002', name: null, receivedAt: new Date('2026-12-03T02:30:00Z'), count: 0 },
];

test('CSV: a byte-order mark for Excel, CRLF lines, quotes and commas escaped, empty for null', () => {
  expect(toCsv(columns, rows)).toBe(
    '\uFEFFMã hồ sơ,Người nộp,Ngày tiếp nhận,Số lần\r\n' +
      '000.00.12.H56-261203-0001,"Nguyễn Văn ""An"", Hà Nội",2026-12-03T01:00:00.000Z,2\r\n' +
      '000.00.12.H56-261203-0002,,2026-12-03T02:30:00.000Z,0\r\n',
  );
});

test('XLSX: one sheet holding the header and every row, the Vietnamese text intact', async () => {
  const blob = await toXlsx(columns, rows);
  const files = unzipSync(new Uint8Array(await blob.arrayBuffer()));
  const workbook = Object.entries(files).map(([name, bytes]) => (name.endsWith('.xml') ? strFromU8(bytes) : '')).join('\n');
  for (const text of ['Mã hồ sơ', 'Người nộp', '000.00.12.H56-261203-0001', '000.00.12.H56-261203-0002', 'Nguyễn Văn "An", Hà Nội']) {
    expect(workbook).toContain(text);
  }
  const sheet = strFromU8(files['xl/worksheets/sheet1.xml']!);
  expect(sheet.match(/<row /g)).toHaveLength(3);
});
