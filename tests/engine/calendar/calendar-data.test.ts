import { describe, expect, it } from 'vitest';
import {
  BusinessCalendar,
  CalendarDataError,
  layerCalendarData,
  validateCalendarData,
  type CalendarData,
  type CalendarIssue,
} from '../../../engine/calendar/index.js';
import saturdayOffice from './fixtures/saturday-office.json' with { type: 'json' };
import { nationalData } from './national-calendar.js';

function issuesOf(input: unknown, layer?: unknown): CalendarIssue[] {
  try {
    if (layer === undefined) validateCalendarData(input);
    else layerCalendarData(input as CalendarData, layer);
  } catch (error) {
    expect(error).toBeInstanceOf(CalendarDataError);
    return [...(error as CalendarDataError).issues];
  }
  throw new Error('the data was accepted');
}

function edited(edit: (data: CalendarData) => void): CalendarData {
  const data = nationalData();
  edit(data);
  return data;
}

describe('calendar data', () => {
  it('accepts the shipped national data: 2025 and 2026 as announced, 2027 generated', () => {
    const data = nationalData();
    expect(Object.keys(data.years)).toEqual(['2025', '2026', '2027']);
    expect([data.years['2025']!.status, data.years['2026']!.status, data.years['2027']!.status]).toEqual(['announced', 'announced', 'generated']);
  });

  it.each<[string, (data: CalendarData) => void, string, RegExp]>([
    [
      'overlapping sessions',
      (data) => (data.sessions = [{ start: '08:00', end: '12:00' }, { start: '11:30', end: '17:00' }]),
      'sessions[1]',
      /overlaps 08:00–12:00/,
    ],
    ['a session ending before it starts', (data) => (data.sessions = [{ start: '13:00', end: '12:00' }]), 'sessions[0]', /ends before it starts/],
    ['an unknown time zone', (data) => (data.timeZone.name = 'Asia/Hanoi'), 'timeZone.name', /unknown time zone "Asia\/Hanoi"/],
    ['an offset that is not the zone’s', (data) => (data.timeZone.utcOffset = '+08:00'), 'timeZone.utcOffset', /Asia\/Ho_Chi_Minh is \+07:00, not \+08:00/],
    ['a year missing', (data) => delete data.years['2026'], 'years', /year 2026 is missing between 2025 and 2027/],
    ['no year at all', (data) => (data.years = {}), 'years', /at least one year/],
    [
      'a holiday outside its year',
      (data) => data.years['2026']!.daysOff.push({ from: '2025-12-31', reason: 'wrong file' }),
      'years.2026.daysOff[9].from',
      /2025-12-31 is outside its year 2026/,
    ],
    ['a date that does not exist', (data) => (data.years['2026']!.daysOff[0]!.from = '2026-02-30'), 'years.2026.daysOff[0].from', /expected a date/],
    [
      'a range ending before it starts',
      (data) => (data.years['2026']!.daysOff[2]!.to = '2026-02-10'),
      'years.2026.daysOff[2].to',
      /2026-02-10 is before 2026-02-16/,
    ],
    [
      'a day listed twice',
      (data) => data.years['2026']!.daysOff.push({ from: '2026-02-18', reason: 'again' }),
      'years.2026.daysOff[9]',
      /already listed at years\.2026\.daysOff\[2\]/,
    ],
    [
      'a working day that already works',
      (data) => data.years['2026']!.workingDays.push({ from: '2026-03-04', reason: 'a Wednesday' }),
      'years.2026.workingDays[2]',
      /2026-03-04 is a wednesday, already a standard working day/,
    ],
    ['a cut-off that is no time of day', (data) => (data.receiptCutoff = '25:00'), 'receiptCutoff', /HH:MM/],
    ['a weekday missing', (data) => delete (data.week as Partial<CalendarData['week']>).sunday, 'week.sunday', /expected/],
    ['an empty weekday', (data) => (data.week.saturday = []), 'week.saturday', /write "rest"/],
    ['a year key that is no year', (data) => (data.years['26'] = data.years['2026']!), 'years.26', /expected a year/],
    ['a reason left empty', (data) => (data.years['2025']!.daysOff[0]!.reason = ' '), 'years.2025.daysOff[0].reason', /say why/],
    ['an unknown field', (data) => Object.assign(data, { holidays: [] }), '(top level)', /holidays/],
  ])('rejects %s, naming the field', (_, edit, path, message) => {
    const issues = issuesOf(edited(edit));
    expect(issues).toContainEqual({ path, message: expect.stringMatching(message) });
  });

  it('puts every issue, with the calendar id, in one error message', () => {
    const data = edited((data) => {
      data.timeZone.name = 'Mars/Olympus';
      delete data.years['2026'];
    });
    expect(() => new BusinessCalendar(data)).toThrow(/^calendar vn-national: timeZone\.name: unknown time zone .*; years: year 2026 is missing/);
  });
});

describe('agency calendars layered over the national one', () => {
  it('takes the agency’s weekdays and cut-off, and lets its days win over national ones', () => {
    const layered = layerCalendarData(nationalData(), saturdayOffice);
    expect(layered.id).toBe('example-saturday-office');
    expect(layered.receiptCutoff).toBe('16:00');
    expect(layered.week.saturday).toEqual([{ start: '07:30', end: '11:30' }]);
    // The national Tết range 16–20 Feb is split around the day the office opens.
    expect(layered.years['2026']!.daysOff).toContainEqual({ from: '2026-02-16', to: '2026-02-19', reason: expect.stringContaining('Tết Nguyên Đán') });
    const calendar = new BusinessCalendar(layered);
    expect(calendar.day('2026-03-07')).toMatchObject({ kind: 'working', sessions: [{ start: '07:30', end: '11:30' }] });
    expect(calendar.day('2026-02-14')).toMatchObject({ kind: 'day-off', reason: 'closed on the Saturdays of the Tết break' });
    expect(calendar.day('2026-02-20')).toMatchObject({ kind: 'swapped-working', sessions: [{ start: '08:00', end: '11:00' }] });
    // A national working Saturday is a full standard day at this office.
    expect(calendar.day('2026-01-10')).toMatchObject({ kind: 'swapped-working', sessions: [{ start: '08:00', end: '12:00' }, { start: '13:00', end: '17:00' }] });
    expect(calendar.version).not.toBe(new BusinessCalendar(nationalData()).version);
  });

  it('rejects an override of another national calendar, of a year not loaded, or with bad sessions', () => {
    expect(issuesOf(nationalData(), { ...saturdayOffice, extends: 'vn-other' })).toEqual([
      { path: 'extends', message: 'extends "vn-other", but the national calendar given is "vn-national"' },
    ]);
    expect(issuesOf(nationalData(), { ...saturdayOffice, years: { 2028: { daysOff: [] } } })).toEqual([
      { path: 'years.2028', message: 'vn-national has no year 2028 to override' },
    ]);
    const overlapping = { ...saturdayOffice, week: { saturday: [{ start: '07:30', end: '11:30' }, { start: '11:00', end: '12:00' }] } };
    expect(issuesOf(nationalData(), overlapping)).toContainEqual({ path: 'week.saturday[1]', message: expect.stringMatching(/overlaps/) });
  });
});

describe('version hash', () => {
  it('is the same for equal data in any key order and changes with any edit', () => {
    const data = nationalData();
    const reordered = Object.fromEntries(Object.entries(data).reverse());
    expect(new BusinessCalendar(reordered).version).toBe(new BusinessCalendar(data).version);
    expect(new BusinessCalendar(edited((d) => (d.receiptCutoff = '16:00'))).version).not.toBe(new BusinessCalendar(data).version);
    expect(new BusinessCalendar(data).version).toMatch(/^[0-9a-f]{64}$/);
  });
});
