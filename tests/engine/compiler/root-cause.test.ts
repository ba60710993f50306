import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile } from '../../../engine/compiler/compile.js';

const samples = path.join(import.meta.dirname, '..', '..', '..', 'engine', 'samples');
const sample = (name: string) => readFileSync(path.join(samples, `${name}.bpmn`), 'utf8');

/** The sample as a reformer leaves it after deleting one flow in the modeler. */
function withoutFlow(xml: string, flowId: string): string {
  return xml
    .replace(new RegExp(`<bpmn:sequenceFlow id="${flowId}"[\\s\\S]*?(/>|</bpmn:sequenceFlow>)`), '')
    .replace(new RegExp(`<bpmn:(incoming|outgoing)>${flowId}</bpmn:\\1>`, 'g'), '')
    .replace(new RegExp(`<bpmndi:BPMNEdge id="${flowId}_di"[\\s\\S]*?</bpmndi:BPMNEdge>`), '');
}

async function errorsWithout(name: string, flowId: string) {
  const result = await compile(withoutFlow(sample(name), flowId));
  return result.diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
}

describe('root-cause diagnostics: one deleted flow, one error', () => {
  it('a flow between two steps: the missing flow, naming everything it cuts off as related', async () => {
    const errors = await errorsWithout('household-business-registration', 'Flow_HopNhat_ThamDinh');
    expect(errors.map((error) => [error.code, error.elementId])).toEqual([['missing-flow', 'Gateway_HopNhat']]);
    expect(errors[0]!.relatedElementIds![0]).toBe('Task_ThamDinh');
    expect(errors[0]!.relatedElementIds).toEqual(expect.arrayContaining(['Gateway_KetQua', 'Task_PheDuyet', 'Boundary_HetHanBoSung', 'End_DaTuChoi']));
  });

  it('a branch of a split: the first unreached step only, the ones after it related', async () => {
    const errors = await errorsWithout('construction-permit', 'Flow_Tach_XinYKien');
    expect(errors.map((error) => [error.code, error.elementId])).toEqual([['unreachable-element', 'Task_XinYKien']]);
    expect(errors[0]!.relatedElementIds).toEqual(expect.arrayContaining(['Task_ChoYKien', 'Boundary_CoiNhuDongY', 'Gateway_CoYKien']));
  });

  it('a flow into a join: the dead end only', async () => {
    const errors = await errorsWithout('construction-permit', 'Flow_ThamDinh_Gop');
    expect(errors.map((error) => [error.code, error.elementId])).toEqual([['no-path-to-end', 'Task_ThamDinh']]);
  });

  it.each(['Flow_Nop', 'Flow_TiepNhan_Tach', 'Flow_XinYKien_Cho', 'Flow_Gop_QuyetDinh', 'Flow_QuyetDinh_Tra', 'Flow_Tra_Xong'])(
    'construction permit without %s: exactly one error',
    async (flowId) => {
      const errors = await errorsWithout('construction-permit', flowId);
      expect(errors.map((error) => error.code)).toEqual(['missing-flow']);
    },
  );

  it('two unrelated breaks are two findings, not merged into one', async () => {
    const xml = withoutFlow(withoutFlow(sample('construction-permit'), 'Flow_XinYKien_Cho'), 'Flow_QuyetDinh_Tra');
    const errors = (await compile(xml)).diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
    expect(errors.map((error) => [error.code, error.elementId]).sort()).toEqual([
      ['no-path-to-end', 'Task_QuyetDinh'],
      ['no-path-to-end', 'Task_XinYKien'],
      ['unreachable-element', 'Task_ChoYKien'],
      ['unreachable-element', 'Task_TraKetQua'],
    ]);
  });
});

describe('root-cause diagnostics: a refused element', () => {
  it('a boundary event on a step refused as unsupported is not also told its host is not an activity', async () => {
    const xml = sample('household-business-registration')
      .replace('<bpmn:receiveTask id="Task_ChoBoSung" name="Chờ công dân bổ sung" messageRef="Message_HoSoBoSung">', '<bpmn:scriptTask id="Task_ChoBoSung" name="Chờ công dân bổ sung">')
      .replace(/(<bpmn:scriptTask id="Task_ChoBoSung"[\s\S]*?)<\/bpmn:receiveTask>/, '$1</bpmn:scriptTask>');
    expect(xml).toContain('<bpmn:scriptTask id="Task_ChoBoSung"');
    const errors = (await compile(xml)).diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
    expect(errors.map((error) => [error.code, error.elementId])).toEqual([['unsupported-element', 'Task_ChoBoSung']]);
  });
});
