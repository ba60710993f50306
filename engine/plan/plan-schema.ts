import { z } from 'zod';
import { isLegalDuration } from '../duration/legal-duration.js';
import { NATIONAL_CODE_PATTERN, onlineLevels } from './online-level.js';

/**
 * The ProcedurePlan: what the compiler hands to the store and the interpreter. This zod schema is
 * the single definition: the TypeScript types are inferred from it and `procedure-plan.schema.json`
 * is generated from it (a test keeps the file in step). engine/plan/README.md explains the IR.
 */
export const PLAN_SCHEMA_VERSION = 1;

const legalDuration = z
  .string()
  .refine(isLegalDuration, 'a legal duration such as 5WD, 8WH, 30WM, P20D, PT48H or PT30M')
  .meta({ description: 'Canonical legal duration text (formatLegalDuration): 5WD, 8WH, 30WM, P20D, PT48H, PT30M.' });

const feelExpression = z
  .string()
  .min(1)
  .meta({ description: 'FEEL expression source, without the leading "=" some modelers write.' });

const elementId = z.string().min(1);
const nonNegative = z.number().nonnegative();

const legalBasis = z.object({ text: z.string(), href: z.string().optional() });

const costModel = z
  .object({
    hourlyIncome: nonNegative.meta({ description: 'VND per hour of a citizen’s time.' }),
    timesPerYear: nonNegative.meta({ description: 'How often one subject does the procedure in a year.' }),
    subjectsPerYear: nonNegative.meta({ description: 'How many citizens or businesses do it in a year.' }),
  })
  .meta({ description: 'Standard Cost Model volumes (Circular 02/2017/TT-VPCP Art. 27).' });

export const procedureSettingsSchema = z.object({
  code: z.string().min(1),
  name: z.string(),
  agency: z.string().min(1),
  calendarId: z.string().min(1),
  legalLimit: legalDuration,
  cutOff: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/)
    .optional()
    .meta({ description: 'HH:MM; a dossier received later counts from the next working day.' }),
  supplementationClock: z
    .enum(['pause', 'restart'])
    .meta({ description: 'While the citizen supplements, the legal clock pauses, or restarts from zero once complete.' }),
  legalBasis: legalBasis.optional(),
  costModel: costModel.optional(),
  nationalCode: z
    .string()
    .regex(NATIONAL_CODE_PATTERN)
    .optional()
    .meta({ description: 'Mã TTHC: the procedure’s code in the national database of administrative procedures, e.g. 1.001193.' }),
  field: z.string().min(1).optional().meta({ description: 'Lĩnh vực: the field the catalogue files the procedure under, e.g. Hộ tịch.' }),
  onlineLevel: z
    .enum(onlineLevels)
    .optional()
    .meta({ description: 'Decree 42/2022/NĐ-CP, its two levels of online public service: full (toàn trình), partial (một phần) or none (in person only). Plans compiled before it existed lack it: read through onlineLevelOf.' }),
});

const assignment = z
  .object({ role: z.string().min(1).optional(), unit: z.string().min(1).optional(), agency: z.string().min(1) })
  .meta({ description: 'Candidate group of a step: role and unit, in an agency (the procedure’s unless the step names another).' });

export const overdueActions = ['notify', 'mark-overdue', 'apology-letter'] as const;

const escalation = z.object({
  dueSoonShare: z.number().gt(0).lt(1).meta({ description: 'Share of the step’s time after which a due-soon notice goes out.' }),
  overdueActions: z.array(z.enum(overdueActions)),
  target: z.string().min(1).meta({ description: 'Role the overdue step is escalated (and later reassigned) to.' }),
  reassignAfter: legalDuration.optional().meta({ description: 'How long after the deadline the step is reassigned to the target.' }),
});

const complianceCost = z
  .object({
    citizenHours: nonNegative,
    travelCost: nonNegative,
    copyCost: nonNegative,
    fees: nonNegative,
  })
  .meta({ description: 'What the step costs the citizen: hours of their time, and VND of travel, copies, fees and charges.' });

export const formFieldTypes = ['text', 'textarea', 'number', 'boolean', 'date', 'file', 'choice'] as const;

const formField = z.object({
  key: z.string().min(1),
  label: z.string(),
  type: z.enum(formFieldTypes),
  required: z.boolean(),
  options: z.array(z.object({ value: z.string(), label: z.string() })).optional(),
});

const form = z.union([
  z.object({ fields: z.array(formField) }).strict(),
  z.object({ schemaRef: z.string().min(1) }).strict().meta({ description: 'A form-js schema stored elsewhere.' }),
]);

const multiInstance = z.object({
  sequential: z.boolean(),
  collection: feelExpression,
  elementVariable: z.string().min(1),
  completionCondition: feelExpression.optional(),
});

const nodeBase = {
  id: elementId,
  name: z.string().optional(),
  incoming: z.array(elementId),
  outgoing: z.array(elementId),
};

/** What every activity (task, subprocess, call activity) may carry. */
const activityBase = {
  ...nodeBase,
  assignment: assignment.optional(),
  deadline: legalDuration.optional(),
  citizenFacing: z.boolean(),
  escalation: escalation.optional(),
  complianceCost: complianceCost.optional(),
  multiInstance: multiInstance.optional(),
};

const startEvent = z.object({
  type: z.literal('startEvent'),
  ...nodeBase,
  trigger: z.discriminatedUnion('kind', [z.object({ kind: z.literal('none') }), z.object({ kind: z.literal('message'), message: z.string().min(1) })]),
});

const endEvent = z.object({
  type: z.literal('endEvent'),
  ...nodeBase,
  result: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('none') }),
    z.object({ kind: z.literal('terminate') }),
    z.object({ kind: z.literal('error'), errorCode: z.string().min(1) }),
    z.object({ kind: z.literal('escalation'), escalationCode: z.string().min(1) }),
  ]),
});

const choice = z.object({ value: z.string().min(1), label: z.string() });

/** What an outcome means in law: a refusal needs a written reason, a supplementation request the documents to supplement and why. */
export const outcomeKinds = ['refusal', 'supplementation'] as const;

const outcome = choice.extend({
  kind: z.enum(outcomeKinds).optional(),
  reasonField: z.string().min(1).optional().meta({ description: 'Form field that must hold the written reason when this outcome is chosen.' }),
  documentsField: z.string().min(1).optional().meta({ description: 'Form field that must list the documents to supplement when this outcome is chosen.' }),
});

const userTask = z.object({
  type: z.literal('userTask'),
  ...activityBase,
  assignment: z.object({ role: z.string().min(1), unit: z.string().min(1), agency: z.string().min(1) }),
  form,
  outcomes: z.array(outcome).min(1).optional().meta({ description: 'Decisions the officer picks one of on completing the step.' }),
  outcomeVariable: z.string().min(1).optional().meta({ description: 'Dossier variable that receives the chosen outcome, for the gateways after it.' }),
  returnsResult: z.literal(true).optional().meta({ description: 'The step that hands the result to the citizen: processing ends when it opens (status processed, end-of-processing time for the on-time rules).' }),
});

const serviceTask = z.object({
  type: z.literal('serviceTask'),
  ...activityBase,
  activityType: z.string().min(1).meta({ description: 'Which Temporal activity runs the step.' }),
  input: z.array(z.object({ target: z.string().min(1), expression: feelExpression })),
});

const sendTask = z.object({ type: z.literal('sendTask'), ...activityBase, message: z.string().min(1) });

const receiveTask = z.object({
  type: z.literal('receiveTask'),
  ...activityBase,
  message: z.string().min(1),
  supplementation: z
    .boolean()
    .meta({ description: 'The wait for the citizen’s supplement: the legal clock follows the procedure’s supplementationClock here.' }),
});

const branchingGateway = { ...nodeBase, default: elementId.optional().meta({ description: 'Flow taken when no condition holds.' }) };

const exclusiveGateway = z.object({ type: z.literal('exclusiveGateway'), ...branchingGateway });
const inclusiveGateway = z.object({ type: z.literal('inclusiveGateway'), ...branchingGateway });
const parallelGateway = z.object({ type: z.literal('parallelGateway'), ...nodeBase });
const eventBasedGateway = z.object({ type: z.literal('eventBasedGateway'), ...nodeBase });

const timerCatchEvent = z.object({ type: z.literal('timerCatchEvent'), ...nodeBase, duration: legalDuration });
const messageCatchEvent = z.object({ type: z.literal('messageCatchEvent'), ...nodeBase, message: z.string().min(1) });

const boundaryEvent = z.object({
  type: z.literal('boundaryEvent'),
  ...nodeBase,
  attachedTo: elementId,
  interrupting: z.boolean(),
  trigger: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('timer'), duration: legalDuration }),
    z.object({ kind: z.literal('message'), message: z.string().min(1) }),
    z.object({ kind: z.literal('error'), errorCode: z.string().min(1).optional().meta({ description: 'Absent: catches every error.' }) }),
    z.object({
      kind: z.literal('escalation'),
      escalationCode: z.string().min(1).optional().meta({ description: 'Absent: catches every escalation.' }),
    }),
  ]),
});

const callActivity = z.object({
  type: z.literal('callActivity'),
  ...activityBase,
  procedureCode: z.string().min(1),
  version: z
    .union([z.literal('latest'), z.literal('deployment'), z.number().int().positive()])
    .meta({ description: 'latest at call time; the one current when this plan was deployed; or a fixed version.' }),
});

const subProcess = z.object({
  type: z.literal('subProcess'),
  ...activityBase,
  scope: z.lazy(() => scopeSchema),
});

export const flowSchema = z.object({
  id: elementId,
  name: z.string().optional(),
  source: elementId,
  target: elementId,
  condition: feelExpression.optional(),
  maxRounds: z.number().int().positive().optional().meta({ description: 'Declared maximum rework rounds on a flow going back.' }),
});

export const planNodeSchema = z.discriminatedUnion('type', [
  startEvent,
  endEvent,
  userTask,
  serviceTask,
  sendTask,
  receiveTask,
  exclusiveGateway,
  inclusiveGateway,
  parallelGateway,
  eventBasedGateway,
  timerCatchEvent,
  messageCatchEvent,
  boundaryEvent,
  subProcess,
  callActivity,
]);

/** The process, or an embedded subprocess: its nodes and the flows between them. */
export type PlanScope = {
  id: string;
  nodes: z.infer<typeof planNodeSchema>[];
  flows: z.infer<typeof flowSchema>[];
};

// Annotated because a subprocess node holds a scope: the annotation breaks the inference cycle.
const scopeSchema: z.ZodType<PlanScope> = z
  .object({ id: elementId, nodes: z.array(planNodeSchema), flows: z.array(flowSchema) })
  .meta({ id: 'PlanScope', description: 'The process, or an embedded subprocess: its nodes and the flows between them.' });

export const procedurePlanSchema = z
  .object({
    schemaVersion: z.literal(PLAN_SCHEMA_VERSION),
    procedure: procedureSettingsSchema,
    process: scopeSchema,
  })
  .meta({ title: 'MotCua ProcedurePlan', description: 'A compiled administrative procedure, ready to run.' });
