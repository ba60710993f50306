import { z } from 'zod';
import type { ComparedVersion } from '../../engine/analysis/compare/compare-procedures.js';
import type { CompileResult } from '../../engine/compiler/compile.js';
import type { Diagnostic } from '../../engine/diagnostics/diagnostic.js';
import type { ProcedureDocument } from '../../store/procedures/procedure-models.js';
import type { ApiContext } from '../context.js';
import { appendAudit, auditStreams } from '../audit/audit-log.js';
import { auditActorOf, type Principal } from '../auth/principal.js';
import { Problem, problemResponses } from '../http/problem.js';
import { defineRoute, type RouteDefinition } from '../http/route.js';
import { wire } from '../http/schemas.js';
import { agencyScope, requireAgencyScope } from '../org/agency-scope.js';
import { compileAgainstRegistry, deployedPlan, deployedRegistry } from './procedure-registry.js';
import { isDuplicateKey } from '../../store/duplicate-key.js';

const maxXmlLength = 4 * 1024 * 1024;

const xmlField = z.string().min(1).max(maxXmlLength).meta({ description: 'BPMN 2.0 XML with MotCua extensions' });
const codeParams = z.object({ code: z.string().min(1).max(200) });
const versionRef = z.union([z.literal('draft'), z.coerce.number().int().min(1)]);

const diagnosticSchema = z
  .object({
    code: z.string(),
    severity: z.enum(['error', 'warning', 'info']),
    elementId: z.string().nullable(),
    message: z.object({ vi: z.string(), en: z.string() }),
    hint: z.object({ vi: z.string(), en: z.string() }),
    relatedElementIds: z.array(z.string()).optional(),
    location: z.object({ line: z.number(), column: z.number() }).optional(),
  })
  .meta({ id: 'Diagnostic' });
const analysisSchema = z.record(z.string(), z.unknown()).nullable().meta({ description: 'soundness, deadline budget and reform metrics (engine/analysis)' });
const procedureSummary = z
  .object({ code: z.string(), name: z.string(), agencyId: z.string(), currentVersion: z.number().nullable(), retired: z.boolean(), updatedAt: z.string(), hasDraft: z.boolean() })
  .meta({ id: 'ProcedureSummary' });
const versionSummary = z.object({ version: z.number(), planHash: z.string(), deployedAt: z.string(), deployedBy: z.string(), retiredAt: z.string().nullable() });
const procedureDetail = z
  .object({ code: z.string(), name: z.string(), agencyId: z.string(), draftXml: z.string().nullable(), currentVersion: z.number().nullable(), retired: z.boolean(), versions: z.array(versionSummary) })
  .meta({ id: 'Procedure' });
const comparisonSchema = z
  .object({ before: z.record(z.string(), z.unknown()), after: z.record(z.string(), z.unknown()), comparison: z.record(z.string(), z.unknown()) })
  .meta({ id: 'ProcedureComparison', description: 'comparison is compareProcedures(...) from engine/analysis/compare' });

const registryRoles = ['reformer', 'agency-admin'] as const;

function summaryOf(procedure: ProcedureDocument) {
  return {
    code: procedure._id,
    name: procedure.name,
    agencyId: procedure.agencyId,
    currentVersion: procedure.currentVersion ?? null,
    retired: procedure.retired,
    updatedAt: procedure.updatedAt.toISOString(),
    hasDraft: procedure.draftXml !== undefined,
  };
}

/** Diagnostics as problem field errors: where (the element id) and what. */
function diagnosticErrors(diagnostics: readonly Diagnostic[]) {
  return diagnostics.filter((d) => d.severity === 'error').map((d) => ({ path: d.elementId ?? '(model)', message: `${d.code}: ${d.message.en}`, text: d.message }));
}

/** The procedure registry: drafts, compile preview, deploy, retire, versions and comparison. */
export function procedureRoutes(context: ApiContext): RouteDefinition[] {
  const { store, compiler } = context;

  /** The procedure, when the principal's agency answers for it: 404 when unknown, 403 when another agency's. */
  async function ownProcedure(code: string, principal: Principal): Promise<ProcedureDocument> {
    const procedure = await store.procedures.findById(code).lean();
    if (!procedure) throw new Problem(404, 'unknown-procedure', `no procedure ${code}`);
    if (!(await agencyScope(store, principal)).has(procedure.agencyId)) {
      throw new Problem(403, 'other-agency', `procedure ${code} belongs to agency ${procedure.agencyId}`);
    }
    return procedure;
  }

  function audit(principal: Principal, code: string, action: string, details: Record<string, string | number | null>) {
    return appendAudit(store, { stream: auditStreams.procedure(code), actor: auditActorOf(principal), action, target: { kind: 'procedure', id: code }, details });
  }

  async function comparedVersion(procedure: ProcedureDocument, ref: 'draft' | number): Promise<ComparedVersion & { label: string }> {
    let result: CompileResult;
    if (ref === 'draft') {
      if (procedure.draftXml === undefined) throw new Problem(404, 'no-draft', `procedure ${procedure._id} has no draft`);
      result = await compileAgainstRegistry(store, compiler, procedure.draftXml);
    } else {
      const deployed = await deployedPlan(store, procedure._id, ref);
      if (!deployed) throw new Problem(404, 'unknown-version', `procedure ${procedure._id} has no version ${ref}`);
      result = await compiler.compile(deployed.xml);
    }
    if (!result.plan || !result.analysis) throw new Problem(422, 'model-has-errors', `${ref === 'draft' ? 'the draft' : `version ${ref}`} does not compile`, diagnosticErrors(result.diagnostics));
    return { plan: result.plan, analysis: result.analysis, label: String(ref) };
  }

  async function compareXml(beforeXml: string, afterXml: string) {
    const [before, after] = await Promise.all([compiler.compile(beforeXml), compiler.compile(afterXml)]);
    for (const [label, result] of [['beforeXml', before], ['afterXml', after]] as const) {
      if (!result.plan || !result.analysis) throw new Problem(422, 'model-has-errors', `${label} does not compile`, diagnosticErrors(result.diagnostics));
    }
    return { before, after };
  }

  const comparisonBody = async (before: ComparedVersion, after: ComparedVersion) =>
    wire({
      before: { procedure: before.plan.procedure, metrics: before.analysis.metrics, budget: before.analysis.budget },
      after: { procedure: after.plan.procedure, metrics: after.analysis.metrics, budget: after.analysis.budget },
      comparison: await compiler.compare({ plan: before.plan, analysis: before.analysis }, { plan: after.plan, analysis: after.analysis }),
    });

  return [
    defineRoute({
      method: 'get',
      path: '/api/procedures',
      summary: 'Procedures of the agencies the caller answers for',
      tag: 'procedures',
      access: registryRoles,
      responses: { 200: { description: 'procedures', schema: z.array(procedureSummary) }, ...problemResponses(401, 403) },
      async handler({ principal }) {
        const scope = [...(await agencyScope(store, principal))];
        const procedures = await store.procedures.find({ agencyId: { $in: scope } }).sort({ _id: 1 }).lean();
        return { status: 200, body: procedures.map(summaryOf) };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/procedures',
      summary: 'Create a procedure from a model (code, name and agency are read from it)',
      tag: 'procedures',
      access: registryRoles,
      body: z.object({ xml: xmlField }),
      responses: { 201: { description: 'created', schema: procedureSummary }, ...problemResponses(400, 401, 403, 409, 413, 422) },
      async handler({ body, principal }) {
        const identity = await compiler.readIdentity(body.xml);
        if (!identity) {
          const { diagnostics } = await compiler.check(body.xml);
          throw new Problem(422, 'no-procedure-identity', 'the model must be BPMN whose process declares mc:procedure code and agency', diagnosticErrors(diagnostics));
        }
        await requireAgencyScope(store, principal, identity.agencyId);
        const procedure: ProcedureDocument = { _id: identity.code, agencyId: identity.agencyId, name: identity.name, draftXml: body.xml, retired: false, updatedAt: new Date(), updatedBy: principal.id };
        try {
          await store.procedures.create(procedure);
        } catch (error) {
          if (isDuplicateKey(error)) throw new Problem(409, 'procedure-exists', `procedure ${identity.code} already exists: save its draft instead`);
          throw error;
        }
        await audit(principal, identity.code, 'procedure-created', { agencyId: identity.agencyId });
        return { status: 201, body: summaryOf(procedure), headers: { Location: `/api/procedures/${encodeURIComponent(identity.code)}` } };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/procedures/:code',
      summary: 'A procedure with its draft and versions',
      tag: 'procedures',
      access: registryRoles,
      params: codeParams,
      responses: { 200: { description: 'the procedure', schema: procedureDetail }, ...problemResponses(401, 403, 404) },
      async handler({ params, principal }) {
        const procedure = await ownProcedure(params.code, principal);
        const versions = await store.procedureVersions.find({ procedureCode: params.code }).sort({ version: 1 }).lean();
        return {
          status: 200,
          body: {
            code: procedure._id,
            name: procedure.name,
            agencyId: procedure.agencyId,
            draftXml: procedure.draftXml ?? null,
            currentVersion: procedure.currentVersion ?? null,
            retired: procedure.retired,
            versions: versions.map((v) => ({ version: v.version, planHash: v.planHash, deployedAt: v.deployedAt.toISOString(), deployedBy: v.deployedBy, retiredAt: v.retiredAt?.toISOString() ?? null })),
          },
        };
      },
    }),
    defineRoute({
      method: 'put',
      path: '/api/procedures/:code/draft',
      summary: 'Save the draft as it is (errors and all)',
      tag: 'procedures',
      access: registryRoles,
      params: codeParams,
      body: z.object({ xml: xmlField }),
      responses: { 200: { description: 'saved', schema: procedureSummary }, ...problemResponses(400, 401, 403, 404, 413, 422) },
      async handler({ params, body, principal }) {
        const procedure = await ownProcedure(params.code, principal);
        const identity = await compiler.readIdentity(body.xml);
        if (identity && identity.code !== params.code) throw new Problem(422, 'code-mismatch', `the model declares procedure ${identity.code}, not ${params.code}`);
        if (identity && identity.agencyId !== procedure.agencyId && !(await agencyScope(store, principal)).has(identity.agencyId)) {
          throw new Problem(403, 'other-agency', `you do not answer for agency ${identity.agencyId}`);
        }
        const changes = { draftXml: body.xml, updatedAt: new Date(), updatedBy: principal.id, ...(identity ? { name: identity.name, agencyId: identity.agencyId } : {}) };
        await store.procedures.updateOne({ _id: params.code }, { $set: changes });
        await audit(principal, params.code, 'draft-saved', { bytes: body.xml.length });
        return { status: 200, body: summaryOf({ ...procedure, ...changes }) };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/procedures/:code/preview',
      summary: 'Compile the draft (or the model sent) and return diagnostics and analysis',
      tag: 'procedures',
      access: registryRoles,
      params: codeParams,
      body: z.object({ xml: xmlField.optional() }),
      responses: {
        200: { description: 'compiled', schema: z.object({ ok: z.boolean(), diagnostics: z.array(diagnosticSchema), analysis: analysisSchema }) },
        ...problemResponses(400, 401, 403, 404, 413, 422),
      },
      async handler({ params, body, principal }) {
        const procedure = await ownProcedure(params.code, principal);
        const xml = body.xml ?? procedure.draftXml;
        if (xml === undefined) throw new Problem(404, 'no-draft', `procedure ${params.code} has no draft`);
        const result = await compiler.check(xml, await deployedRegistry(store));
        return { status: 200, body: wire({ ok: result.ok, diagnostics: result.diagnostics, analysis: result.analysis }) };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/procedures/:code/deploy',
      summary: 'Deploy the draft as the next version (refused while it has errors)',
      tag: 'procedures',
      access: ['agency-admin'],
      params: codeParams,
      responses: { 201: { description: 'deployed', schema: z.object({ version: z.number(), planHash: z.string() }) }, ...problemResponses(401, 403, 404, 422) },
      async handler({ params, principal }) {
        const procedure = await ownProcedure(params.code, principal);
        if (procedure.draftXml === undefined) throw new Problem(404, 'no-draft', `procedure ${params.code} has no draft`);
        const result = await compileAgainstRegistry(store, compiler, procedure.draftXml);
        if (!result.ok || !result.plan || !result.hash) throw new Problem(422, 'model-has-errors', 'the draft has errors: fix them before deploying', diagnosticErrors(result.diagnostics));
        if (result.plan.procedure.code !== params.code) throw new Problem(422, 'code-mismatch', `the draft declares procedure ${result.plan.procedure.code}`);
        const planHash = result.hash;
        await store.plans.create({ _id: planHash, plan: JSON.parse(result.canonical!), createdAt: new Date() }).catch((error: unknown) => {
          if (!isDuplicateKey(error)) throw error; // the same plan deployed before: stored once under its hash
        });
        let version = 0;
        for (let attempt = 0; version === 0; attempt++) {
          const [latest] = await store.procedureVersions.find({ procedureCode: params.code }).sort({ version: -1 }).limit(1).lean();
          const next = (latest?.version ?? 0) + 1;
          try {
            await store.procedureVersions.create({ _id: `${params.code}@${next}`, procedureCode: params.code, version: next, planHash, xml: procedure.draftXml, deployedAt: new Date(), deployedBy: principal.id });
            version = next;
          } catch (error) {
            if (!isDuplicateKey(error) || attempt > 10) throw error;
          }
        }
        await store.procedures.updateOne({ _id: params.code }, { $set: { currentVersion: version, retired: false, updatedAt: new Date(), updatedBy: principal.id } });
        await audit(principal, params.code, 'procedure-deployed', { beforeVersion: procedure.currentVersion ?? null, afterVersion: version, planHash });
        return { status: 201, body: { version, planHash } };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/procedures/:code/retire',
      summary: 'Retire the procedure: no new dossiers; running ones go on with their version',
      tag: 'procedures',
      access: ['agency-admin'],
      params: codeParams,
      responses: { 200: { description: 'retired', schema: procedureSummary }, ...problemResponses(401, 403, 404, 409) },
      async handler({ params, principal }) {
        const procedure = await ownProcedure(params.code, principal);
        if (procedure.retired) throw new Problem(409, 'already-retired', `procedure ${params.code} is already retired`);
        const now = new Date();
        await store.procedures.updateOne({ _id: params.code }, { $set: { retired: true, updatedAt: now, updatedBy: principal.id } });
        if (procedure.currentVersion) await store.procedureVersions.updateOne({ _id: `${params.code}@${procedure.currentVersion}` }, { $set: { retiredAt: now } });
        await audit(principal, params.code, 'procedure-retired', { version: procedure.currentVersion ?? null });
        return { status: 200, body: summaryOf({ ...procedure, retired: true, updatedAt: now }) };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/procedures/:code/versions/:version',
      summary: 'A deployed version: its XML, plan and analysis',
      tag: 'procedures',
      access: registryRoles,
      params: codeParams.extend({ version: z.coerce.number().int().min(1) }),
      responses: {
        200: {
          description: 'the version',
          schema: z.object({ version: z.number(), planHash: z.string(), xml: z.string(), plan: z.record(z.string(), z.unknown()), analysis: analysisSchema, deployedAt: z.string(), deployedBy: z.string() }),
        },
        ...problemResponses(400, 401, 403, 404),
      },
      async handler({ params, principal }) {
        await ownProcedure(params.code, principal);
        const deployed = await store.procedureVersions.findById(`${params.code}@${params.version}`).lean();
        const plan = deployed && (await store.plans.findById(deployed.planHash).lean());
        if (!deployed || !plan) throw new Problem(404, 'unknown-version', `procedure ${params.code} has no version ${params.version}`);
        const { analysis } = await compiler.check(deployed.xml);
        return { status: 200, body: wire({ version: deployed.version, planHash: deployed.planHash, xml: deployed.xml, plan: plan.plan, analysis, deployedAt: deployed.deployedAt, deployedBy: deployed.deployedBy }) };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/procedures/:code/compare',
      summary: 'Compare two versions (or a version and the draft): changed elements and reform metrics',
      tag: 'procedures',
      access: registryRoles,
      params: codeParams,
      query: z.object({ from: versionRef, to: versionRef }),
      responses: { 200: { description: 'comparison', schema: comparisonSchema }, ...problemResponses(400, 401, 403, 404, 422) },
      async handler({ params, query, principal }) {
        const procedure = await ownProcedure(params.code, principal);
        const [before, after] = await Promise.all([comparedVersion(procedure, query.from), comparedVersion(procedure, query.to)]);
        return { status: 200, body: await comparisonBody(before, after) };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/procedures/compare',
      summary: 'Compare two uploaded models (an old "before" model and a new one)',
      tag: 'procedures',
      access: registryRoles,
      body: z.object({ beforeXml: xmlField, afterXml: xmlField }),
      responses: { 200: { description: 'comparison', schema: comparisonSchema }, ...problemResponses(400, 401, 403, 413, 422) },
      async handler({ body }) {
        const { before, after } = await compareXml(body.beforeXml, body.afterXml);
        return { status: 200, body: await comparisonBody({ plan: before.plan!, analysis: before.analysis! }, { plan: after.plan!, analysis: after.analysis! }) };
      },
    }),
  ];
}
