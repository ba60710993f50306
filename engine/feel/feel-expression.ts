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
