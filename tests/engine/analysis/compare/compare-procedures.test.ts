import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareProcedures, type ComparedVersion } from '../../../../engine/analysis/compare/compare-procedures.js';
import { compile } from '../../../../engine/compiler/compile.js';

const root = path.join(import.meta.dirname, '../../../..');

async function version(file: string): Promise<ComparedVersion> {
  const result = await compile(readFileSync(path.join(root, file), 'utf8'));
  expect(result.ok).toBe(true);
  return { plan: result.plan!, analysis: result.analysis! };
}

const before = () => version('tests/engine/analysis/compare/fixtures/household-business-registration-before.bpmn');
const after = () => version('engine/samples/household-business-registration.bpmn');

describe('reform comparison', () => {
  it('lists added, removed and changed elements by their BPMN ids', async () => {
    const comparison = compareProcedures(await before(), await after());
    expect(comparison.removed).toEqual(['Task_XacMinhThucTe', 'Flow_TiepNhan_ThamDinh', 'Flow_ThamDinh_XacMinh', 'Flow_XacMinh_PheDuyet', 'Flow_PheDuyet_Tra']);
    expect(comparison.added).toEqual(expect.arrayContaining(['Gateway_KetQua', 'Task_ChoBoSung', 'Boundary_HetHanBoSung', 'Task_ThongBaoThue', 'Flow_BoSung_HopNhat']));
    expect(comparison.changed).toEqual(
      expect.arrayContaining([
        { elementId: 'Process_DangKyHoKinhDoanh', fields: ['agency', 'legalBasis', 'legalLimit', 'onlineLevel'] },
        { elementId: 'Task_ThamDinh', fields: ['assignment', 'deadline', 'escalation', 'form', 'outcomeVariable', 'outcomes'] },
        { elementId: 'Task_TiepNhan', fields: ['assignment', 'complianceCost', 'escalation', 'form'] },
      ]),
    );
    expect(comparison.changed.map((change) => change.elementId)).not.toContain('Start_NopHoSo');
  });

  it('gives the metric deltas in percent and the verdict on the 20% target', async () => {
    const comparison = compareProcedures(await before(), await after());
    const metric = (name: string) => comparison.metrics.find((candidate) => candidate.metric === name)!;
    expect(metric('legalTime')).toMatchObject({ before: '5WD', after: '3WD', changePercent: -40 });
    // Per dossier: 7 h × 35,000 + 200,000 travel + 30,000 copies + 100,000 fees = 575,000 → 415,000.
    expect(metric('complianceCostPerDossier')).toMatchObject({ before: '575000', after: '415000', changePercent: -27.8 });
    expect(metric('complianceCostPerYear')).toMatchObject({ before: '690000000', after: '498000000', changePercent: -27.8 });
    expect(metric('steps')).toMatchObject({ before: '5', after: '8', changePercent: 60 });
    expect(metric('citizenFacingSteps')).toMatchObject({ before: '3', after: '3', changePercent: 0 });
    expect(comparison.target).toEqual({
      share: 0.2,
      met: true,
      summary: {
        vi: 'Thời hạn −40%, chi phí tuân thủ −28%: đạt mục tiêu cắt giảm 20%.',
        en: 'Legal time −40%, compliance cost −28%: meets the 20% target.',
      },
    });
  });

  it('misses the target when the cost falls by less than a fifth, and cannot judge it without a cost before', async () => {
    const [old, next] = [await before(), await after()];
    const reversed = compareProcedures(next, old);
    expect(reversed.target.met).toBe(false);
    expect(reversed.target.summary.en).toBe('Legal time +67%, compliance cost +39%: misses the 20% target.');
    const costless: ComparedVersion = { ...old, analysis: { ...old.analysis, metrics: { ...old.analysis.metrics, complianceCost: { citizenHours: 0, perDossier: 0, perYear: 0 } } } };
    expect(compareProcedures(costless, next).target.met).toBeNull();
  });

  it('gives no percentage for legal time measured in different kinds of days', async () => {
    const comparison = compareProcedures(await after(), await version('engine/samples/construction-permit.bpmn'));
    expect(comparison.metrics.find((metric) => metric.metric === 'legalTime')).toMatchObject({ before: '3WD', after: '3WD 4WH + P12D', changePercent: null });
  });
});
