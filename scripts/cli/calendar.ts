/**
 * `motcua calendar <year> [--calendar <id>] [--generate]`: a year's non-working days and why; with
 * --generate, the Labour Code draft of a year as data, for an administrator to correct and save.
 */
import { parseArgs } from 'node:util';
import { weekdays } from '../../engine/calendar/civil-date.js';
import { CalendarRangeError, generateNationalYear, type BusinessCalendar } from '../../engine/calendar/index.js';
import { defaultCalendarId, loadCalendar } from '../calendar/calendar-files.js';
import { parseOrUsage, runCommand, UsageError } from '../calendar/command.js';
import { dayLine, weekdayName } from '../calendar/day-text.js';

const usage = 'usage: motcua calendar <year> [--calendar <id>] [--generate]';

function printYear(calendar: BusinessCalendar, year: number): void {
  let days;
  try {
    days = calendar.year(year);
  } catch (error) {
    if (error instanceof CalendarRangeError) throw new CalendarRangeError(`${error.message}; \`motcua calendar ${year} --generate\` drafts it from the Labour Code`);
    throw error;
  }
  const data = calendar.data.years[String(year)]!;
  const weeklyRest = days.filter((day) => day.kind === 'weekly-rest');
  console.log(`${calendar.id} ${year} (${data.status}) · version ${calendar.version.slice(0, 12)}`);
  console.log('Non-working days besides the weekly rest days:');
  for (const day of days.filter((day) => day.kind === 'day-off')) console.log(`  ${dayLine(day)}`);
  const swapped = days.filter((day) => day.kind === 'swapped-working');
  if (swapped.length > 0) {
    console.log('Working days on usual rest days:');
    for (const day of swapped) console.log(`  ${dayLine(day)}`);
  }
  const restNames = [...new Set(weeklyRest.map((day) => weekdayName(day.weekday)))].join(', ');
  const working = days.filter((day) => day.sessions.length > 0).length;
  console.log(`${weeklyRest.length} weekly rest days (${restNames}); ${working} working days.`);
  for (const source of data.sources ?? []) console.log(`Source: ${source}`);
}

export function run(args: string[]): Promise<number> {
  return runCommand('calendar', async () => {
    const { values, positionals } = parseOrUsage(() =>
      parseArgs({
        args,
        options: { calendar: { type: 'string', default: defaultCalendarId }, generate: { type: 'boolean', default: false } },
        strict: true,
        allowPositionals: true,
      }),
    );
    if (positionals.length !== 1 || !/^\d{4}$/.test(positionals[0]!)) {
      throw new UsageError(`${positionals.length === 0 ? 'which year?' : `"${positionals.join(' ')}" is not one year such as 2026`} (${usage})`);
    }
    const year = Number(positionals[0]);
    const calendar = await loadCalendar(values.calendar);
    if (values.generate) {
      const restDays = weekdays.filter((day) => calendar.data.week[day] === 'rest');
      console.log(JSON.stringify(generateNationalYear(year, restDays), null, 2));
    } else {
      printYear(calendar, year);
    }
    return 0;
  });
}
