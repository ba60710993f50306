import { z } from 'zod';
import { assignmentSchema, importMappingSchema } from '../../engine/import/import-mapping-schema.js';
import { importMappingOf, storedNames, type ImportMappingDocument, type MappedName } from '../../store/import-mappings/import-mapping-model.js';
import { appendAudit, auditStreams } from '../audit/audit-log.js';
import { auditActorOf } from '../auth/principal.js';
import type { ApiContext } from '../context.js';
import { problemResponses } from '../http/problem.js';
import { defineRoute, type RouteDefinition } from '../http/route.js';
import { requireAgencyScope } from '../org/agency-scope.js';

const mappingRoles = ['reformer', 'agency-admin'] as const;

const mappingSchema = z
  .object({
    agencyId: z.string(),
    groups: z.record(z.string(), assignmentSchema),
    users: z.record(z.string(), assignmentSchema),
    updatedAt: z.string().nullable(),
    updatedBy: z.string().nullable(),
  })
  .meta({ id: 'ImportMapping', description: 'who the candidate groups and users of Camunda and Flowable models are in MotCua, for one agency' });

const params = z.object({ agencyId: z.string().min(1).max(200) });

function answer(agencyId: string, saved: ImportMappingDocument | null) {
  return { agencyId, ...(saved ? importMappingOf(saved) : { groups: {}, users: {} }), updatedAt: saved?.updatedAt.toISOString() ?? null, updatedBy: saved?.updatedBy ?? null };
}

/** The names whose entry the new mapping adds, changes or removes: what the audit says was changed. */
function changedNames(before: MappedName[], after: MappedName[]): string[] {
  const key = ({ role, unit }: MappedName) => JSON.stringify([role, unit]);
  const old = new Map(before.map((entry) => [entry.name, key(entry)]));
  const now = new Map(after.map((entry) => [entry.name, key(entry)]));
  return [...new Set([...old.keys(), ...now.keys()])].filter((name) => old.get(name) !== now.get(name)).sort();
}

/**
 * An agency's mapping of the people Camunda 7, Camunda 8 and Flowable models name to MotCua roles
 * and units: what the designer's import offers first, and keeps when a model has been converted.
 */
export function importMappingRoutes({ store }: ApiContext): RouteDefinition[] {
  return [
    defineRoute({
      method: 'get',
      path: '/api/agencies/:agencyId/import-mapping',
      summary: 'The agency’s mapping of imported models’ candidate groups and users to MotCua roles and units (empty when none was saved)',
      tag: 'procedures',
      access: mappingRoles,
      params,
      responses: { 200: { description: 'the mapping', schema: mappingSchema }, ...problemResponses(400, 401, 403) },
      async handler({ params: { agencyId }, principal }) {
        await requireAgencyScope(store, principal, agencyId);
        const saved = await store.importMappings.findById(agencyId).lean<ImportMappingDocument>();
        return { status: 200, body: answer(agencyId, saved) };
      },
    }),
    defineRoute({
      method: 'put',
      path: '/api/agencies/:agencyId/import-mapping',
      summary: 'Replace the agency’s mapping of imported models’ candidate groups and users to MotCua roles and units',
      tag: 'procedures',
      access: mappingRoles,
      params,
      body: importMappingSchema,
      responses: { 200: { description: 'the mapping as saved', schema: mappingSchema }, ...problemResponses(400, 401, 403, 422) },
      async handler({ params: { agencyId }, body, principal }) {
        await requireAgencyScope(store, principal, agencyId);
        const before = await store.importMappings.findById(agencyId).lean<ImportMappingDocument>();
        const saved: ImportMappingDocument = { _id: agencyId, groups: storedNames(body.groups), users: storedNames(body.users), updatedAt: new Date(), updatedBy: principal.id };
        await store.importMappings.replaceOne({ _id: agencyId }, saved, { upsert: true });
        await appendAudit(store, {
          stream: auditStreams.organisation(agencyId),
          actor: auditActorOf(principal),
          action: 'import-mapping-saved',
          target: { kind: 'import-mapping', id: agencyId },
          details: { groups: changedNames(before?.groups ?? [], saved.groups), users: changedNames(before?.users ?? [], saved.users) },
        });
        return { status: 200, body: answer(agencyId, saved) };
      },
    }),
  ];
}
