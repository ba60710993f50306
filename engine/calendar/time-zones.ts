/**
 * Time zones a MotCua calendar may name. The arithmetic uses the fixed offset carried in the
 * calendar data, never the runtime's time-zone database, so a replayed workflow gets the same
 * instants on every Node version; the name is for display and for catching a wrong offset.
 * Only zones whose offset has not changed since 1975 can be used that way.
 */
export const fixedOffsetTimeZones: Readonly<Record<string, string>> = {
  'Asia/Ho_Chi_Minh': '+07:00',
  'Asia/Saigon': '+07:00',
};

const offsetPattern = /^([+-])(\d{2}):(\d{2})$/;

/** Milliseconds east of UTC of a `±HH:MM` offset. */
export function offsetMilliseconds(offset: string): number {
  const match = offsetPattern.exec(offset);
  if (!match) throw new RangeError(`"${offset}" is not a UTC offset such as +07:00`);
  const sign = match[1] === '-' ? -1 : 1;
  return sign * (Number(match[2]) * 60 + Number(match[3])) * 60_000;
}
