import { BusinessCalendar, type CalendarData } from '../../engine/calendar/index.js';
import { isFirstWorkingDayOfMonth, previousMonth } from '../../engine/reports/report-period.js';
import { currentCalendar } from '../../store/calendars/current-calendar.js';
import { produceReport } from '../../store/reports/produce-report.js';
import type { Store } from '../../store/store.js';

/** The calendar that says which day is the first working one of a month. */
const reportCalendarId = 'vn-national';

/**
 * The monthly reports' activity. The schedule fires on each of a month's first days; on the first
 * working day of the national calendar as published (after Tết that may be the 10th), every
 * agency's report of the month before is produced and kept (again, harmlessly, if a run is repeated).
 */
export function createReportActivities(store: Store, loadShippedCalendar: (id: string) => Promise<CalendarData>) {
  return {
    /** The ids of the reports produced for the schedule's firing at `scheduledAt`; none on other days. */
    async produceMonthlyReports(scheduledAt: number): Promise<string[]> {
      const calendar = new BusinessCalendar((await currentCalendar(store, loadShippedCalendar, reportCalendarId)).data);
      if (!isFirstWorkingDayOfMonth(calendar, scheduledAt)) return [];
      const period = previousMonth(scheduledAt, calendar.utcOffsetMs);
      const produced: string[] = [];
      for (const agency of await store.agencies.find({}, { name: 1 }).sort({ _id: 1 }).lean()) {
        const report = await produceReport(store, {
          agency: { id: agency._id, name: agency.name },
          period,
          grouping: 'field',
          scope: {},
          producedBy: 'schedule',
          utcOffsetMs: calendar.utcOffsetMs,
          now: Date.now(),
        });
        produced.push(report._id);
      }
      return produced;
    },
  };
}

export type ReportActivities = ReturnType<typeof createReportActivities>;
