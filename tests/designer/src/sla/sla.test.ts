import { beforeAll, describe, expect, test } from 'vitest';
import type { BusinessCalendar } from '@engine/calendar/business-calendar.js';
import { loadCalendar } from '../../../../scripts/calendar/calendar-files.js';
import { slaOf, workingDayMsOf, workingDurationParts } from '../../../../designer/src/sla/sla.js';

let calendar: BusinessCalendar;
beforeAll(async () => {
  calendar = await loadCalendar('vn-national');
});

const at = (text: string) => Date.parse(text);
const task = (dueAt: string | null, dueSoonAt: string | null = null, overdue = false) => ({ dueAt, dueSoonAt, overdue });

describe('SLA of a task on the dossier’s calendar', () => {
  test('counts working time left across the Tết break, not clock time', () => {
    // Thu 12 Feb 2026 16:00 → due Mon 23 Feb 2026 10:00: 1 working hour on the 12th, 8 on Friday 13th, 2 on the 23rd; the Tết break (14–22) counts nothing.
    const sla = slaOf(task('2026-02-23T10:00:00+07:00', '2026-02-23T09:00:00+07:00'), at('2026-02-12T16:00:00+07:00'), calendar);
    expect(sla).toEqual({ state: 'on-track', workingMsLeft: 11 * 3_600_000 });
  });

  test('due soon once the due-soon instant has passed', () => {
    expect(slaOf(task('2026-03-10T17:00:00+07:00', '2026-03-10T09:00:00+07:00'), at('2026-03-10T10:00:00+07:00'), calendar)).toEqual({ state: 'due-soon', workingMsLeft: 6 * 3_600_000 });
  });

  test('overdue by whole working days, skipping the weekend', () => {
    // Due Fri 6 Mar 2026 17:00; by Wed 11 Mar 12:00 two whole working days (Mon, Tue) and 4 working hours have passed.
    const sla = slaOf(task('2026-03-06T17:00:00+07:00', null, true), at('2026-03-11T12:00:00+07:00'), calendar);
    expect(sla).toMatchObject({ state: 'overdue', workingDaysLate: 2, workingMsLate: 20 * 3_600_000 });
  });

  test('the overdue flag wins even before the deadline passes on this clock', () => {
    expect(slaOf(task('2026-03-10T17:00:00+07:00', null, true), at('2026-03-10T16:00:00+07:00'), calendar)).toEqual({ state: 'overdue', workingMsLate: 0, workingDaysLate: 0 });
  });

  test('without a deadline, without a calendar, or outside its years: the state alone', () => {
    expect(slaOf(task(null), at('2026-03-10T10:00:00+07:00'), calendar)).toEqual({ state: 'no-deadline' });
    expect(slaOf(task('2026-03-10T17:00:00+07:00'), at('2026-03-10T10:00:00+07:00'))).toEqual({ state: 'on-track' });
    expect(slaOf(task('2199-03-10T17:00:00+07:00'), at('2199-03-09T10:00:00+07:00'), calendar)).toEqual({ state: 'on-track' });
  });
});

test('working time in legal units, largest first', () => {
  const day = workingDayMsOf(calendar);
  expect(day).toBe(8 * 3_600_000);
  expect(workingDurationParts(day + 3 * 3_600_000 + 5 * 60_000, day)).toEqual(['1WD', '3WH']);
  expect(workingDurationParts(2 * 3_600_000 + 15 * 60_000, day)).toEqual(['2WH', '15WM']);
  expect(workingDurationParts(40 * 60_000, day)).toEqual(['40WM']);
  expect(workingDurationParts(2 * day, day)).toEqual(['2WD']);
});
