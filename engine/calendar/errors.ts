/** One problem in calendar data, at a dotted path such as `years.2026.daysOff[2].to`. */
export interface CalendarIssue {
  path: string;
  message: string;
}

/** Calendar data that cannot be used; `issues` names every offending field. */
export class CalendarDataError extends Error {
  override name = 'CalendarDataError';
  readonly code = 'invalid-calendar-data';

  constructor(
    readonly calendarId: string,
    readonly issues: readonly CalendarIssue[],
  ) {
    super(`calendar ${calendarId}: ${issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ')}`);
  }
}

/** An instant or day the loaded years of a calendar do not cover: never answered with a guess. */
export class CalendarRangeError extends Error {
  override name = 'CalendarRangeError';
  readonly code = 'outside-calendar-range';
}

/** A bad argument to the arithmetic (a negative amount, a pause that ends before it starts, …). */
export class CalendarArgumentError extends Error {
  override name = 'CalendarArgumentError';
  readonly code = 'invalid-argument';
}
