// @vitest-environment happy-dom
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from 'vitest';
import { convertForeignModel, readForeignModel } from '../../../../../designer/src/procedures/import/foreign-model.js';
import { projectRoot } from '../../../../../scripts/runtime/config.js';

const camunda7 = () => readFile(path.join(projectRoot, 'tests/designer/e2e/fixtures/camunda7-signboard-permit.bpmn'), 'utf8');
const motcuaSample = () => readFile(path.join(projectRoot, 'engine/samples/household-business-registration.bpmn'), 'utf8');

test('a Camunda 7 model is read as one, with the groups it names and its steps’ names', async () => {
  const model = await readForeignModel(await camunda7());
  expect(model?.dialect).toBe('camunda7');
  expect(model?.assignees.map(({ kind, name, elementIds }) => ({ kind, name, elementIds }))).toEqual([
    { kind: 'group', name: 'front-office', elementIds: ['Task_TiepNhan'] },
    { kind: 'group', name: 'appraisers', elementIds: ['Task_ThamDinh'] },
  ]);
  expect(model?.elementNames).toMatchObject({ Task_TiepNhan: 'Tiếp nhận hồ sơ', Task_ThamDinh: 'Thẩm định biển hiệu' });
});

test('converting takes the mapping and the defaults', async () => {
  const model = (await readForeignModel(await camunda7()))!;
  const outcome = await convertForeignModel(model, { groups: { appraisers: { role: 'chuyen-vien', unit: 'phong-kinh-te' } }, users: {} }, { agency: 'ubnd-xa', legalLimit: '5WD' }, false);
  if (!outcome.ok) throw new Error('the fixture converts');
  expect(outcome.xml).toMatch(/<mc:step [^>]*role="chuyen-vien"[^>]*unit="phong-kinh-te"/);
  expect(outcome.xml).toContain('agency="ubnd-xa"');
  expect(outcome.report.filter((line) => line.outcome === 'needs-person').map((line) => line.elementId)).toContain('Task_TiepNhan');
  expect(outcome.xml).toContain('camunda:candidateGroups');
});

test('converting can leave the other tool’s markup out', async () => {
  const model = (await readForeignModel(await camunda7()))!;
  const outcome = await convertForeignModel(model, { groups: {}, users: {} }, {}, true);
  expect(outcome.ok && outcome.xml).not.toContain('camunda:');
});

test('MotCua’s own BPMN and a file that is no model are not foreign models', async () => {
  expect(await readForeignModel(await motcuaSample())).toBeUndefined();
  expect(await readForeignModel('<bpmn:definitions xmlns:camunda="http://camunda.org/schema/1.0/bpmn"')).toBeUndefined();
});
