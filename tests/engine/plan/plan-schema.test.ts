import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { PLAN_SCHEMA_VERSION, procedurePlanSchema } from '../../../engine/plan/plan-schema.js';
import type { ProcedurePlan } from '../../../engine/plan/procedure-plan.js';

const plan: ProcedurePlan = {
  schemaVersion: PLAN_SCHEMA_VERSION,
  procedure: { code: 'thu-tuc', name: 'Thủ tục', agency: 'ubnd-xa', calendarId: 'vn-national', legalLimit: '3WD', supplementationClock: 'restart' },
  process: {
    id: 'Process_1',
    nodes: [
      { type: 'startEvent', id: 'Start', incoming: [], outgoing: ['Flow_1'], trigger: { kind: 'none' } },
      { type: 'endEvent', id: 'End', incoming: ['Flow_1'], outgoing: [], result: { kind: 'none' } },
    ],
    flows: [{ id: 'Flow_1', source: 'Start', target: 'End' }],
  },
};

describe('ProcedurePlan schema', () => {
  it('is published as JSON Schema beside the IR documentation, generated from the zod schema', async () => {
    const jsonSchema = `${JSON.stringify(z.toJSONSchema(procedurePlanSchema), null, 2)}\n`;
    await expect(jsonSchema).toMatchFileSnapshot('../../../engine/plan/procedure-plan.schema.json');
  });

  it('accepts a minimal plan', () => {
    expect(procedurePlanSchema.parse(plan)).toEqual(plan);
  });

  it.each([
    ['another schema version', { ...plan, schemaVersion: 2 }],
    ['a duration that is not a legal duration', { ...plan, procedure: { ...plan.procedure, legalLimit: '3 days' } }],
    ['an unknown node type', { ...plan, process: { ...plan.process, nodes: [{ type: 'complexGateway', id: 'G', incoming: [], outgoing: [] }] } }],
    ['a user task without its assignment', { ...plan, process: { ...plan.process, nodes: [{ type: 'userTask', id: 'T', incoming: [], outgoing: [], citizenFacing: false, form: { fields: [] } }] } }],
    ['a cut-off that is not a time of day', { ...plan, procedure: { ...plan.procedure, cutOff: '25:00' } }],
  ])('rejects %s', (_, candidate) => {
    expect(procedurePlanSchema.safeParse(candidate).success).toBe(false);
  });
});
