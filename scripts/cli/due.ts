/**
 * `motcua due --from <instant> --limit <5WD|8WH|P20D> [--calendar <id>] [--cutoff HH:MM|none] [--explain]`:
 * the legal due instant of something received at an instant, for support staff and users.
 */
import { parseArgs } from 'node:util';
import { legalDeadline, type BusinessCalendar } from '../../engine/calendar/index.js';
import { formatLegalDuration, LegalDurationError, parseLegalDuration, type LegalDuration } from '../../engine/duration/legal-duration.js';
import { defaultCalendarId, loadCalendar } from '../calendar/calendar-files.js';
import { parseOrUsage, runCommand, UsageError } from '../calendar/command.js';
import { dayLine, weekdayName } from '../calendar/day-text.js';

const usage = 'usage: motcua due --from <ISO-8601 instant> --limit <5WD|8WH|P20D|PT48H> [--calendar <id>] [--cutoff HH:MM|none] [--explain]';

function readOptions(args: string[]) {
  const { values } = parseOrUsage(() =>
    parseArgs({
      args,
      options: {
        from: { type: 'string' },
        limit: { type: 'string' },
        calendar: { type: 'string', default: defaultCalendarId },
        cutoff: { type: 'string' },
        explain: { type: 'boolean', default: false },
      },
      strict: true,
      allowPositionals: false,
    }),
  );
  if (values.from === undefined) throw new UsageError(`--from is required (${usage})`);
  if (values.limit === undefined) throw new UsageError(`--limit is required (${usage})`);
  if (values.cutoff !== undefined && values.cutoff !== 'none' && !/^([01]\d|2[0-3]):[0-5]\d$/.test(values.cutoff)) {
    throw new UsageError(`--cutoff "${values.cutoff}" is not a time of day HH:MM (or none)`);
  }
  let limit: LegalDuration;
  try {
    limit = parseLegalDuration(values.limit);
  } catch (error) {
    throw new UsageError(`--limit ${(error as LegalDurationError).message}`);
  }
  return { from: values.from, limit, calendar: values.calendar, cutoff: values.cutoff === 'none' ? null : values.cutoff, explain: values.explain };
}

function ordinal(n: number): string {
  const suffix = n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}

function ruleText(limit: LegalDuration): string {
  switch (limit.unit) {
    case 'working-days':
      return limit.amount === 0 ? 'the close of the effective receipt day' : `the close of the ${ordinal(limit.amount)} working day after the effective receipt day`;
    case 'working-hours':
    case 'working-minutes':
      return 'working time run through the sessions from the clock start';
    case 'calendar-days':
      return `day ${limit.amount} after the clock start (the first day not counted), moved to the next working day when off, ending at its close`;
    default:
      return 'elapsed time from the clock start, working or not';
  }
}

interface Explained {
  receivedAt: number;
  limit: LegalDuration;
  cutoff: string | null | undefined;
  clockStartsAt: number;
  dueAt: number;
}

function explain(calendar: BusinessCalendar, { receivedAt, limit, cutoff, clockStartsAt, dueAt }: Explained): string[] {
  const instant = (value: number): string => `${calendar.formatInstant(value)} (${weekdayName(calendar.day(calendar.formatInstant(value).slice(0, 10)).weekday)})`;
  const cutoffText = cutoff === undefined ? calendar.data.receiptCutoff : cutoff;
  const why =
    clockStartsAt === receivedAt
      ? 'at receipt'
      : calendar.startOfClock(receivedAt, null) === clockStartsAt
        ? 'received outside working hours'
        : `received after the ${cutoffText} cut-off, so the next working day`;
  const workedHours = calendar.workingTimeBetween(clockStartsAt, Math.max(clockStartsAt, calendar.previousWorkingInstant(dueAt))) / 3_600_000;
  const lines = [
    `received      ${instant(receivedAt)}`,
    `clock starts  ${instant(clockStartsAt)}: ${why}`,
    `limit         ${formatLegalDuration(limit)}: ${ruleText(limit)}`,
    `between       ${calendar.workingDaysBetween(clockStartsAt, dueAt)} working days after the effective receipt day, ${Number(workedHours.toFixed(2))} working hours from the clock start`,
  ];
  const [first, last] = [calendar.formatInstant(clockStartsAt).slice(0, 10), calendar.formatInstant(dueAt).slice(0, 10)];
  const daysOff = [];
  for (let year = Number(first.slice(0, 4)); year <= Number(last.slice(0, 4)); year += 1) {
    daysOff.push(...calendar.year(year).filter((day) => day.date >= first && day.date <= last && day.sessions.length === 0));
  }
  daysOff.forEach((day, index) => lines.push(`${(index === 0 ? 'days off' : '').padEnd(14)}${dayLine(day)}`));
  lines.push(`calendar      ${calendar.id} (version ${calendar.version.slice(0, 12)})`);
  return lines;
}

export function run(args: string[]): Promise<number> {
  return runCommand('due', async () => {
    const options = readOptions(args);
    const calendar = await loadCalendar(options.calendar);
    const receivedAt = calendar.parseInstant(options.from);
    const { clockStartsAt, dueAt } = legalDeadline(calendar, { receivedAt, limit: options.limit, cutoff: options.cutoff });
    console.log(calendar.formatInstant(dueAt));
    if (options.explain) {
      for (const line of explain(calendar, { receivedAt, limit: options.limit, cutoff: options.cutoff, clockStartsAt, dueAt })) console.log(line);
    }
    return 0;
  });
}
