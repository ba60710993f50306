import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkSoundness } from '../../../../engine/analysis/soundness/check-soundness.js';
import type { PlanScope } from '../../../../engine/plan/procedure-plan.js';
import { bruteForceVerdict, type Verdict } from './brute-force-checker.js';
import { blockStructuredScope, randomGraphScope } from './random-models.js';

function verdictOf(scope: PlanScope): Verdict & { complete: boolean } {
  const report = checkSoundness(scope, new Set(), 200_000);
  const kinds = new Set(report.findings.map((finding) => finding.kind));
  return {
    lackOfSynchronization: kinds.has('lack-of-synchronization'),
    deadlock: kinds.has('deadlock'),
    livelock: kinds.has('livelock'),
    complete: report.verdict !== 'inconclusive',
  };
}

describe('soundness check agrees with the brute-force token game', () => {
  it('on arbitrary small graphs and on block-structured models with mismatched joins and stray flows', () => {
    const seen = new Map<string, number>();
    for (const models of [randomGraphScope, blockStructuredScope]) {
      fc.assert(
        fc.property(models, (scope) => {
          const expected = bruteForceVerdict(scope);
          fc.pre(expected !== null);
          const { complete, ...actual } = verdictOf(scope);
          expect(complete).toBe(true);
          // Past a lack of synchronisation the bound stops exploring, and the reduced net may stop
          // sooner than the raw one (two tokens on a folded chain are one overflowing place): the
          // first defect found is certain, what lies beyond it is not compared.
          if (expected.lackOfSynchronization) expect(actual.lackOfSynchronization).toBe(true);
          else expect(actual).toEqual(expected);
          const defects = Object.entries(expected).filter(([, found]) => found).map(([kind]) => kind);
          for (const kind of defects.length === 0 ? ['sound'] : defects) seen.set(kind, (seen.get(kind) ?? 0) + 1);
        }),
        { numRuns: 300, maxSkipsPerRun: 1 },
      );
    }
    // Agreement proves little unless the models exercise every verdict.
    expect([...seen.keys()].sort()).toEqual(['deadlock', 'lackOfSynchronization', 'livelock', 'sound']);
  }, 30_000);
});
