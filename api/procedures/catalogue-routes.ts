import { z } from 'zod';
import { feeAtSubmission } from '../../engine/plan/fee-at-submission.js';
import { onlineLevelOf, onlineLevels } from '../../engine/plan/online-level.js';
import type { ProcedurePlan } from '../../engine/plan/procedure-plan.js';
import { startForm } from '../../engine/plan/variable-namespaces.js';
import type { ApiContext } from '../context.js';
import { Problem, problemResponses } from '../http/problem.js';
import { defineRoute, type RouteDefinition } from '../http/route.js';
import { matchesSearch } from './catalogue-search.js';
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
    nationalCode: z.string().nullable().meta({ description: 'Mã TTHC in the national database; null when the procedure does not declare one' }),
    name: z.string(),
    field: z.string().nullable().meta({ description: 'Lĩnh vực the procedure is filed under' }),
    agencyId: z.string(),
    agencyName: z.string(),
    version: z.number(),
    legalLimit: z.string(),
    legalBasis: z.object({ text: z.string(), href: z.string().optional() }).nullable(),
    requiredDocuments: z.array(z.object({ key: z.string(), label: z.string(), required: z.boolean() })),
    fees: z.number().meta({ description: 'VND: fees and charges the procedure’s steps declare' }),
    onlineLevel: z.enum(onlineLevels).meta({ description: 'Decree 42/2022/NĐ-CP, its two levels of online public service: full (toàn trình), partial (một phần; submission online) or none (in person only)' }),
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

function catalogueEntry(plan: ProcedurePlan, version: number, agencyName: string) {
  const { procedure } = plan;
  return {
    code: procedure.code,
    nationalCode: procedure.nationalCode ?? null,
    name: procedure.name,
    field: procedure.field ?? null,
    agencyId: procedure.agency,
    agencyName,
    version,
    legalLimit: procedure.legalLimit,
    legalBasis: procedure.legalBasis ?? null,
    requiredDocuments: startForm(plan)
      .filter((field) => field.type === 'file')
      .map(({ key, label, required }) => ({ key, label, required })),
    fees: procedureFees(plan),
    onlineLevel: onlineLevelOf(plan),
    feeAtSubmission: feeAtSubmission(plan),
  };
}

/** The public catalogue of procedures a citizen can submit a dossier for (deployed, not retired). */
export function catalogueRoutes({ store }: ApiContext): RouteDefinition[] {
  /** The current version's plan of a procedure open for submission; undefined when retired or never deployed. */
  async function openPlan(procedure: { _id: string; retired?: boolean; currentVersion?: number } | null) {
    if (!procedure || procedure.retired || !procedure.currentVersion) return undefined;
    const deployed = await deployedPlan(store, procedure._id, procedure.currentVersion);
    return deployed && { plan: deployed.plan, version: procedure.currentVersion };
  }

  /** The names of the agencies, read once however many entries name them; an agency not found shows its id. */
  async function agencyNames(plans: ProcedurePlan[]): Promise<(plan: ProcedurePlan) => string> {
    const ids = [...new Set(plans.map((plan) => plan.procedure.agency))];
    const agencies = await store.agencies.find({ _id: { $in: ids } }, { name: 1 }).lean();
    const names = new Map(agencies.map((agency) => [agency._id, agency.name]));
    return (plan) => names.get(plan.procedure.agency) ?? plan.procedure.agency;
  }

  return [
    defineRoute({
      method: 'get',
      path: '/api/catalogue',
      summary: 'Procedures open for submission (public)',
      tag: 'catalogue',
      access: 'public',
      query: z.object({
        q: z.string().max(200).optional().meta({ description: 'words to find in the name, codes, field or agency, regardless of case and tone marks' }),
        field: z.string().min(1).max(200).optional(),
        agencyId: z.string().min(1).max(200).optional(),
        onlineLevel: z.enum(onlineLevels).optional(),
      }),
      responses: { 200: { description: 'entries, by name', schema: z.array(entrySchema) }, ...problemResponses(400) },
      async handler({ query }) {
        const procedures = await store.procedures.find({ retired: false, currentVersion: { $exists: true } }, { currentVersion: 1, retired: 1 }).lean();
        const open = (await Promise.all(procedures.map(openPlan))).flatMap((found) => (found ? [found] : []));
        const agencyName = await agencyNames(open.map(({ plan }) => plan));
        const entries = open.map(({ plan, version }) => catalogueEntry(plan, version, agencyName(plan)));
        const chosen = entries.filter(
          (candidate) =>
            (query.field === undefined || candidate.field === query.field) &&
            (query.agencyId === undefined || candidate.agencyId === query.agencyId) &&
            (query.onlineLevel === undefined || candidate.onlineLevel === query.onlineLevel) &&
            (query.q === undefined || matchesSearch([candidate.name, candidate.code, candidate.nationalCode, candidate.field, candidate.agencyName], query.q)),
        );
        return { status: 200, body: chosen.sort((a, b) => a.name.localeCompare(b.name, 'vi')) };
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
        const found = await openPlan(await store.procedures.findById(params.code).lean());
        if (!found) throw new Problem(404, 'unknown-procedure', `no procedure ${params.code} open for submission`);
        const agencyName = await agencyNames([found.plan]);
        return { status: 200, body: { ...catalogueEntry(found.plan, found.version, agencyName(found.plan)), startForm: startForm(found.plan) } };
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
