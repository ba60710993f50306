/** A dashboard period: whole days in Vietnam, `to` inclusive. */
export interface Period {
  from: string;
  to: string;
}

const dayMs = 86_400_000;
const vietnamDay = (instant: number) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date(instant));

/** The last `days` days up to today (in Vietnam). */
export function lastDays(days: number, now: number): Period {
  return { from: vietnamDay(now - (days - 1) * dayMs), to: vietnamDay(now) };
}

/** The API's instants for a period: from the start of its first day to the start of the day after its last. */
export function periodInstants(period: Period): { from: string; to: string } {
  const end = new Date(Date.parse(`${period.to}T00:00:00+07:00`) + dayMs);
  return { from: `${period.from}T00:00:00+07:00`, to: `${vietnamDay(end.getTime())}T00:00:00+07:00` };
}
