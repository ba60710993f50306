import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile } from '../../../engine/compiler/compile.js';
import { procedurePlanSchema } from '../../../engine/plan/plan-schema.js';
import type { PlanFlow, PlanNode, ProcedurePlan } from '../../../engine/plan/procedure-plan.js';
import { allScopes } from '../../../engine/plan/scope-index.js';

async function planOf(fixture: string): Promise<ProcedurePlan> {
  const xml = readFileSync(path.join(import.meta.dirname, 'fixtures', 'elements', `${fixture}.bpmn`), 'utf8');
  const result = await compile(xml);
  expect(result.diagnostics.filter((diagnostic) => diagnostic.severity !== 'info')).toEqual([]);
  expect(procedurePlanSchema.safeParse(result.plan).success).toBe(true);
  return result.plan!;
}

function nodeOf(plan: ProcedurePlan, id: string): PlanNode {
  const node = allScopes(plan.process)
    .flatMap((scope) => scope.nodes)
    .find((candidate) => candidate.id === id);
  if (!node) throw new Error(`no node ${id}`);
  return node;
}

function flowOf(plan: ProcedurePlan, id: string): PlanFlow {
  return allScopes(plan.process)
    .flatMap((scope) => scope.flows)
    .find((candidate) => candidate.id === id)!;
}

describe('every supported element compiles to its typed plan node', () => {
  it('none start event, with its outgoing flow', async () => {
    const plan = await planOf('start-event-none');
    expect(nodeOf(plan, 'Start')).toEqual({ type: 'startEvent', id: 'Start', incoming: [], outgoing: ['Flow_Start_Task_XuLy'], trigger: { kind: 'none' } });
    expect(nodeOf(plan, 'End')).toEqual({ type: 'endEvent', id: 'End', incoming: ['Flow_Task_XuLy_End'], outgoing: [], result: { kind: 'none' } });
  });

  it('message start event, by message name', async () => {
    const plan = await planOf('start-event-message');
    expect(nodeOf(plan, 'Start')).toMatchObject({ type: 'startEvent', name: 'Nhận hồ sơ trực tuyến', trigger: { kind: 'message', message: 'ho-so-truc-tuyen' } });
  });

  it('terminate end event', async () => {
    const plan = await planOf('end-event-terminate');
    expect(nodeOf(plan, 'End_KetThucNgay')).toMatchObject({ type: 'endEvent', result: { kind: 'terminate' } });
  });

  it('error end event and the error boundary event catching it', async () => {
    const plan = await planOf('end-event-error');
    expect(nodeOf(plan, 'End_Loi')).toMatchObject({ type: 'endEvent', result: { kind: 'error', errorCode: 'ho-so-gia' } });
    expect(nodeOf(plan, 'Boundary_Loi')).toEqual({
      type: 'boundaryEvent',
      id: 'Boundary_Loi',
      incoming: [],
      outgoing: ['Flow_Boundary_Loi_Task_TuChoi'],
      attachedTo: 'Sub_KiemTra',
      interrupting: true,
      trigger: { kind: 'error', errorCode: 'ho-so-gia' },
    });
  });

  it('escalation end event and a non-interrupting escalation boundary event', async () => {
    const plan = await planOf('end-event-escalation');
    expect(nodeOf(plan, 'End_ChuyenCap')).toMatchObject({ result: { kind: 'escalation', escalationCode: 'can-lanh-dao' } });
    expect(nodeOf(plan, 'Boundary_ChuyenCap')).toMatchObject({ interrupting: false, trigger: { kind: 'escalation', escalationCode: 'can-lanh-dao' } });
  });

  it('user task with role, unit, agency, deadline, form, outcomes, escalation and compliance cost', async () => {
    const plan = await planOf('user-task');
    expect(nodeOf(plan, 'Task_ThamDinh')).toEqual({
      type: 'userTask',
      id: 'Task_ThamDinh',
      name: 'Thẩm định',
      incoming: ['Flow_Start_Task_ThamDinh'],
      outgoing: ['Flow_Task_ThamDinh_End'],
      assignment: { role: 'chuyen-vien', unit: 'phong-tu-phap', agency: 'so-tu-phap' },
      deadline: '2WD',
      citizenFacing: true,
      form: {
        fields: [
          { key: 'soTien', label: 'Số tiền', type: 'number', required: true },
          {
            key: 'loaiHoSo',
            label: 'Loại hồ sơ',
            type: 'choice',
            required: false,
            options: [
              { value: 'ca-nhan', label: 'Cá nhân' },
              { value: 'to-chuc', label: 'Tổ chức' },
            ],
          },
        ],
      },
      outcomes: [
        { value: 'dat', label: 'Đạt' },
        { value: 'bo-sung', label: 'Bổ sung' },
      ],
      outcomeVariable: 'ketQua',
      escalation: { dueSoonShare: 0.8, overdueActions: ['notify', 'apology-letter'], target: 'truong-phong', reassignAfter: '1WD' },
      complianceCost: { citizenHours: 1.5, travelCost: 30000, copyCost: 2000, fees: 50000 },
    });
  });

  it('user task that returns the result: marked in the plan; the other steps carry no mark', async () => {
    const plan = await planOf('user-task-returns-result');
    expect(nodeOf(plan, 'Task_TraKetQua')).toMatchObject({ type: 'userTask', returnsResult: true });
    expect(nodeOf(plan, 'Task_XuLy')).not.toHaveProperty('returnsResult');
  });

  it('user task whose form is a form-js schema reference; the step’s agency defaults to the procedure’s', async () => {
    const plan = await planOf('user-task-form-reference');
    expect(nodeOf(plan, 'Task_NhapLieu')).toMatchObject({
      form: { schemaRef: 'bieu-mau/nhap-lieu-v2' },
      assignment: { agency: 'ubnd-xa' },
      citizenFacing: false,
    });
  });

  it('service task with its activity type and FEEL input mapping', async () => {
    const plan = await planOf('service-task');
    expect(nodeOf(plan, 'Task_DongBo')).toMatchObject({
      type: 'serviceTask',
      activityType: 'dong-bo-cong-dvc',
      input: [
        { target: 'maHoSo', expression: 'maHoSo' },
        { target: 'trangThai', expression: '"dang-xu-ly"' },
      ],
      deadline: '30WM',
    });
  });

  it('send task, by message name', async () => {
    const plan = await planOf('send-task');
    expect(nodeOf(plan, 'Task_GuiThu')).toMatchObject({ type: 'sendTask', message: 'phieu-hen', citizenFacing: false });
  });

  it('receive task, as the wait for the citizen’s supplement', async () => {
    const plan = await planOf('receive-task');
    expect(nodeOf(plan, 'Task_ChoBoSung')).toMatchObject({ type: 'receiveTask', message: 'ho-so-bo-sung', supplementation: true, citizenFacing: true });
  });

  it('exclusive gateway: FEEL condition source on its flows (with or without "="), default flow on the gateway', async () => {
    const plan = await planOf('exclusive-gateway');
    expect(nodeOf(plan, 'Gateway_Re')).toMatchObject({ type: 'exclusiveGateway', default: 'Flow_MacDinh', outgoing: ['Flow_A', 'Flow_B', 'Flow_MacDinh'] });
    expect(flowOf(plan, 'Flow_A')).toEqual({ id: 'Flow_A', source: 'Gateway_Re', target: 'Task_A', condition: 'soTien > 1000000' });
    expect(flowOf(plan, 'Flow_B').condition).toBe('loai = "to-chuc"');
    expect(flowOf(plan, 'Flow_MacDinh').condition).toBeUndefined();
    expect(nodeOf(plan, 'Gateway_Gop')).toMatchObject({ type: 'exclusiveGateway', incoming: ['Flow_Task_A_Gateway_Gop', 'Flow_Task_B_Gateway_Gop', 'Flow_Task_C_Gateway_Gop'] });
  });

  it('inclusive gateway', async () => {
    const plan = await planOf('inclusive-gateway');
    expect(nodeOf(plan, 'Gateway_Re')).toMatchObject({ type: 'inclusiveGateway', default: 'Flow_MacDinh' });
    expect(flowOf(plan, 'Flow_B').condition).toBe('canXinYKien');
  });

  it('parallel gateway', async () => {
    const plan = await planOf('parallel-gateway');
    expect(nodeOf(plan, 'Gateway_Tach')).toMatchObject({ type: 'parallelGateway', outgoing: ['Flow_Gateway_Tach_Task_A', 'Flow_Gateway_Tach_Task_B'] });
    expect(nodeOf(plan, 'Gateway_Gop')).toMatchObject({ type: 'parallelGateway', incoming: ['Flow_Task_A_Gateway_Gop', 'Flow_Task_B_Gateway_Gop'] });
  });

  it('event-based gateway with a timer and a message catch event', async () => {
    const plan = await planOf('event-based-gateway');
    expect(nodeOf(plan, 'Gateway_ChoSuKien')).toMatchObject({ type: 'eventBasedGateway' });
    expect(nodeOf(plan, 'Event_HetHan')).toMatchObject({ type: 'timerCatchEvent', duration: '15WD' });
    expect(nodeOf(plan, 'Event_BoSung')).toMatchObject({ type: 'messageCatchEvent', message: 'ho-so-bo-sung' });
  });

  it('intermediate timer catch event: the duration in canonical legal text', async () => {
    const plan = await planOf('timer-catch-event');
    expect(nodeOf(plan, 'Event_Cho')).toMatchObject({ type: 'timerCatchEvent', duration: 'PT48H' });
  });

  it('intermediate timer catch event written the way other modelers do, PT1H30M: kept as the elapsed PT90M', async () => {
    const xml = readFileSync(path.join(import.meta.dirname, 'fixtures', 'elements', 'timer-catch-event.bpmn'), 'utf8').replace('>PT48H<', '>PT1H30M<');
    const result = await compile(xml);
    expect(result.diagnostics.filter((diagnostic) => diagnostic.severity === 'error')).toEqual([]);
    expect(nodeOf(result.plan!, 'Event_Cho')).toMatchObject({ type: 'timerCatchEvent', duration: 'PT90M' });
  });

  it.each([
    ['timeDate', '2026-03-01T08:00:00+07:00', 'fixed date'],
    ['timeCycle', 'R3/PT10H', 'repeating timer'],
  ])('a timer with a %s, valid BPMN not run yet: named as unsupported, with the duration to set instead', async (kind, value, named) => {
    const xml = readFileSync(path.join(import.meta.dirname, 'fixtures', 'elements', 'timer-catch-event.bpmn'), 'utf8').replace(
      /<bpmn:timeDuration[^>]*>PT48H<\/bpmn:timeDuration>/,
      `<bpmn:${kind} xsi:type="bpmn:tFormalExpression">${value}</bpmn:${kind}>`,
    );
    const found = (await compile(xml)).diagnostics.filter((diagnostic) => diagnostic.elementId === 'Event_Cho');
    expect(found.map((diagnostic) => diagnostic.code)).toEqual(['unsupported-element']);
    expect(found[0]!.message.en).toContain(named);
    expect(found[0]!.message.en).toContain('timeDuration');
  });

  it('intermediate message catch event', async () => {
    const plan = await planOf('message-catch-event');
    expect(nodeOf(plan, 'Event_KetQua')).toMatchObject({ type: 'messageCatchEvent', message: 'ket-qua-lien-thong' });
  });

  it('interrupting boundary timer', async () => {
    const plan = await planOf('boundary-timer-interrupting');
    expect(nodeOf(plan, 'Boundary_1')).toMatchObject({ attachedTo: 'Task_XuLy', interrupting: true, trigger: { kind: 'timer', duration: '2WD' } });
  });

  it('non-interrupting boundary timer', async () => {
    const plan = await planOf('boundary-timer-non-interrupting');
    expect(nodeOf(plan, 'Boundary_1')).toMatchObject({ interrupting: false, trigger: { kind: 'timer', duration: '6WH' } });
  });

  it('boundary message event', async () => {
    const plan = await planOf('boundary-message');
    expect(nodeOf(plan, 'Boundary_1')).toMatchObject({ interrupting: true, trigger: { kind: 'message', message: 'rut-ho-so' } });
  });

  it('embedded subprocess as a nested scope, with its own step settings', async () => {
    const plan = await planOf('sub-process');
    const sub = nodeOf(plan, 'Sub_XuLy');
    expect(sub).toMatchObject({ type: 'subProcess', deadline: '3WD', assignment: { unit: 'phong-chuyen-mon', agency: 'ubnd-xa' } });
    if (sub.type !== 'subProcess') throw new Error('not a subprocess');
    expect(sub.scope.id).toBe('Sub_XuLy');
    expect(sub.scope.nodes.map((node) => node.id)).toEqual(['Start_Con', 'Task_Con', 'End_Con']);
    expect(sub.scope.flows.map((flow) => flow.id)).toEqual(['Flow_Con_1', 'Flow_Con_2']);
    expect(plan.process.nodes.map((node) => node.id)).not.toContain('Task_Con');
  });

  it('call activity: procedure code and version policy', async () => {
    const plan = await planOf('call-activity');
    expect(nodeOf(plan, 'Call_HoKinhDoanh')).toMatchObject({ type: 'callActivity', procedureCode: 'dang-ky-ho-kinh-doanh', version: 3 });
  });

  it('parallel multi-instance task with FEEL collection, element variable and completion condition', async () => {
    const plan = await planOf('multi-instance-task');
    expect(nodeOf(plan, 'Task_XinYKien')).toMatchObject({
      multiInstance: { sequential: false, collection: 'coQuanLienQuan', elementVariable: 'coQuan', completionCondition: 'soYKienDongY >= 2' },
    });
  });

  it('multi-instance counted by loopCardinality, as other engines write it: named as unsupported, with the collection to use instead', async () => {
    const xml = readFileSync(path.join(import.meta.dirname, 'fixtures', 'elements', 'multi-instance-task.bpmn'), 'utf8').replace(
      '<bpmn:extensionElements><mc:multiInstance collection="=coQuanLienQuan" elementVariable="coQuan" /></bpmn:extensionElements>',
      '<bpmn:loopCardinality xsi:type="bpmn:tFormalExpression">3</bpmn:loopCardinality>',
    );
    const codes = (await compile(xml)).diagnostics.filter((diagnostic) => diagnostic.elementId === 'Task_XinYKien');
    expect(codes.map((diagnostic) => diagnostic.code)).toEqual(['unsupported-element']);
    expect(codes[0]!.message.en).toContain('loopCardinality');
  });

  it('sequential multi-instance subprocess', async () => {
    const plan = await planOf('multi-instance-sequential-sub-process');
    expect(nodeOf(plan, 'Sub_TungThuaDat')).toMatchObject({
      type: 'subProcess',
      multiInstance: { sequential: true, collection: 'danhSachThuaDat', elementVariable: 'thuaDat' },
    });
  });

  it('sequence flow going back, with its declared rework rounds', async () => {
    const plan = await planOf('sequence-flow-rework');
    expect(flowOf(plan, 'Flow_LamLai')).toEqual({ id: 'Flow_LamLai', source: 'Gateway_Dat', target: 'Gateway_Vao', condition: 'dat = false', maxRounds: 2 });
  });
});
