import { describe, expect, it } from 'vitest';
import { compile } from '../../../engine/compiler/compile.js';
import { readBpmn } from '../../../engine/moddle/read-bpmn.js';

/** A small MotCua procedure whose references are written as QNames of its own target namespace. */
function procedure(namespaces: string, start: string, message: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:mc="http://motcua.io/schema/bpmn/1.0" ${namespaces} id="Definitions_1">
  <bpmn:message id="newInvoice" name="hoa-don-moi" />
  <bpmn:process id="Process_1" name="Thủ tục mẫu">
    <bpmn:extensionElements><mc:procedure code="thu-tuc-mau" agency="ubnd-xa" legalLimit="5WD" /></bpmn:extensionElements>
    <bpmn:startEvent id="Start" />
    <bpmn:userTask id="Task_XuLy" name="Xử lý hồ sơ">
      <bpmn:extensionElements><mc:step role="chuyen-vien" unit="phong-chuyen-mon" deadline="3WD" /><mc:form><mc:field key="ketLuan" label="Kết luận" type="text" required="true" /></mc:form></bpmn:extensionElements>
    </bpmn:userTask>
    <bpmn:intermediateCatchEvent id="Event_HoaDon"><bpmn:messageEventDefinition messageRef="${message}" /></bpmn:intermediateCatchEvent>
    <bpmn:endEvent id="End" />
    <bpmn:sequenceFlow id="Flow_1" sourceRef="${start}" targetRef="Task_XuLy" />
    <bpmn:sequenceFlow id="Flow_2" sourceRef="Task_XuLy" targetRef="Event_HoaDon" />
    <bpmn:sequenceFlow id="Flow_3" sourceRef="Event_HoaDon" targetRef="End" />
  </bpmn:process>
</bpmn:definitions>`;
}

const own = 'xmlns:tns="http://example.org/hoa-don" targetNamespace="http://example.org/hoa-don"';

describe('QName references', () => {
  it('resolves references qualified by the prefix of the document’s own target namespace', async () => {
    const result = await compile(procedure(own, 'tns:Start', 'tns:newInvoice'));
    expect(result.diagnostics.filter((diagnostic) => diagnostic.severity === 'error')).toEqual([]);
    expect(result.plan!.process.flows.find((flow) => flow.id === 'Flow_1')).toMatchObject({ source: 'Start', target: 'Task_XuLy' });
    expect(result.plan!.process.nodes.find((node) => node.id === 'Event_HoaDon')).toMatchObject({ message: 'hoa-don-moi' });
  });

  it('keeps a reference unresolved when its prefix names another namespace, or the element does not exist', async () => {
    const other = await readBpmn(procedure(`${own} xmlns:ext="http://example.org/khac"`, 'Start', 'ext:newInvoice'));
    expect(other.diagnostics).toContainEqual(expect.objectContaining({ code: 'unresolved-reference', elementId: 'Event_HoaDon' }));
    const missing = await readBpmn(procedure(own, 'Start', 'tns:oldInvoice'));
    expect(missing.diagnostics).toContainEqual(expect.objectContaining({ code: 'unresolved-reference', elementId: 'Event_HoaDon' }));
  });
});
