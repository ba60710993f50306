/** A span of milliseconds in the largest units that read naturally: 850 ms, 12.5 s, 3 min 4 s, 2 h 5 min. */
export type Elapsed =
  | { unit: 'ms'; n: number }
  | { unit: 'seconds'; n: number }
  | { unit: 'minutes'; m: number; s: number }
  | { unit: 'hours'; h: number; m: number };

/** Each unit is chosen after rounding, so 59.96 s reads "1 min 0 s", never "60 s". */
export function elapsed(ms: number): Elapsed {
  const milliseconds = Math.round(ms);
  if (milliseconds < 1_000) return { unit: 'ms', n: milliseconds };
  const tenths = Math.round(ms / 100);
  if (tenths < 600) return { unit: 'seconds', n: tenths / 10 };
  const seconds = Math.round(ms / 1_000);
  if (seconds < 3_600) return { unit: 'minutes', m: Math.floor(seconds / 60), s: seconds % 60 };
  const minutes = Math.round(ms / 60_000);
  return { unit: 'hours', h: Math.floor(minutes / 60), m: minutes % 60 };
}
