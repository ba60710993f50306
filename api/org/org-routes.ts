import { z } from 'zod';
import { administrativeLevels } from '../../store/organisation/organisation-models.js';
import type { ApiContext } from '../context.js';
import { problemResponses } from '../http/problem.js';
import { defineRoute, type RouteDefinition } from '../http/route.js';

const agencySchema = z
  .object({ id: z.string(), name: z.string(), level: z.enum(administrativeLevels), parentId: z.string().optional(), code: z.string() })
  .meta({ id: 'Agency' });
const unitSchema = z.object({ id: z.string(), agencyId: z.string(), name: z.string(), headUserId: z.string().optional() }).meta({ id: 'Unit' });
const positionSchema = z.object({ id: z.string(), name: z.string() }).meta({ id: 'Position' });

function withId<T extends { _id: string }>({ _id, ...rest }: T): Omit<T, '_id'> & { id: string } {
  return { id: _id, ...rest };
}

/** The organisation tree, for the designer's role and unit pickers and the dashboards' filters. */
export function orgRoutes({ store }: ApiContext): RouteDefinition[] {
  return [
    defineRoute({
      method: 'get',
      path: '/api/org/agencies',
      summary: 'Agencies (the organisation tree: parentId links a level to the one above)',
      tag: 'organisation',
      access: 'signed-in',
      responses: { 200: { description: 'agencies', schema: z.array(agencySchema) }, ...problemResponses(401) },
      handler: async () => ({ status: 200, body: (await store.agencies.find().sort({ _id: 1 }).lean()).map(withId) }),
    }),
    defineRoute({
      method: 'get',
      path: '/api/org/units',
      summary: 'Units, of one agency or all',
      tag: 'organisation',
      access: 'signed-in',
      query: z.object({ agencyId: z.string().min(1).optional() }),
      responses: { 200: { description: 'units', schema: z.array(unitSchema) }, ...problemResponses(400, 401) },
      handler: async ({ query }) => ({
        status: 200,
        body: (await store.units.find(query.agencyId ? { agencyId: query.agencyId } : {}).sort({ _id: 1 }).lean()).map(withId),
      }),
    }),
    defineRoute({
      method: 'get',
      path: '/api/org/positions',
      summary: 'Positions procedures may name as a step’s candidate role',
      tag: 'organisation',
      access: 'signed-in',
      responses: { 200: { description: 'positions', schema: z.array(positionSchema) }, ...problemResponses(401) },
      handler: async () => ({ status: 200, body: (await store.positions.find().sort({ _id: 1 }).lean()).map(withId) }),
    }),
  ];
}
