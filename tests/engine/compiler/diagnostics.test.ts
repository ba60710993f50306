import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile, type CompileOptions } from '../../../engine/compiler/compile.js';
import { catalogue } from '../../../engine/diagnostics/catalogue.js';

const fixtures = path.join(import.meta.dirname, 'fixtures', 'diagnostics');

/**
 * Each fixture states what it must produce in its first comment:
 *   <!-- expect: <code> @ <elementId or - for the document> [; option=value] -->
 */
function expectationOf(xml: string) {
  const match = /<!-- expect: ([\w-]+) @ (\S+)(?: ; (\w+)=(.*?))? -->/.exec(xml);
  if (!match) throw new Error('fixture without an expect comment');
  const [, code, element, option, value] = match;
  const options: CompileOptions = {};
  if (option === 'maxInputBytes' || option === 'maxStates') options[option] = Number(value);
  if (option === 'procedures') options.procedures = JSON.parse(value!);
  return { code: code!, elementId: element === '-' ? null : element!, options };
}

const codes = Object.keys(catalogue).sort();

describe('diagnostics: one failing fixture per code', () => {
  it('has a fixture for every code in the catalogue, and no stray one', () => {
    const files = readdirSync(fixtures).map((file) => file.replace(/\.bpmn$/, '')).sort();
    expect(files).toEqual(codes);
  });

  it.each(codes)('%s', async (code) => {
    const xml = readFileSync(path.join(fixtures, `${code}.bpmn`), 'utf8');
    const expected = expectationOf(xml);
    expect(expected.code).toBe(code);
    const result = await compile(xml, expected.options);
    const found = result.diagnostics.filter((diagnostic) => diagnostic.code === code);
    expect(found.map((diagnostic) => diagnostic.elementId)).toContain(expected.elementId);
    const diagnostic = found.find((candidate) => candidate.elementId === expected.elementId)!;
    expect(diagnostic.severity).toBe(catalogue[code as keyof typeof catalogue].severity);
    if (diagnostic.severity === 'error') {
      expect(result.ok).toBe(false);
      expect(result.plan).toBeNull();
    }
  });
});

describe('diagnostic texts', () => {
  // Letters only Vietnamese writes: a message without any is missing its diacritics.
  const vietnameseLetters = /[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]/i;

  it.each(codes)('%s reads in Vietnamese and English, with a hint', async (code) => {
    const xml = readFileSync(path.join(fixtures, `${code}.bpmn`), 'utf8');
    const expected = expectationOf(xml);
    const diagnostic = (await compile(xml, expected.options)).diagnostics.find((candidate) => candidate.code === code)!;
    for (const text of [diagnostic.message, diagnostic.hint]) {
      expect(text.vi).toMatch(vietnameseLetters);
      expect(text.en.length).toBeGreaterThan(10);
      expect(text.en).not.toMatch(vietnameseLetters);
    }
  });
});
