import fc from 'fast-check';
import { dayNumber, formatClockTime, formatIsoDate, weekdayOf, weekdays } from '../../../engine/calendar/civil-date.js';
import { BusinessCalendar, validateCalendarData, type CalendarData } from '../../../engine/calendar/index.js';

/**
 * Random business calendars for fuzzing the calendar arithmetic: random sessions, week plans
 * (standard, rest or sessions of their own), days off and make-up working days over 2025–2027.
 */

const years = [2025, 2026, 2027];

/** Sessions in order and apart: sorted distinct minutes of the day, paired. */
const sessions = fc
  .uniqueArray(fc.integer({ min: 0, max: 1439 }), { minLength: 2, maxLength: 6 })
  .map((minutes) => {
    const sorted = [...minutes].sort((a, b) => a - b);
    const pairs = [];
    for (let index = 0; index + 1 < sorted.length; index += 2) pairs.push({ start: formatClockTime(sorted[index]!), end: formatClockTime(sorted[index + 1]!) });
    return pairs;
  });

const weekdayPlan = fc.oneof(fc.constant('standard' as const), fc.constant('rest' as const), sessions);

type Week = CalendarData['week'];

/** A week with at least one day of work: the data check refuses a week of rest days. */
const week: fc.Arbitrary<Week> = fc
  .tuple(...weekdays.map(() => weekdayPlan))
  .filter((plans) => plans.some((plan) => plan !== 'rest'))
  .map((plans) => Object.fromEntries(weekdays.map((day, index) => [day, plans[index]])) as Week);

/** One year's days off and make-up days, on distinct days; a make-up day on a standard weekday needs its own sessions. */
function yearEntries(year: number, plan: Week) {
  const length = dayNumber(year, 12, 31) - dayNumber(year, 1, 1) + 1;
  return fc
    .record({
      days: fc.uniqueArray(fc.integer({ min: 0, max: length - 1 }), { maxLength: 40 }),
      offShare: fc.double({ min: 0, max: 1, noNaN: true }),
      ownSessions: fc.array(fc.option(sessions, { nil: undefined }), { minLength: 40, maxLength: 40 }),
    })
    .map(({ days, offShare, ownSessions }) => {
      const split = Math.round(days.length * offShare);
      const dates = days.map((offset) => dayNumber(year, 1, 1) + offset);
      return {
        status: 'generated' as const,
        daysOff: dates.slice(0, split).map((day) => ({ from: formatIsoDate(day), reason: 'nghỉ' })),
        workingDays: dates.slice(split).map((day, index) => {
          const own = ownSessions[index] ?? (plan[weekdayOf(day)] === 'standard' ? [{ start: '08:00', end: '12:00' }] : undefined);
          return { from: formatIsoDate(day), reason: 'làm bù', ...(own ? { sessions: own } : {}) };
        }),
      };
    });
}

export const randomCalendar: fc.Arbitrary<BusinessCalendar> = fc
  .record({ sessions, week, receiptCutoff: fc.option(fc.integer({ min: 0, max: 1439 }).map(formatClockTime), { nil: null }) })
  .chain(({ sessions, week, receiptCutoff }) =>
    fc.tuple(...years.map((year) => yearEntries(year, week))).map((entries) =>
      new BusinessCalendar(
        validateCalendarData({
          id: 'fuzz',
          name: 'Lịch ngẫu nhiên',
          timeZone: { name: 'Asia/Ho_Chi_Minh', utcOffset: '+07:00' },
          sessions,
          week,
          receiptCutoff,
          years: Object.fromEntries(years.map((year, index) => [String(year), entries[index]])),
        }),
      ),
    ),
  );
