import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile } from '../../../engine/compiler/compile.js';
import { detectDialect, importModel } from '../../../engine/import/import-model.js';
import type { ConversionLine, Dialect, ImportMapping, ImportResult } from '../../../engine/import/import-types.js';
import { readBpmn } from '../../../engine/moddle/read-bpmn.js';
import { corpusFiles } from '../compiler/corpus-files.js';

const fixture = (name: string) => readFileSync(path.join(import.meta.dirname, 'fixtures', name), 'utf8');
const procedure = { agency: 'ubnd-xa', legalLimit: '5WD', stepDeadline: '1WD' };

async function imported(xml: string, from: Dialect, mapping?: ImportMapping, stripForeign = false): Promise<ImportResult> {
  const result = await importModel(xml, { from, procedure, stripForeign, ...(mapping ? { mapping } : {}) });
  if (!result.ok) throw new Error(`not read: ${result.diagnostics.map((diagnostic) => diagnostic.code).join(', ')}`);
  return result;
}

const lines = (result: ImportResult, outcome: ConversionLine['outcome']) => result.report.filter((line) => line.outcome === outcome).map((line) => `${line.elementId} ${line.subject}`);

const models: Array<{ file: string; dialect: Dialect; mapping: ImportMapping; converted: string[]; foreign: string }> = [
  {
    file: 'camunda7-leave-request.bpmn',
    dialect: 'camunda7',
    mapping: { groups: { 'front-desk': { role: 'can-bo-mot-cua', unit: 'bo-phan-mot-cua' }, reviewers: { role: 'chuyen-vien', unit: 'phong-kinh-te' } }, users: {} },
    converted: [
      'Receive camunda:candidateGroups',
      'Receive camunda:dueDate',
      'Receive camunda:formData',
      'Review camunda:candidateGroups',
      'Flow_Approved conditionExpression',
      'Flow_Refused conditionExpression',
      'Issue mc:step deadline',
    ],
    foreign: 'camunda:candidateGroups="front-desk"',
  },
  {
    file: 'camunda8-street-vending.bpmn',
    dialect: 'camunda8',
    mapping: { groups: { 'ward-office': { role: 'can-bo-mot-cua', unit: 'bo-phan-mot-cua' } }, users: { '=ward.clerk': { role: 'can-bo-mot-cua', unit: 'bo-phan-mot-cua' } } },
    converted: ['Assess zeebe:assignmentDefinition candidateGroups', 'Assess zeebe:taskSchedule dueDate', 'Assess zeebe:formDefinition', 'AssessLate timeDuration', 'Notify zeebe:assignmentDefinition assignee', 'Flow_Yes conditionExpression'],
    foreign: '<zeebe:userTaskForm id="UserTaskForm_Assess">',
  },
  {
    file: 'flowable-grant-application.bpmn',
    dialect: 'flowable',
    mapping: {
      groups: { clerks: { role: 'chuyen-vien', unit: 'phong-lao-dong' } },
      users: { director: { role: 'chu-tich', unit: 'lanh-dao' }, '${headOfUnit}': { role: 'truong-phong', unit: 'phong-lao-dong' } },
    },
    converted: ['check flowable:candidateGroups', 'check flowable:dueDate', 'check flowable:formProperty', 'toLarge conditionExpression', 'approveLarge flowable:candidateUsers', 'approveSmall flowable:assignee'],
    foreign: 'flowable:candidateGroups="clerks"',
  },
];

describe('importing another modeler’s model', () => {
  for (const model of models) {
    describe(model.file, () => {
      it(`is recognised as ${model.dialect}`, () => {
        expect(detectDialect(fixture(model.file))).toBe(model.dialect);
      });

      it('does not compile as it is, and compiles once converted with the mapping', async () => {
        expect((await compile(fixture(model.file))).ok).toBe(false);
        const result = await imported(fixture(model.file), model.dialect, model.mapping);
        const compiled = await compile(result.xml);
        expect(compiled.diagnostics.filter((diagnostic) => diagnostic.severity === 'error')).toEqual([]);
        expect(lines(result, 'converted')).toEqual(expect.arrayContaining(model.converted));
      });

      it('keeps the tool’s own markup, unless asked to remove it', async () => {
        expect((await imported(fixture(model.file), model.dialect, model.mapping)).xml).toContain(model.foreign);
        const stripped = await imported(fixture(model.file), model.dialect, model.mapping, true);
        expect(stripped.xml).not.toContain(model.foreign);
        expect((await compile(stripped.xml)).diagnostics.filter((diagnostic) => diagnostic.severity === 'error')).toEqual([]);
      });

      it('keeps the diagram', async () => {
        const shapes = (xml: string) => xml.match(/BPMNShape /g)?.length ?? 0;
        expect(shapes((await imported(fixture(model.file), model.dialect, model.mapping)).xml)).toBe(shapes(fixture(model.file)));
      });

      it('without a mapping, names every group and person to map and says each step needs one', async () => {
        const result = await imported(fixture(model.file), model.dialect);
        expect(result.assignees.length).toBeGreaterThan(0);
        expect(result.assignees.every((assignee) => !assignee.mapped && assignee.elementIds.length > 0)).toBe(true);
        const compiled = await compile(result.xml);
        const unassigned = compiled.diagnostics.filter((diagnostic) => diagnostic.code === 'missing-role').map((diagnostic) => diagnostic.elementId);
        expect(unassigned.length).toBeGreaterThan(0);
        for (const elementId of unassigned) expect(result.report).toContainEqual(expect.objectContaining({ elementId, outcome: 'needs-person' }));
      });
    });
  }

  it('Camunda 7: the groups a step is given to, a JUEL condition and a listener, each with what was done', async () => {
    const result = await imported(fixture('camunda7-leave-request.bpmn'), 'camunda7', models[0]!.mapping);
    const review = result.report.find((line) => line.elementId === 'Review' && line.subject === 'camunda:candidateGroups');
    expect(review?.text.en).toBe('reviewers (of reviewers, demo) → role chuyen-vien, unit phong-kinh-te.');
    expect(result.report.find((line) => line.elementId === 'Flow_Approved')?.text.en).toBe('Condition ${approved == true} → approved = true.');
    expect(result.xml).toContain('<mc:step role="chuyen-vien" unit="phong-kinh-te" deadline="P3D" />');
    expect(lines(result, 'needs-person')).toEqual(['Start camunda:formData', 'Receive camunda:taskListener']);
    expect(lines(result, 'dropped')).toEqual(['Review camunda:formKey', 'sign_permit camunda:historyTimeToLive', 'sign_permit camunda:candidateStarterGroups']);
  });

  it('Camunda 8: an embedded form becomes MotCua fields, layout components left out', async () => {
    const result = await imported(fixture('camunda8-street-vending.bpmn'), 'camunda8', models[1]!.mapping);
    expect(result.report.find((line) => line.elementId === 'Assess' && line.subject === 'zeebe:formDefinition')?.text.en).toBe('Form: location, days, approved, remarks.');
    expect(result.xml).toContain('<mc:field key="approved" label="Đồng ý" type="boolean" required="false" />');
    expect(result.xml).toContain('<mc:field key="location" label="Vị trí đề nghị" type="text" required="true" />');
  });

  it('says what needs a person: Java code, scripts, expressions for due dates and timers, linked forms, Groovy and method calls in conditions', async () => {
    const result = await imported(fixture('camunda7-needs-a-person.bpmn'), 'camunda7', { groups: { inspectors: { role: 'thanh-tra', unit: 'thanh-tra' } }, users: {} });
    expect(lines(result, 'needs-person')).toEqual([
      'inspection bpmn:process name',
      'Inspect camunda:dueDate',
      'Inspect camunda:formKey',
      'Remind timeDuration',
      'Score camunda:class="org.example.ScoreDelegate"',
      'Round bpmn:scriptTask',
      'F6 conditionExpression',
      'F7 conditionExpression',
      'inspection camunda:executionListener',
    ]);
    // The file binds Camunda's namespace to c7: the report still names it as Camunda writes it.
    expect(result.xml).toContain('c7:class="org.example.ScoreDelegate"');
  });

  it('a step the file gives to no one needs a person to say who does it', async () => {
    const xml = `<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="t">
      <bpmn:process id="P" name="P"><bpmn:userTask id="Nobody" camunda:dueDate="P1D" /></bpmn:process></bpmn:definitions>`;
    const result = await imported(xml, 'camunda7');
    expect(result.report).toContainEqual(expect.objectContaining({ elementId: 'Nobody', outcome: 'needs-person', subject: 'mc:step role, unit' }));
  });

  it('a file of another tool’s namespace only is told so, and unreadable XML is refused with diagnostics', async () => {
    const camunda7 = fixture('camunda7-leave-request.bpmn');
    expect(lines(await imported(camunda7, 'flowable'), 'dropped')).toEqual(['null http://flowable.org/bpmn']);
    const broken = await importModel('<bpmn:definitions', { from: 'camunda7' });
    expect(broken.ok).toBe(false);
    if (!broken.ok) expect(broken.diagnostics.map((diagnostic) => diagnostic.code)).toEqual(['xml-malformed']);
    expect(detectDialect(fixture('../../../../engine/samples/household-business-registration.bpmn'))).toBeUndefined();
  });

  it('every model of the shared corpus that another tool wrote imports without a crash into BPMN that reads back', async () => {
    let foreign = 0;
    for (const file of corpusFiles()) {
      const xml = readFileSync(file, 'utf8');
      const dialect = detectDialect(xml);
      if (!dialect) continue;
      foreign += 1;
      const result = await importModel(xml, { from: dialect, procedure });
      if (!result.ok) continue;
      const reread = await readBpmn(result.xml);
      expect(reread.definitions, file).not.toBeNull();
    }
    expect(foreign).toBeGreaterThanOrEqual(10);
  });
});
