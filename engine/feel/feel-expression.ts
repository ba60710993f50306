import { parseExpression } from 'feelin';

/**
 * FEEL as modelers write it: Camunda-style modelers prefix expressions with "=", MotCua's plan
 * stores the bare expression.
 */
export function normalizeFeelExpression(source: string): string {
  const trimmed = source.trim();
  return trimmed.startsWith('=') ? trimmed.slice(1).trim() : trimmed;
}

/**
 * The 1-based column of the first syntax error in a FEEL expression, or null when it parses.
 * feelin's parser (lezer) recovers from errors by inserting error nodes, so the tree is searched
 * for the first one rather than waiting for an exception.
 */
export function feelSyntaxErrorColumn(expression: string): number | null {
  if (expression.trim() === '') return 1;
  let errorAt: number | null = null;
  parseExpression(expression, {}, undefined).iterate({
    enter(node) {
      if (errorAt !== null) return false;
      if (node.type.isError) errorAt = node.from;
      return undefined;
    },
  });
  return errorAt === null ? null : errorAt + 1;
}

/**
 * The 1-based column of the first range that `for`, `some` or `every` iterates over
 * (`for i in 1..n return i`), or null when there is none. feelin builds such a range as a whole
 * list before iterating, so `1..1000000000` runs for minutes and exhausts memory; conditions and
 * collections iterate the dossier's own lists instead. Intervals (`x in [1..10]`) are tests, not lists.
 */
export function iteratedRangeColumn(expression: string): number | null {
  let rangeAt: number | null = null;
  parseExpression(expression, {}, undefined).iterate({
    enter(node) {
      if (rangeAt !== null) return false;
      if (node.type.name === 'IterationContext' && node.node.getChild('..') !== null) rangeAt = node.from;
      return undefined;
    },
  });
  return rangeAt === null ? null : rangeAt + 1;
}
