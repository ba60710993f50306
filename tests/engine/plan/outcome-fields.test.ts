import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile } from '../../../engine/compiler/compile.js';
import { missingOutcomeFields, outcomeOnlyFields, refusalReason } from '../../../engine/plan/outcome-fields.js';

const sample = readFileSync(path.join(import.meta.dirname, '../../../engine/samples/household-business-registration.bpmn'), 'utf8');

async function samplePlan() {
  const { plan } = await compile(sample);
  return plan!;
}

async function appraisalOutcomes() {
  const node = (await samplePlan()).process.nodes.find((candidate) => candidate.id === 'Task_ThamDinh');
  if (node?.type !== 'userTask') throw new Error('the sample has no appraisal step');
  return node.outcomes!;
}

describe('outcome fields', () => {
  it('carries each outcome’s kind and required fields into the plan', async () => {
    expect(await appraisalOutcomes()).toEqual([
      { value: 'dat', label: 'Đủ điều kiện' },
      { value: 'bo-sung', label: 'Yêu cầu bổ sung', kind: 'supplementation', documentsField: 'giayToThieu', reasonField: 'lyDoBoSung' },
      { value: 'tu-choi', label: 'Từ chối', kind: 'refusal', reasonField: 'lyDo' },
    ]);
  });

  it('names the chosen outcome’s empty required fields, blank text counting as empty', async () => {
    const outcomes = await appraisalOutcomes();
    expect(missingOutcomeFields(outcomes, 'tu-choi', {})).toEqual(['lyDo']);
    expect(missingOutcomeFields(outcomes, 'tu-choi', { lyDo: '   ', giayToThieu: 'CCCD' })).toEqual(['lyDo']);
    expect(missingOutcomeFields(outcomes, 'tu-choi', { lyDo: 'Ngành nghề cấm kinh doanh' })).toEqual([]);
    expect(missingOutcomeFields(outcomes, 'bo-sung', { lyDo: 'không liên quan' })).toEqual(['giayToThieu', 'lyDoBoSung']);
    expect(missingOutcomeFields(outcomes, 'bo-sung', { giayToThieu: [], lyDoBoSung: 'Thiếu' })).toEqual(['giayToThieu']);
    expect(missingOutcomeFields(outcomes, 'dat', {})).toEqual([]);
  });

  it('knows which fields belong to an outcome rather than to the step', async () => {
    expect([...outcomeOnlyFields(await appraisalOutcomes())].sort()).toEqual(['giayToThieu', 'lyDo', 'lyDoBoSung']);
  });

  it('finds the reason of the refusal a dossier’s variables record', async () => {
    const plan = await samplePlan();
    expect(refusalReason(plan, { Task_ThamDinh: { lyDo: ' Ngành nghề cấm kinh doanh ', outcome: 'tu-choi' } })).toBe('Ngành nghề cấm kinh doanh');
    expect(refusalReason(plan, { Task_ThamDinh: { lyDo: 'cũ', giayToThieu: 'CCCD', outcome: 'bo-sung' } })).toBeUndefined();
    expect(refusalReason(plan, {})).toBeUndefined();
  });
});
