import { describe, expect, it } from 'vitest';
import { nestsDeeperThan } from '../../../api/http/json-depth.js';

/** `[[[…]]]` nesting `depth` arrays, parsed as the API's body parser would. */
const arrays = (depth: number) => JSON.parse(`${'['.repeat(depth)}${']'.repeat(depth)}`) as unknown;

describe('JSON nesting depth', () => {
  it('counts arrays and objects, not scalars, and refuses one level past the limit', () => {
    expect(nestsDeeperThan('text', 0)).toBe(false);
    expect(nestsDeeperThan({ a: 1, b: [2, { c: null }] }, 3)).toBe(false);
    expect(nestsDeeperThan({ a: 1, b: [2, { c: {} }] }, 3)).toBe(true);
    expect(nestsDeeperThan(arrays(32), 32)).toBe(false);
    expect(nestsDeeperThan(arrays(33), 32)).toBe(true);
  });

  it('refuses a body nesting a million levels, stopping at the limit', () => {
    expect(nestsDeeperThan(arrays(1_000_000), 32)).toBe(true);
  });
});
