import { z } from 'zod';
import { verifyAuditChain } from '../../engine/audit/audit-chain.js';
import type { ApiContext } from '../context.js';
import { storedAuditContent } from './audit-log.js';
import { Problem, problemResponses } from '../http/problem.js';
import { defineRoute, type RouteDefinition } from '../http/route.js';
import { cursorParam, decodeCursor, encodeCursor, isoInstant, limitParam, page, wire } from '../http/schemas.js';

const eventSchema = z
  .object({
    id: z.string(),
    stream: z.string(),
    sequence: z.number(),
    at: z.string(),
    actor: z.object({ kind: z.enum(['person', 'system']), id: z.string(), role: z.string().optional(), unit: z.string().optional() }),
    action: z.string(),
    target: z.object({ kind: z.string(), id: z.string() }),
    details: z.record(z.string(), z.unknown()),
    previousHash: z.string(),
    hash: z.string(),
  })
  .meta({ id: 'AuditEvent' });

/** The audit trail for auditors: read it, and check a stream's hash chain. */
export function auditRoutes({ store }: ApiContext): RouteDefinition[] {
  return [
    defineRoute({
      method: 'get',
      path: '/api/audit',
      summary: 'Audit events, newest first, by stream, actor and period (auditor)',
      tag: 'audit',
      access: ['auditor'],
      query: z.object({ stream: z.string().min(1).max(500).optional(), actor: z.string().min(1).max(200).optional(), from: isoInstant.optional(), to: isoInstant.optional(), cursor: cursorParam, limit: limitParam }),
      responses: { 200: { description: 'a page of events', schema: page(eventSchema) }, ...problemResponses(400, 401, 403) },
      async handler({ query }) {
        const conditions: Record<string, unknown>[] = [];
        if (query.stream) conditions.push({ stream: query.stream });
        if (query.actor) conditions.push({ 'actor.id': query.actor });
        if (query.from) conditions.push({ at: { $gte: new Date(query.from) } });
        if (query.to) conditions.push({ at: { $lt: new Date(query.to) } });
        if (query.cursor) {
          const after = decodeCursor(query.cursor, z.object({ at: z.string(), id: z.string() }));
          if (!after) throw new Problem(400, 'invalid-cursor', 'the cursor is not one this API issued');
          conditions.push({ $or: [{ at: { $lt: new Date(after.at) } }, { at: new Date(after.at), _id: { $lt: after.id } }] });
        }
        const filter = conditions.length === 0 ? {} : { $and: conditions };
        const events = await store.auditEvents.find(filter).sort({ at: -1, _id: -1 }).limit(query.limit + 1).lean();
        const items = events.slice(0, query.limit);
        const last = items.at(-1);
        return {
          status: 200,
          body: wire({
            items: items.map(({ _id, ...event }) => ({ id: _id, ...event })),
            nextCursor: events.length > query.limit && last ? encodeCursor({ at: last.at.toISOString(), id: last._id }) : null,
          }),
        };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/audit/verify',
      summary: 'Check a stream’s hash chain: intact, or the first entry that was changed or removed (auditor)',
      tag: 'audit',
      access: ['auditor'],
      query: z.object({ stream: z.string().min(1).max(500) }),
      responses: {
        200: {
          description: 'the check',
          schema: z.object({ stream: z.string(), entries: z.number(), intact: z.boolean(), sequence: z.number().optional(), reason: z.string().optional() }),
        },
        ...problemResponses(400, 401, 403, 404),
      },
      async handler({ query }) {
        const events = await store.auditEvents.find({ stream: query.stream }).sort({ sequence: 1 }).lean();
        if (events.length === 0) throw new Problem(404, 'unknown-stream', `no audit stream ${query.stream}`);
        return { status: 200, body: { stream: query.stream, entries: events.length, ...verifyAuditChain(events.map(storedAuditContent)) } };
      },
    }),
  ];
}
