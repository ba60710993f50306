/**
 * Whether a parsed JSON value nests arrays and objects deeper than `limit` (`{}` is one level).
 * Walked with a stack of its own rather than by recursion: a body of a few megabytes can nest a
 * million levels, which JSON.parse reads but a recursive walk could not.
 */
export function nestsDeeperThan(value: unknown, limit: number): boolean {
  const pending: Array<{ value: unknown; depth: number }> = [{ value, depth: 1 }];
  for (let next = pending.pop(); next; next = pending.pop()) {
    if (typeof next.value !== 'object' || next.value === null) continue;
    if (next.depth > limit) return true;
    for (const child of Object.values(next.value)) pending.push({ value: child, depth: next.depth + 1 });
  }
  return false;
}
