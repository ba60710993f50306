/** MotCua's business calendar: working days, Vietnamese holidays, receipt cut-off and legal deadlines. */
export { BusinessCalendar, type CalendarDay, type DayKind, type Pause } from './business-calendar.js';
export {
  calendarDataSchema,
  calendarOverrideSchema,
  layerCalendarData,
  validateCalendarData,
  validateCalendarOverride,
  type CalendarData,
  type CalendarOverride,
  type CalendarYear,
  type DayEntry,
  type Session,
  type WorkingDayEntry,
} from './calendar-data.js';
export { CalendarArgumentError, CalendarDataError, CalendarRangeError, type CalendarIssue } from './errors.js';
export { generateNationalYear } from './holiday-generator.js';
export { formatInstant, parseInstant } from './instant-text.js';
export {
  classifyCompletion,
  legalDeadline,
  type ClockRule,
  type Completion,
  type CompletionOutcome,
  type CompletionRequest,
  type DeadlineRequest,
  type LegalDeadline,
} from './legal-deadline.js';
export { lunarNewYear, lunarToSolar, vietnamUtcOffsetHours, type LunarDate } from './lunar/lunar-calendar.js';
