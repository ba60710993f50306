import type { z } from 'zod';
import type { flowSchema, planNodeSchema, procedurePlanSchema, procedureSettingsSchema } from './plan-schema.js';

export type { PlanScope } from './plan-schema.js';

export type ProcedurePlan = z.infer<typeof procedurePlanSchema>;
export type ProcedureSettings = z.infer<typeof procedureSettingsSchema>;
export type PlanNode = z.infer<typeof planNodeSchema>;
export type PlanFlow = z.infer<typeof flowSchema>;
export type PlanNodeType = PlanNode['type'];
export type PlanNodeOf<T extends PlanNodeType> = Extract<PlanNode, { type: T }>;

export const activityTypes = ['userTask', 'serviceTask', 'sendTask', 'receiveTask', 'subProcess', 'callActivity'] as const;
export type ActivityNode = PlanNodeOf<(typeof activityTypes)[number]>;

export function isActivity(node: PlanNode): node is ActivityNode {
  return (activityTypes as readonly string[]).includes(node.type);
}
