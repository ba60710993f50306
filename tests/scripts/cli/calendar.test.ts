import { afterEach, describe, expect, it, vi } from 'vitest';
import { run } from '../../../scripts/cli/calendar.js';

async function calendar(...args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((line: string) => void out.push(line));
  vi.spyOn(console, 'error').mockImplementation((line: string) => void err.push(line));
  const code = await run(args);
  return { code, out, err };
}

afterEach(() => vi.restoreAllMocks());

describe('motcua calendar', () => {
  it('lists 2026’s non-working days with their reasons, and the Saturdays worked', async () => {
    const { code, out, err } = await calendar('2026');
    expect(code).toBe(0);
    expect(err).toEqual([]);
    expect(out[0]).toMatch(/^vn-national 2026 \(announced\) · version [0-9a-f]{12}$/);
    const listed = out.filter((line) => /^ {2}\d{4}-/.test(line)).map((line) => line.slice(2, 16));
    expect(listed).toEqual([
      '2026-01-01 Thu',
      '2026-01-02 Fri',
      '2026-02-16 Mon',
      '2026-02-17 Tue',
      '2026-02-18 Wed',
      '2026-02-19 Thu',
      '2026-02-20 Fri',
      '2026-04-27 Mon',
      '2026-04-30 Thu',
      '2026-05-01 Fri',
      '2026-08-31 Mon',
      '2026-09-01 Tue',
      '2026-09-02 Wed',
      '2026-01-10 Sat',
      '2026-08-22 Sat',
    ]);
    expect(out).toContain('  2026-04-27 Mon  compensatory day off: Giỗ Tổ Hùng Vương (10/3 Bính Ngọ) falls on Sunday 26 April');
    expect(out).toContain('102 weekly rest days (Saturday, Sunday); 250 working days.');
    expect(out.some((line) => line.startsWith('Source: Notice 9441/TB-BNV'))).toBe(true);
  });

  it('marks 2027 as generated from the Labour Code', async () => {
    const { out } = await calendar('2027');
    expect(out[0]).toMatch(/^vn-national 2027 \(generated\)/);
    expect(out).toContain('  2027-02-10 Wed  compensatory day off: Tết Nguyên Đán: mùng 1 (lunar new year) falls on saturday 2027-02-06');
  });

  it('drafts a year not loaded yet from the Labour Code, as data', async () => {
    const { code, out } = await calendar('2028', '--generate');
    expect(code).toBe(0);
    const draft = JSON.parse(out.join('\n'));
    expect(draft.status).toBe('generated');
    expect(draft.daysOff.map((entry: { from: string }) => entry.from)).toContain('2028-01-26'); // Tết Mậu Thân
  });

  it.each([
    [[], /^motcua calendar: which year\?/],
    [['26'], /^motcua calendar: "26" is not one year such as 2026/],
    [['2026', '2027'], /is not one year/],
    [['2028'], /^motcua calendar: calendar vn-national has no year 2028 \(loaded: 2025–2027\); `motcua calendar 2028 --generate` drafts it/],
    [['1850', '--generate'], /^motcua calendar: lunar year 1850 is outside 1900–2100$/],
    [['2026', '--calendar', 'Bad Id'], /^motcua calendar: "Bad Id" is not a calendar id/],
    [['2026', '--all'], /^motcua calendar: Unknown option '--all'/],
  ])('rejects %j with one clear line and exit code 2', async (args, message) => {
    const { code, out, err } = await calendar(...args);
    expect(code).toBe(2);
    expect(out).toEqual([]);
    expect(err).toHaveLength(1);
    expect(err[0]).toMatch(message);
  });
});
