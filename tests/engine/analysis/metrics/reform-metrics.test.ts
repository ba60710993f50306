import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile } from '../../../../engine/compiler/compile.js';

async function metricsOf(sample: string) {
  const result = await compile(readFileSync(path.join(import.meta.dirname, '../../../../engine/samples', `${sample}.bpmn`), 'utf8'));
  return result.analysis!.metrics;
}

describe('reform metrics', () => {
  it('counts steps, citizen-facing steps, agencies, units and handoffs, and the Standard Cost Model cost', async () => {
    expect(await metricsOf('household-business-registration')).toEqual({
      steps: 8,
      humanSteps: 4,
      citizenFacingSteps: 3,
      agencies: ['co-quan-thue', 'ubnd-xa'],
      units: ['ubnd-xa/bo-phan-mot-cua', 'ubnd-xa/lanh-dao-ubnd', 'ubnd-xa/phong-kinh-te'],
      // receipt → appraisal, appraisal → approval / supplementation request / refusal,
      // approval → return (through the automated tax notice), supplementation request → appraisal again
      handoffs: 6,
      // 5 citizen hours × 35,000 + 120,000 travel + 20,000 copies + 100,000 fees; × 1 × 1,200 a year
      complianceCost: { citizenHours: 5, perDossier: 415_000, perYear: 498_000_000 },
    });
  });

  it('follows the dossier into subprocesses and across agencies', async () => {
    const metrics = await metricsOf('karaoke-licence-bundle');
    expect(metrics).toMatchObject({
      steps: 8,
      agencies: ['cong-an-tinh', 'so-van-hoa', 'ubnd-xa'],
      // police certificate → licence receipt → appraisal unit → the director's signature
      handoffs: 3,
    });
  });
});
