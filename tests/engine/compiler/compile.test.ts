import { readFileSync } from 'node:fs';
import path from 'node:path';
import { BpmnModdle } from 'bpmn-moddle';
import { describe, expect, it } from 'vitest';
import { compile, compileDefinitions } from '../../../engine/compiler/compile.js';
import type { ModdleElement } from '../../../engine/moddle/moddle-element.js';
import { motcuaModdleDescriptor } from '../../../engine/moddle/read-bpmn.js';
import { planHash } from '../../../engine/plan/canonical-plan.js';

const sample = readFileSync(path.join(import.meta.dirname, '../../../engine/samples/household-business-registration.bpmn'), 'utf8');

/** Definitions as bpmn-js's modeler holds them: parsed with diagram interchange and the MotCua extension. */
async function modelerDefinitions(xml: string) {
  const { rootElement } = await BpmnModdle({ mc: motcuaModdleDescriptor }).fromXML(xml);
  return rootElement as ModdleElement & { rootElements: Array<{ $type: string; flowElements: Array<{ id: string }> }> };
}

describe('compile', () => {
  it('hands out the plan, its canonical JSON and its hash together, only when there is no error', async () => {
    const result = await compile(sample);
    expect(result.ok).toBe(true);
    expect(result.hash).toBe(planHash(result.plan!));
    expect(JSON.parse(result.canonical!)).toEqual(JSON.parse(JSON.stringify(result.plan)));

    const broken = await compile(sample.replace('role="lanh-dao" ', ''));
    expect(broken).toMatchObject({ ok: false, plan: null, canonical: null, hash: null });
    expect(broken.diagnostics).toContainEqual(expect.objectContaining({ code: 'missing-role', elementId: 'Task_PheDuyet' }));
    // The designer still gets the analysis of a model with errors.
    expect(broken.analysis!.budget.text).toBe('3WD');
  });

  it('compiles bpmn-js’s definitions to the same plan as the XML', async () => {
    const fromXml = await compile(sample);
    const fromModeler = compileDefinitions(await modelerDefinitions(sample));
    expect(fromModeler.hash).toBe(fromXml.hash);
    expect(fromModeler.diagnostics).toEqual(fromXml.diagnostics);
  });

  it('reports two elements with one id in definitions that never went through XML', async () => {
    const definitions = await modelerDefinitions(sample);
    const elements = definitions.rootElements.find((element) => element.$type === 'bpmn:Process')!.flowElements;
    const copy = elements.find((element) => element.id === 'Task_TraKetQua')!;
    copy.id = 'Task_ThamDinh';
    const result = compileDefinitions(definitions);
    expect(result.diagnostics).toContainEqual(expect.objectContaining({ code: 'duplicate-id', elementId: 'Task_ThamDinh' }));
    expect(result.ok).toBe(false);
  });

  it('answers definitions without any process with a diagnostic, not an exception', () => {
    const empty = { $type: 'bpmn:Definitions', $instanceOf: () => false } as ModdleElement;
    expect(compileDefinitions(empty).diagnostics.map((diagnostic) => diagnostic.code)).toEqual(['no-process']);
  });

  it('checks call activities against the registry it is given', async () => {
    const karaoke = readFileSync(path.join(import.meta.dirname, '../../../engine/samples/karaoke-licence-bundle.bpmn'), 'utf8');
    expect((await compile(karaoke, { procedures: { 'dang-ky-ho-kinh-doanh': { versions: [1, 2] } } })).ok).toBe(true);
    const unknown = await compile(karaoke, { procedures: {} });
    expect(unknown.diagnostics).toContainEqual(expect.objectContaining({ code: 'unknown-called-procedure', elementId: 'Call_DangKyHoKinhDoanh' }));
    const pinned = karaoke.replace('version="deployment"', 'version="3"');
    expect((await compile(pinned, { procedures: { 'dang-ky-ho-kinh-doanh': { versions: [1, 2] } } })).ok).toBe(false);
  });
});

describe('refusal outcomes', () => {
  it('warns when a refusal’s branch reaches a plain end, which would record the dossier as returned', async () => {
    const plainEnd = await compile(sample.replace('\n      <bpmn:errorEventDefinition id="ErrorDef_TuChoi" errorRef="Error_TuChoi" />', ''));
    expect(plainEnd.diagnostics.map((diagnostic) => [diagnostic.severity, diagnostic.code, diagnostic.elementId])).toEqual([['warning', 'refusal-ends-as-result', 'End_DaTuChoi']]);
    expect((await compile(sample)).diagnostics).toEqual([]);
  });
});

describe('MotCua attributes', () => {
  it.each([
    ['an empty step deadline', (xml: string) => xml.replace('deadline="1WD" />\n        <mc:form>\n          <mc:field key="giayToThieu"', 'deadline=" " />\n        <mc:form>\n          <mc:field key="giayToThieu"'), 'missing-deadline', 'Task_ThamDinh'],
    ['a calendar id the calendar data cannot name', (xml: string) => xml.replace('calendarId="vn-national"', 'calendarId="Lịch Hà Nội"'), 'invalid-attribute', 'Process_DangKyHoKinhDoanh'],
    ['an unknown overdue action', (xml: string) => xml.replace('<mc:onOverdue action="notify" />', '<mc:onOverdue action="phone-the-minister" />'), 'invalid-attribute', 'Task_TiepNhan'],
    ['a due-soon share of a whole', (xml: string) => xml.replace('dueSoonShare="0.75" target="truong-bo-phan"', 'dueSoonShare="1" target="truong-bo-phan"'), 'invalid-attribute', 'Task_TiepNhan'],
    ['a compliance cost in words', (xml: string) => xml.replace('travelCost="40000" copyCost="10000" fees="0" />\n      </bpmn:extensionElements>\n      <bpmn:incoming>Flow_NopHoSo', 'travelCost="bốn mươi nghìn" copyCost="10000" fees="0" />\n      </bpmn:extensionElements>\n      <bpmn:incoming>Flow_NopHoSo'), 'invalid-attribute', 'Task_TiepNhan'],
    ['outcomes without a variable', (xml: string) => xml.replace('<mc:outcomes variable="ketQua">', '<mc:outcomes>'), 'invalid-attribute', 'Task_ThamDinh'],
    ['a refusal that names no field for its reason', (xml: string) => xml.replace('kind="refusal" reasonField="lyDo"', 'kind="refusal"'), 'invalid-attribute', 'Task_ThamDinh'],
    ['a supplementation request that names no field for its documents', (xml: string) => xml.replace('kind="supplementation" documentsField="giayToThieu"', 'kind="supplementation"'), 'invalid-attribute', 'Task_ThamDinh'],
    ['an outcome requiring a field the form lacks', (xml: string) => xml.replace('reasonField="lyDo"', 'reasonField="lyDoKhac"'), 'invalid-attribute', 'Task_ThamDinh'],
    ['an outcome kind the law does not know', (xml: string) => xml.replace('kind="refusal"', 'kind="maybe"'), 'invalid-attribute', 'Task_ThamDinh'],
    ['a choice field without options', (xml: string) => xml.replace(/(<mc:field key="hinhThucTra"[^>]*>)[\s\S]*?(<\/mc:field>)/, '$1$2'), 'invalid-attribute', 'Task_TraKetQua'],
    ['the supplementation mark on a user task', (xml: string) => xml.replace('citizenFacing="true" returnsResult="true" />\n        <mc:form>\n          <mc:field key="hinhThucTra"', 'citizenFacing="true" returnsResult="true" supplementation="true" />\n        <mc:form>\n          <mc:field key="hinhThucTra"'), 'invalid-attribute', 'Task_TraKetQua'],
    ['the returns-result mark on a receive task', (xml: string) => xml.replace('supplementation="true"', 'supplementation="true" returnsResult="true"'), 'invalid-attribute', 'Task_ChoBoSung'],
    ['rework rounds that are not a whole number', (xml: string) => xml.replace('maxRounds="1"', 'maxRounds="1.5"'), 'invalid-attribute', 'Flow_BoSung_HopNhat'],
  ])('reports %s on its element, and changes nothing else', async (_, edit, code, elementId) => {
    const edited = edit(sample);
    expect(edited).not.toBe(sample);
    const result = await compile(edited);
    expect(result.diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.elementId])).toEqual([[code, elementId]]);
    expect(result.plan).toBeNull();
  });
});

describe('soundness of scopes with structural errors', () => {
  it('leaves out only the scope that is broken: a subprocess without a start does not stop its parent being checked', async () => {
    const karaoke = readFileSync(path.join(import.meta.dirname, '../../../engine/samples/karaoke-licence-bundle.bpmn'), 'utf8');
    const broken = karaoke.replace('<bpmn:startEvent id="Start_AnNinh">\n        <bpmn:outgoing>Flow_AnNinh_1</bpmn:outgoing>\n      </bpmn:startEvent>', '').replace(
      '<bpmn:sequenceFlow id="Flow_AnNinh_1" sourceRef="Start_AnNinh" targetRef="Task_TiepNhanAnNinh" />',
      '',
    );
    const result = await compile(broken);
    expect(result.diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.elementId])).toContainEqual(['missing-start-event', 'Sub_AnNinhTratTu']);
    expect(result.analysis!.soundness.scopes.map((scope) => [scope.scopeId, scope.verdict])).toEqual([
      ['Process_KaraokeTronGoi', 'sound'],
      ['Sub_AnNinhTratTu', 'not-checked'],
      ['Sub_GiayPhepKaraoke', 'sound'],
    ]);
  });
});

describe('catalogue settings of a procedure', () => {
  const declared = 'nationalCode="2.000720" field="Thành lập và hoạt động của hộ kinh doanh" onlineLevel="full"';

  it('reads the national code, the field and the online service level the catalogue files the procedure by', async () => {
    expect(sample).toContain(declared);
    expect((await compile(sample)).plan!.procedure).toMatchObject({ nationalCode: '2.000720', field: 'Thành lập và hoạt động của hộ kinh doanh', onlineLevel: 'full' });
    const undeclared = (await compile(sample.replace(declared, ''))).plan!.procedure;
    expect(undeclared).toMatchObject({ onlineLevel: 'partial' });
    expect(undeclared).not.toHaveProperty('nationalCode', expect.anything());
    expect(undeclared).not.toHaveProperty('field', expect.anything());
  });

  it.each([
    ['nationalCode="2000720"', 'mc:procedure nationalCode'],
    ['onlineLevel="level-4"', 'mc:procedure onlineLevel'],
  ])('refuses %s, naming the attribute', async (attribute, named) => {
    const result = await compile(sample.replace(declared, attribute));
    expect(result.ok).toBe(false);
    expect(result.diagnostics).toContainEqual(expect.objectContaining({ code: 'invalid-attribute', elementId: 'Process_DangKyHoKinhDoanh' }));
    expect(JSON.stringify(result.diagnostics)).toContain(named);
  });
});
