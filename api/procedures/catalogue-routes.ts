import { z } from 'zod';
import { feeAtSubmission } from '../../engine/plan/fee-at-submission.js';
import type { ProcedurePlan } from '../../engine/plan/procedure-plan.js';
import { startForm } from '../../engine/plan/variable-namespaces.js';
import type { ApiContext } from '../context.js';
import { Problem, problemResponses } from '../http/problem.js';
import { defineRoute, type RouteDefinition } from '../http/route.js';
import { procedureFees } from './procedure-fees.js';
import { deployedPlan } from './procedure-registry.js';

const formFieldSchema = z.object({
  key: z.string(),
  label: z.string(),
  type: z.string(),
  required: z.boolean(),
  options: z.array(z.object({ value: z.string(), label: z.string() })).optional(),
});
const entrySchema = z
  .object({
    code: z.string(),
    name: z.string(),
    agencyId: z.string(),
    version: z.number(),
    legalLimit: z.string(),
    legalBasis: z.object({ text: z.string(), href: z.string().optional() }).nullable(),
    requiredDocuments: z.array(z.object({ key: z.string(), label: z.string(), required: z.boolean() })),
    fees: z.number().meta({ description: 'VND: fees and charges the procedure’s steps declare' }),
    online: z.boolean(),
    feeAtSubmission: z
      .object({
        amount: z.number().nullable().meta({ description: 'VND; null when the form decides it' }),
        refundOnRefusal: z.boolean().meta({ description: 'The fee rule "hoàn phí khi từ chối"' }),
      })
      .nullable()
      .meta({ description: 'The fee paid online right after submitting (the procedure’s first step collects it); null: none at submission' }),
  })
  .meta({ id: 'CatalogueEntry' });
const entryWithFormSchema = entrySchema.extend({ startForm: z.array(formFieldSchema) }).meta({ id: 'CatalogueEntryWithForm' });

function catalogueEntry(plan: ProcedurePlan, version: number) {
  const { procedure } = plan;
  return {
    code: procedure.code,
    name: procedure.name,
    agencyId: procedure.agency,
    version,
    legalLimit: procedure.legalLimit,
    legalBasis: procedure.legalBasis ?? null,
    requiredDocuments: startForm(plan)
      .filter((field) => field.type === 'file')
      .map(({ key, label, required }) => ({ key, label, required })),
    fees: procedureFees(plan),
    online: true,
    feeAtSubmission: feeAtSubmission(plan),
  };
}

/** The public catalogue of procedures a citizen can submit a dossier for (deployed, not retired). */
export function catalogueRoutes({ store }: ApiContext): RouteDefinition[] {
  async function entry(code: string) {
    const procedure = await store.procedures.findById(code).lean();
    const deployed = procedure && !procedure.retired && procedure.currentVersion ? await deployedPlan(store, code, procedure.currentVersion) : undefined;
    return deployed && { plan: deployed.plan, version: procedure!.currentVersion! };
  }

  return [
    defineRoute({
      method: 'get',
      path: '/api/catalogue',
      summary: 'Procedures open for submission (public)',
      tag: 'catalogue',
      access: 'public',
      responses: { 200: { description: 'entries', schema: z.array(entrySchema) } },
      async handler() {
        const procedures = await store.procedures.find({ retired: false, currentVersion: { $exists: true } }, { _id: 1 }).sort({ _id: 1 }).lean();
        const entries = await Promise.all(procedures.map((procedure) => entry(procedure._id)));
        return { status: 200, body: entries.filter((found) => found !== undefined).map(({ plan, version }) => catalogueEntry(plan, version)) };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/catalogue/:code',
      summary: 'One procedure of the catalogue, with the form an online submission fills in (public)',
      tag: 'catalogue',
      access: 'public',
      params: z.object({ code: z.string().min(1).max(200) }),
      responses: { 200: { description: 'the entry', schema: entryWithFormSchema }, ...problemResponses(404) },
      async handler({ params }) {
        const found = await entry(params.code);
        if (!found) throw new Problem(404, 'unknown-procedure', `no procedure ${params.code} open for submission`);
        return { status: 200, body: { ...catalogueEntry(found.plan, found.version), startForm: startForm(found.plan) } };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/catalogue/:code/diagram',
      summary: 'The BPMN diagram of a deployed version (the current one unless `version` is given), to show where a dossier stands (public)',
      tag: 'catalogue',
      access: 'public',
      params: z.object({ code: z.string().min(1).max(200) }),
      query: z.object({ version: z.coerce.number().int().min(1).optional() }),
      responses: { 200: { description: 'the diagram', schema: z.object({ code: z.string(), version: z.number(), xml: z.string() }) }, ...problemResponses(400, 404) },
      async handler({ params, query }) {
        const procedure = await store.procedures.findById(params.code).lean();
        const version = query.version ?? procedure?.currentVersion;
        const deployed = procedure && version ? await store.procedureVersions.findById(`${params.code}@${version}`).lean() : null;
        if (!deployed) throw new Problem(404, 'unknown-version', `procedure ${params.code} has no deployed version${query.version ? ` ${query.version}` : ''}`);
        return { status: 200, body: { code: params.code, version: deployed.version, xml: deployed.xml } };
      },
    }),
  ];
}
