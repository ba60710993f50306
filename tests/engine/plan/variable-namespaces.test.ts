import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile } from '../../../engine/compiler/compile.js';
import { decisionProblems, startForm, stepOwning, variableNamespaces } from '../../../engine/plan/variable-namespaces.js';

async function samplePlan(sample: string) {
  const result = await compile(readFileSync(path.join(import.meta.dirname, '../../../engine/samples', `${sample}.bpmn`), 'utf8'));
  return result.plan!;
}

describe('variable namespaces', () => {
  it('gives the citizen the start form and each staff step its answers and decision', async () => {
    const plan = await samplePlan('household-business-registration');
    const namespaces = variableNamespaces(plan);
    expect([...namespaces.citizenInput]).toEqual(startForm(plan).map((field) => field.key));
    expect([...namespaces.citizenInput]).toEqual(['hoTen', 'soDinhDanh', 'tenHoKinhDoanh', 'nganhNghe', 'vonKinhDoanh', 'giayDeNghi']);
    expect(stepOwning(namespaces, 'maSoHoKinhDoanh')).toBe('Task_PheDuyet');
    expect(stepOwning(namespaces, 'ketQua')).toBe('Task_ThamDinh');
    expect(stepOwning(namespaces, 'Task_ThamDinh')).toBe('Task_ThamDinh');
    // The receipt step's fields are the citizen's input, which its officer corrects: no step owns them.
    expect(stepOwning(namespaces, 'tenHoKinhDoanh')).toBeUndefined();
    expect(stepOwning(namespaces, 'ghiChuCuaCongDan')).toBeUndefined();
  });

  it('finds form data that would write another step’s decision, and allows a step its own', async () => {
    const namespaces = variableNamespaces(await samplePlan('household-business-registration'));
    expect(decisionProblems(namespaces, 'Task_PheDuyet', { maSoHoKinhDoanh: 'HKD-1', ketQua: 'tu-choi', Task_ThamDinh: {} })).toEqual(['ketQua: decided by step Task_ThamDinh', 'Task_ThamDinh: decided by step Task_ThamDinh']);
    expect(decisionProblems(namespaces, 'Task_ThamDinh', { ketQua: 'dat', giayToThieu: '' })).toEqual([]);
  });
});
