import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile } from '../../../engine/compiler/compile.js';
import { corpusDirectory as corpus, corpusFiles } from './corpus-files.js';

const files = corpusFiles();

describe('the BPMN corpus (OMG MIWG reference models and bpmn-js fixtures)', () => {
  it('is there to be read', () => {
    expect(files.length).toBeGreaterThan(100);
  });

  it.each(files.map((file) => [path.relative(corpus, file), file]))('%s compiles or yields structured diagnostics', async (_, file) => {
    const xml = readFileSync(file, 'utf8');
    const result = await compile(xml);
    if (result.ok) {
      expect(result.plan).not.toBeNull();
      return;
    }
    expect(result.diagnostics.some((diagnostic) => diagnostic.severity === 'error')).toBe(true);
    for (const diagnostic of result.diagnostics) {
      expect(diagnostic.message.vi.length).toBeGreaterThan(0);
      expect(diagnostic.message.en.length).toBeGreaterThan(0);
      // Findings about elements name one that exists in the file; only document-level ones name none.
      if (diagnostic.elementId !== null) expect(xml).toContain(`"${diagnostic.elementId}"`);
      else expect(['xml-malformed', 'not-bpmn', 'no-process', 'invalid-content', 'unsupported-encoding']).toContain(diagnostic.code);
    }
  });

  it('names every unsupported element it meets', async () => {
    const result = await compile(readFileSync(path.join(corpus, 'bpmn-js-fixtures/draw/task-types.bpmn'), 'utf8'));
    const refused = result.diagnostics.filter((diagnostic) => diagnostic.code === 'unsupported-element').map((diagnostic) => diagnostic.elementId);
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.every((id) => id !== null)).toBe(true);
  });
});
