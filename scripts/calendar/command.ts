/** What the calendar commands share: a mistake in what the user typed is one line and exit code 2. */
import { CalendarArgumentError, CalendarRangeError } from '../../engine/calendar/index.js';
import { UnknownCalendarError } from './calendar-files.js';

export class UsageError extends Error {}

const usageErrors = [UsageError, CalendarArgumentError, CalendarRangeError, UnknownCalendarError];

/** Runs a command body; usage errors print `motcua <command>: <message>` and give 2, anything else goes to the dispatcher. */
export async function runCommand(command: string, body: () => Promise<number>): Promise<number> {
  try {
    return await body();
  } catch (error) {
    if (!usageErrors.some((type) => error instanceof type)) throw error;
    console.error(`motcua ${command}: ${(error as Error).message}`);
    return 2;
  }
}

/** parseArgs errors as usage errors. */
export function parseOrUsage<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    throw new UsageError((error as Error).message.split('\n')[0]!);
  }
}
