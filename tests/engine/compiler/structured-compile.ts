import { expect } from 'vitest';
import { compile, type CompileResult } from '../../../engine/compiler/compile.js';
import { catalogue } from '../../../engine/diagnostics/catalogue.js';
import { hasErrors } from '../../../engine/diagnostics/diagnostic.js';

/** One input may take this long at most: a model of a few dozen elements compiles in milliseconds. */
const inputBoundMs = 5_000;

/**
 * Findings about the document as a whole, the only ones that name no element; an unresolved
 * reference is one when neither its element nor any element holding it has an id (a mangled corpus
 * model's root, found by fuzzing: fixtures/fuzz/unresolved-reference-without-ids.bpmn), and so is a
 * second process without an id (fixtures/fuzz/second-process-without-id.bpmn).
 */
const documentCodes = new Set(['unresolved-reference', 'multiple-processes', 'input-too-large', 'xml-doctype-forbidden', 'xml-malformed', 'not-bpmn', 'no-process', 'invalid-content', 'unsupported-encoding']);

/** Compiles within the bound, never throwing, and answers only structured diagnostics. */
export async function expectStructuredCompile(xml: string): Promise<CompileResult> {
  const startedAt = performance.now();
  const result: CompileResult = await compile(xml);
  expect(performance.now() - startedAt).toBeLessThan(inputBoundMs);
  expect(result.ok).toBe(!hasErrors(result.diagnostics));
  expect(result.plan === null).toBe(!result.ok);
  for (const diagnostic of result.diagnostics) {
    expect(Object.keys(catalogue)).toContain(diagnostic.code);
    expect(['error', 'warning', 'info']).toContain(diagnostic.severity);
    for (const text of [diagnostic.message, diagnostic.hint]) {
      expect(typeof text.vi === 'string' && text.vi.length > 0).toBe(true);
      expect(typeof text.en === 'string' && text.en.length > 0).toBe(true);
    }
    if (diagnostic.elementId === null) expect(documentCodes).toContain(diagnostic.code);
    else expect(diagnostic.elementId.length).toBeGreaterThan(0);
    if (diagnostic.location) {
      expect(Number.isInteger(diagnostic.location.line) && diagnostic.location.line >= 1).toBe(true);
      expect(Number.isInteger(diagnostic.location.column) && diagnostic.location.column >= 1).toBe(true);
    }
  }
  return result;
}

