import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile } from '../../../engine/compiler/compile.js';
import { DEFAULT_MAX_INPUT_BYTES, readBpmn } from '../../../engine/moddle/read-bpmn.js';

const sample = readFileSync(path.join(import.meta.dirname, '../../../engine/samples/household-business-registration.bpmn'), 'utf8');

describe('reading BPMN', () => {
  it('reads a model with the MotCua extension', async () => {
    const { definitions, diagnostics } = await readBpmn(sample);
    expect(diagnostics).toEqual([]);
    expect(definitions?.$type).toBe('bpmn:Definitions');
  });

  it('compiles the same plan with or without its diagram interchange', async () => {
    const withoutDi = sample.replace(/<bpmndi:BPMNDiagram[\s\S]*<\/bpmndi:BPMNDiagram>/, '');
    expect(withoutDi).not.toContain('BPMNShape');
    const [full, bare] = await Promise.all([compile(sample), compile(withoutDi)]);
    expect(full.hash).not.toBeNull();
    expect(full.hash).toBe(bare.hash);
  });

  it('names the element that holds content it skips', async () => {
    const { diagnostics } = await readBpmn(sample.replace('<bpmn:userTask id="Task_TiepNhan"', '<bpmn:userTask isCollection="true" id="Task_TiepNhan"'));
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'invalid-content', elementId: 'Task_TiepNhan' })]);
  });

  it('locates malformed XML', async () => {
    const { definitions, diagnostics } = await readBpmn('<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL">\n  <bpmn:process id="P">\n</bpmn:definitions>');
    expect(definitions).toBeNull();
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'xml-malformed', elementId: null, location: { line: 3, column: 1 } })]);
  });

  it.each([
    ['empty text', ''],
    ['JSON', '{"process": []}'],
    ['plain text', 'Đăng ký khai sinh'],
    ['a truncated document', sample.slice(0, sample.length / 2)],
  ])('refuses %s as malformed XML', async (_, text) => {
    const { definitions, diagnostics } = await readBpmn(text);
    expect(definitions).toBeNull();
    expect(diagnostics.map((diagnostic) => diagnostic.code)).toEqual(['xml-malformed']);
  });

  it('refuses well-formed XML that is not BPMN, naming its root', async () => {
    const { diagnostics } = await readBpmn('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><rect/></svg>');
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'not-bpmn', message: expect.objectContaining({ en: expect.stringContaining('<svg>') }) })]);
  });

  it('refuses an entity bomb before any entity is expanded', async () => {
    const entities = Array.from({ length: 10 }, (_, level) =>
      level === 0 ? '<!ENTITY lol0 "lol">' : `<!ENTITY lol${level} "${`&lol${level - 1};`.repeat(10)}">`,
    ).join('');
    const bomb = `<?xml version="1.0"?><!DOCTYPE lolz [${entities}]><bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"><bpmn:process id="P" name="&lol9;"/></bpmn:definitions>`;
    const { definitions, diagnostics } = await readBpmn(bomb);
    expect(definitions).toBeNull();
    expect(diagnostics.map((diagnostic) => diagnostic.code)).toEqual(['xml-doctype-forbidden']);
  });

  it('refuses a 20 MB document by its size, before parsing it', async () => {
    const padding = `<!-- ${'x'.repeat(20 * 1024 * 1024)} -->`;
    const huge = sample.replace('<bpmn:process', `${padding}<bpmn:process`);
    expect(huge.length).toBeGreaterThan(DEFAULT_MAX_INPUT_BYTES);
    const result = await compile(huge);
    expect(result.ok).toBe(false);
    expect(result.diagnostics.map((diagnostic) => diagnostic.code)).toEqual(['input-too-large']);
  });

  it('refuses a document of too many elements before building them, however small each is', async () => {
    const tasks = Array.from({ length: 120_000 }, (_, index) => `<bpmn:task id="t${index}"/>`).join('');
    const flood = `<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"><bpmn:process id="P">${tasks}</bpmn:process></bpmn:definitions>`;
    expect(flood.length).toBeLessThan(DEFAULT_MAX_INPUT_BYTES);
    const { definitions, diagnostics } = await readBpmn(flood);
    expect(definitions).toBeNull();
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'input-too-large', message: expect.objectContaining({ en: 'The file holds too many elements (120002); the limit is 100000.' }) })]);
  });

  it('does not count the diagram interchange, which is never parsed', async () => {
    const { diagnostics } = await readBpmn(sample, { maxInputElements: 150 });
    expect(diagnostics).toEqual([]);
  });

  it('counts the limit in UTF-8 bytes, so Vietnamese text weighs what it weighs on disk', async () => {
    const text = `<!-- ${'ệ'.repeat(400)} -->`;
    const { diagnostics } = await readBpmn(text, { maxInputBytes: 1000 });
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'input-too-large', message: expect.objectContaining({ en: expect.stringContaining('MB') }) })]);
  });
});
