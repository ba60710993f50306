/**
 * Procedures of a chosen size drawn as a modeler saves them, for the benchmarks of the compiler and
 * the designer.
 */
/** Flow nodes of one block (with the 12 sequence flows that wire them, 23 BPMN elements): a step, a decision with two branches, a parallel pair (one step with a reminder timer). */
const NODES_PER_BLOCK = 11;

const stepExtensions = (unit: string) => `<bpmn:extensionElements>
<mc:step role="chuyen-vien" unit="${unit}" deadline="4WH" />
<mc:form><mc:field key="soHoSo" label="Số hồ sơ" type="text" required="true" /><mc:field key="soTien" label="Số tiền" type="number" required="false" /><mc:field key="giayTo" label="Giấy tờ" type="file" required="true" /></mc:form>
<mc:escalation dueSoonShare="0.75" target="truong-phong" reassignAfter="2WH"><mc:onOverdue action="notify" /><mc:onOverdue action="mark-overdue" /></mc:escalation>
</bpmn:extensionElements>`;

interface Element {
  tag: string;
  id: string;
  attributes?: string;
  inner?: string;
}

/**
 * A procedure of about `size` flow nodes as bpmn-js saves it: every node lists its incoming and
 * outgoing flows, every shape and edge has its diagram interchange.
 */
export function generateProcedure(size: number): { xml: string; nodes: number; flows: number } {
  const blocks = Math.max(1, Math.round((size - 2) / NODES_PER_BLOCK));
  const elements: Element[] = [
    { tag: 'startEvent', id: 'Start', attributes: 'name="Nộp hồ sơ"' },
    { tag: 'endEvent', id: 'End', attributes: 'name="Trả kết quả"' },
  ];
  const flows: Array<[id: string, source: string, target: string, condition?: string]> = [];
  const shapes: string[] = [];
  const place = (id: string, x: number, y: number, width: number, height: number) =>
    shapes.push(`<bpmndi:BPMNShape id="${id}_di" bpmnElement="${id}"><dc:Bounds x="${x}" y="${y}" width="${width}" height="${height}" /></bpmndi:BPMNShape>`);
  place('Start', 0, 100, 36, 36);
  let previous = 'Start';
  for (let block = 0; block < blocks; block += 1) {
    const b = (name: string) => `${name}_${block}`;
    const x = 100 + block * 1000;
    elements.push(
      { tag: 'userTask', id: b('Task_ThamDinh'), attributes: `name="Thẩm định ${block}"`, inner: stepExtensions('phong-tham-dinh') },
      { tag: 'exclusiveGateway', id: b('Gateway_Re'), attributes: `default="${b('Flow_MacDinh')}"` },
      { tag: 'userTask', id: b('Task_XacMinh'), attributes: `name="Xác minh ${block}"`, inner: stepExtensions('phong-xac-minh') },
      {
        tag: 'serviceTask',
        id: b('Task_TraCuu'),
        attributes: `name="Tra cứu ${block}"`,
        inner: '<bpmn:extensionElements><mc:serviceCall type="goi-http"><mc:input target="method" expression="=&quot;GET&quot;" /><mc:input target="url" expression="=&quot;https://csdl.example.gov.vn/ho-so/&quot; + soHoSo" /></mc:serviceCall></bpmn:extensionElements>',
      },
      { tag: 'exclusiveGateway', id: b('Gateway_Gop') },
      { tag: 'parallelGateway', id: b('Gateway_Tach') },
      { tag: 'userTask', id: b('Task_XuLy'), attributes: `name="Xử lý ${block}"`, inner: stepExtensions('phong-xu-ly') },
      {
        tag: 'boundaryEvent',
        id: b('Boundary_Nhac'),
        attributes: `attachedToRef="${b('Task_XuLy')}" cancelActivity="false"`,
        inner: '<bpmn:timerEventDefinition><bpmn:timeDuration xsi:type="bpmn:tFormalExpression">2WH</bpmn:timeDuration></bpmn:timerEventDefinition>',
      },
      { tag: 'endEvent', id: b('End_Nhac') },
      { tag: 'sendTask', id: b('Task_ThongBao'), attributes: `name="Thông báo ${block}" messageRef="Message_ThongBao"` },
      { tag: 'parallelGateway', id: b('Gateway_Dong') },
    );
    flows.push(
      [b('Flow_Vao'), previous, b('Task_ThamDinh')],
      [b('Flow_ThamDinh'), b('Task_ThamDinh'), b('Gateway_Re')],
      [b('Flow_CanXacMinh'), b('Gateway_Re'), b('Task_XacMinh'), 'soTien &gt; 100000000'],
      [b('Flow_MacDinh'), b('Gateway_Re'), b('Task_TraCuu')],
      [b('Flow_XacMinh'), b('Task_XacMinh'), b('Gateway_Gop')],
      [b('Flow_TraCuu'), b('Task_TraCuu'), b('Gateway_Gop')],
      [b('Flow_Gop'), b('Gateway_Gop'), b('Gateway_Tach')],
      [b('Flow_TachXuLy'), b('Gateway_Tach'), b('Task_XuLy')],
      [b('Flow_TachThongBao'), b('Gateway_Tach'), b('Task_ThongBao')],
      [b('Flow_Nhac'), b('Boundary_Nhac'), b('End_Nhac')],
      [b('Flow_XuLy'), b('Task_XuLy'), b('Gateway_Dong')],
      [b('Flow_ThongBao'), b('Task_ThongBao'), b('Gateway_Dong')],
    );
    place(b('Task_ThamDinh'), x, 78, 100, 80);
    place(b('Gateway_Re'), x + 150, 93, 50, 50);
    place(b('Task_XacMinh'), x + 250, 0, 100, 80);
    place(b('Task_TraCuu'), x + 250, 160, 100, 80);
    place(b('Gateway_Gop'), x + 400, 93, 50, 50);
    place(b('Gateway_Tach'), x + 500, 93, 50, 50);
    place(b('Task_XuLy'), x + 600, 0, 100, 80);
    place(b('Boundary_Nhac'), x + 632, 62, 36, 36);
    place(b('End_Nhac'), x + 632, 300, 36, 36);
    place(b('Task_ThongBao'), x + 600, 160, 100, 80);
    place(b('Gateway_Dong'), x + 750, 93, 50, 50);
    previous = b('Gateway_Dong');
  }
  flows.push(['Flow_Ket', previous, 'End']);
  place('End', 100 + blocks * 1000, 100, 36, 36);

  const incoming = new Map<string, string[]>();
  const outgoing = new Map<string, string[]>();
  for (const [id, source, target] of flows) {
    outgoing.set(source, [...(outgoing.get(source) ?? []), id]);
    incoming.set(target, [...(incoming.get(target) ?? []), id]);
  }
  const nodeXml = elements.map(({ tag, id, attributes, inner }) => {
    const wiring = [...(incoming.get(id) ?? []).map((flow) => `<bpmn:incoming>${flow}</bpmn:incoming>`), ...(outgoing.get(id) ?? []).map((flow) => `<bpmn:outgoing>${flow}</bpmn:outgoing>`)];
    return `<bpmn:${tag} id="${id}"${attributes ? ` ${attributes}` : ''}>${inner ?? ''}${wiring.join('')}</bpmn:${tag}>`;
  });
  const flowXml = flows.map(([id, source, target, condition]) =>
    condition
      ? `<bpmn:sequenceFlow id="${id}" sourceRef="${source}" targetRef="${target}"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">=${condition}</bpmn:conditionExpression></bpmn:sequenceFlow>`
      : `<bpmn:sequenceFlow id="${id}" sourceRef="${source}" targetRef="${target}" />`,
  );
  const edges = flows.map(([id]) => `<bpmndi:BPMNEdge id="${id}_di" bpmnElement="${id}"><di:waypoint x="0" y="0" /><di:waypoint x="10" y="10" /></bpmndi:BPMNEdge>`);
  const xml = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:mc="http://motcua.io/schema/bpmn/1.0" id="Definitions_Bench">
<bpmn:message id="Message_ThongBao" name="thong-bao" />
<bpmn:process id="Process_Bench" name="Thủ tục thử tải" isExecutable="true">
<bpmn:extensionElements><mc:procedure code="thu-tai" agency="ubnd-tinh" legalLimit="9999WD" cutOff="15:00"><mc:costModel hourlyIncome="35000" timesPerYear="1" subjectsPerYear="1000" /></mc:procedure></bpmn:extensionElements>
${nodeXml.join('\n')}
${flowXml.join('\n')}
</bpmn:process>
<bpmndi:BPMNDiagram id="Diagram_Bench"><bpmndi:BPMNPlane id="Plane_Bench" bpmnElement="Process_Bench">
${shapes.join('\n')}
${edges.join('\n')}
</bpmndi:BPMNPlane></bpmndi:BPMNDiagram>
</bpmn:definitions>`;
  return { xml, nodes: 2 + blocks * NODES_PER_BLOCK, flows: flows.length };
}
