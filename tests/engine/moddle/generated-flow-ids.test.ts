import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile } from '../../../engine/compiler/compile.js';

const fixture = readFileSync(path.join(import.meta.dirname, '../compiler/fixtures/diagnostics/invalid-duration.bpmn'), 'utf8').replace('deadline="3 days"', 'deadline="3WD"');

describe('sequence flows without an id', () => {
  it('get one named by what they connect, so the model compiles with no follow-up errors', async () => {
    const xml = fixture.replace('<bpmn:sequenceFlow id="Flow_Task_XuLy_End" ', '<bpmn:sequenceFlow ');
    expect(xml).not.toContain('Flow_Task_XuLy_End');
    const result = await compile(xml);
    expect(result.diagnostics.filter((diagnostic) => diagnostic.severity === 'error')).toEqual([]);
    expect(result.plan!.process.flows.map((flow) => flow.id)).toEqual(['Flow_Start_Task_XuLy', 'Flow_Task_XuLy_End']);
  });

  it('never take an id already in the document, and read the same on every compile', async () => {
    const xml = fixture.replace('<bpmn:sequenceFlow id="Flow_Task_XuLy_End" ', '<bpmn:sequenceFlow ').replace('<bpmn:endEvent id="End" />', '<bpmn:endEvent id="End"><bpmn:documentation>Flow_Task_XuLy_End</bpmn:documentation></bpmn:endEvent><bpmn:textAnnotation id="Flow_Task_XuLy_End" />');
    const first = await compile(xml);
    const second = await compile(xml);
    expect(first.plan!.process.flows.map((flow) => flow.id)).toEqual(['Flow_Start_Task_XuLy', 'Flow_Task_XuLy_End_2']);
    expect(second.hash).toBe(first.hash);
  });
});
