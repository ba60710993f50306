import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectStructuredCompile } from './structured-compile.js';

/** Inputs the compiler fuzzer found failing (compile.fuzz.test.ts), kept as they were found. */
const fixture = (name: string) => readFileSync(path.join(import.meta.dirname, 'fixtures/fuzz', name), 'utf8');

describe('inputs found by fuzzing the compiler', () => {
  it('an event definition referring to a missing message is reported on its event, not on the document', async () => {
    const result = await expectStructuredCompile(fixture('unresolved-message-reference.bpmn'));
    expect(result.diagnostics.find((diagnostic) => diagnostic.code === 'unresolved-reference')).toMatchObject({ elementId: 'N0' });
  });

  it('a reference from elements none of which has an id is reported on the document, structured', async () => {
    const result = await expectStructuredCompile(fixture('unresolved-reference-without-ids.bpmn'));
    expect(result.diagnostics.find((diagnostic) => diagnostic.code === 'unresolved-reference')).toMatchObject({ elementId: null });
  });

  it('a second process without an id is reported on the document, structured', async () => {
    const result = await expectStructuredCompile(fixture('second-process-without-id.bpmn'));
    expect(result.diagnostics.find((diagnostic) => diagnostic.code === 'multiple-processes')).toMatchObject({ elementId: null });
  });
});
