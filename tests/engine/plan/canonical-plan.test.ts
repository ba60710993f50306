import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../../engine/canonical/canonical-json.js';
import { canonicalPlan, planHash } from '../../../engine/plan/canonical-plan.js';
import type { ProcedurePlan } from '../../../engine/plan/procedure-plan.js';

const plan: ProcedurePlan = {
  schemaVersion: 1,
  procedure: { code: 'thu-tuc', name: 'Thủ tục', agency: 'ubnd-xa', calendarId: 'vn-national', legalLimit: '3WD', supplementationClock: 'pause', cutOff: undefined },
  process: { id: 'P', nodes: [], flows: [] },
};

describe('canonical plan', () => {
  it('sorts keys, drops absent members and keeps Vietnamese text as is', () => {
    expect(canonicalPlan(plan)).toBe(
      '{"procedure":{"agency":"ubnd-xa","calendarId":"vn-national","code":"thu-tuc","legalLimit":"3WD","name":"Thủ tục","supplementationClock":"pause"},"process":{"flows":[],"id":"P","nodes":[]},"schemaVersion":1}',
    );
  });

  it('hashes the canonical text, whatever order the keys were built in', () => {
    const reordered = JSON.parse(JSON.stringify({ process: plan.process, schemaVersion: 1, procedure: plan.procedure })) as ProcedurePlan;
    expect(planHash(reordered)).toBe(planHash(plan));
    expect(planHash(plan)).toBe(sha256Hex(canonicalPlan(plan)));
    expect(planHash({ ...plan, procedure: { ...plan.procedure, legalLimit: '4WD' } })).not.toBe(planHash(plan));
  });
});
