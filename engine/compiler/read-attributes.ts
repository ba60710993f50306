import type { LocalizedText } from '../diagnostics/diagnostic.js';
import { feelSyntaxErrorColumn, iteratedRangeColumn, normalizeFeelExpression } from '../feel/feel-expression.js';
import { formatLegalDuration, LegalDurationError, parseLegalDuration } from '../duration/legal-duration.js';
import type { CompileContext } from './compile-context.js';

/**
 * Typed readers for attribute text. Each returns the value, or undefined after reporting why the
 * text is not valid; an absent attribute (undefined) is simply undefined.
 */

export function readDuration(context: CompileContext, elementId: string, attribute: string, value: string | undefined): string | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  try {
    return formatLegalDuration(parseLegalDuration(value));
  } catch (error) {
    const unsupported = error instanceof LegalDurationError ? error.unsupported : undefined;
    if (unsupported) context.report('unsupported-duration', elementId, { attribute, value, reason: unsupported });
    else context.report('invalid-duration', elementId, { attribute, value });
    return undefined;
  }
}

function invalid(context: CompileContext, elementId: string, attribute: string, value: string, expected: LocalizedText): undefined {
  context.report('invalid-attribute', elementId, { attribute, value, expected });
  return undefined;
}

const decimal = /^\d+(\.\d+)?$/;

export function readAmount(context: CompileContext, elementId: string, attribute: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (decimal.test(value.trim())) return Number(value.trim());
  return invalid(context, elementId, attribute, value, {
    vi: 'cần một số không âm, ví dụ 150000.',
    en: 'expected a non-negative number, e.g. 150000.',
  });
}

export function readPositiveInteger(context: CompileContext, elementId: string, attribute: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (/^[1-9]\d{0,5}$/.test(value.trim())) return Number(value.trim());
  return invalid(context, elementId, attribute, value, { vi: 'cần một số nguyên dương, ví dụ 2.', en: 'expected a positive whole number, e.g. 2.' });
}

export function readShare(context: CompileContext, elementId: string, attribute: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const share = decimal.test(value.trim()) ? Number(value.trim()) : Number.NaN;
  if (share > 0 && share < 1) return share;
  return invalid(context, elementId, attribute, value, {
    vi: 'cần một tỉ lệ lớn hơn 0 và nhỏ hơn 1, ví dụ 0.75.',
    en: 'expected a share above 0 and below 1, e.g. 0.75.',
  });
}

export function readTimeOfDay(context: CompileContext, elementId: string, attribute: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (/^([01]\d|2[0-3]):[0-5]\d$/.test(value.trim())) return value.trim();
  return invalid(context, elementId, attribute, value, { vi: 'cần giờ dạng HH:MM, ví dụ 15:00.', en: 'expected a time as HH:MM, e.g. 15:00.' });
}

export function readChoice<T extends string>(
  context: CompileContext,
  elementId: string,
  attribute: string,
  value: string | undefined,
  choices: readonly T[],
): T | undefined {
  if (value === undefined) return undefined;
  if ((choices as readonly string[]).includes(value.trim())) return value.trim() as T;
  const listed = choices.join(', ');
  return invalid(context, elementId, attribute, value, { vi: `cần một trong: ${listed}.`, en: `expected one of: ${listed}.` });
}

export function reportInvalid(context: CompileContext, elementId: string, attribute: string, value: string, expected: LocalizedText): void {
  invalid(context, elementId, attribute, value, expected);
}

/** A FEEL expression, normalised (no leading "="), or undefined after reporting a syntax error or an iterated range. */
export function readFeel(context: CompileContext, elementId: string, source: string | undefined): string | undefined {
  if (source === undefined) return undefined;
  const expression = normalizeFeelExpression(source);
  const column = feelSyntaxErrorColumn(expression);
  if (column !== null) {
    context.report('invalid-feel', elementId, { expression, column });
    return undefined;
  }
  const rangeColumn = iteratedRangeColumn(expression);
  if (rangeColumn === null) return expression;
  context.report('feel-range-iteration', elementId, { expression, column: rangeColumn });
  return undefined;
}
