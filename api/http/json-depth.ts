/**
 * Whether a parsed JSON value nests arrays and objects deeper than `limit` (`{}` is one level).
 * It stops at the first value past the limit, so a body of a few megabytes nesting a million
 * levels (JSON.parse reads it) is refused as quickly as one just past the limit.
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
