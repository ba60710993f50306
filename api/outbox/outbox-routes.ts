import { z } from 'zod';
import { deliveryStateFilter, deliveryStates } from '../../store/notifications/delivery-state.js';
import { portalSyncMetrics } from '../../store/portal-sync/portal-sync-metrics.js';
import type { ApiContext } from '../context.js';
import { problemResponses } from '../http/problem.js';
import { defineRoute, type RouteDefinition } from '../http/route.js';
import { limitParam, wire } from '../http/schemas.js';
import { agencyScope } from '../org/agency-scope.js';

const deliveryState = z.enum(deliveryStates);

const outboxEntrySchema = z
  .object({
    id: z.string(),
    dossierId: z.string(),
    kind: z.string(),
    at: z.string(),
    recipients: z.object({ userIds: z.array(z.string()), roles: z.array(z.string()), units: z.array(z.string()), citizen: z.boolean() }),
    data: z.record(z.string(), z.unknown()),
    state: deliveryState,
    attempts: z.number(),
    lastError: z.string().optional(),
    deliveredAt: z.string().optional(),
    deliveries: z.array(z.object({ channel: z.string(), to: z.string(), at: z.string(), messageId: z.string().optional(), documentIds: z.array(z.string()) })),
  })
  .meta({ id: 'OutboxEntry' });

const mailSchema = z
  .object({
    id: z.string(),
    messageId: z.string().optional(),
    from: z.string().optional(),
    to: z.array(z.string()),
    subject: z.string(),
    text: z.string(),
    attachments: z.array(z.object({ filename: z.string(), contentType: z.string(), size: z.number() })),
    receivedAt: z.string(),
  })
  .meta({ id: 'ReceivedMail' });

const metricsSchema = z
  .object({
    pending: z.number(),
    oldestPendingMs: z.number(),
    failingAttempts: z.number(),
    lagMs: z.object({ p50: z.number(), p95: z.number(), max: z.number(), count: z.number() }),
  })
  .meta({ id: 'PortalSyncMetrics' });

const admins = ['agency-admin'] as const;

/**
 * The admins' outbox page: what dossiers told whom and how it went, what the dev stack's local
 * SMTP server received, and how far behind the national portal's status sync is.
 */
export function outboxRoutes({ store }: ApiContext): RouteDefinition[] {
  return [
    defineRoute({
      method: 'get',
      path: '/api/outbox',
      summary: 'Notifications of the agency’s dossiers, newest first, with their delivery (agency-admin)',
      tag: 'outbox',
      access: admins,
      query: z.object({ state: deliveryState.optional(), dossierId: z.string().min(1).max(200).optional(), limit: limitParam }),
      responses: { 200: { description: 'outbox entries', schema: z.object({ items: z.array(outboxEntrySchema) }) }, ...problemResponses(400, 401, 403) },
      async handler({ query, principal }) {
        const agencies = [...(await agencyScope(store, principal))];
        const dossierIds = await store.dossiers.distinct('_id', { agencyId: { $in: agencies }, ...(query.dossierId ? { _id: query.dossierId } : {}) });
        const filter: Record<string, unknown> = { dossierId: { $in: dossierIds } };
        if (query.state) Object.assign(filter, deliveryStateFilter(query.state));
        const entries = await store.notifications.find(filter).sort({ at: -1 }).limit(query.limit).lean();
        const items = entries.map(({ _id, deliveredAt, deliveries, attempts, lastError, nextAttemptAt: _next, ...entry }) => ({
          id: _id,
          ...entry,
          state: deliveredAt ? 'delivered' : attempts ? 'failing' : 'pending',
          attempts: attempts ?? 0,
          lastError,
          deliveredAt,
          deliveries: deliveries ?? [],
        }));
        return { status: 200, body: wire({ items }) };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/outbox/mailbox',
      summary: 'Messages the dev stack’s local SMTP server received, newest first (agency-admin)',
      tag: 'outbox',
      access: admins,
      query: z.object({ limit: limitParam }),
      responses: { 200: { description: 'received messages', schema: z.object({ items: z.array(mailSchema) }) }, ...problemResponses(400, 401, 403) },
      async handler({ query }) {
        const mails = await store.devMailbox.find().sort({ receivedAt: -1 }).limit(query.limit).lean();
        return { status: 200, body: wire({ items: mails.map(({ _id, ...mail }) => ({ id: String(_id), ...mail })) }) };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/outbox/portal-sync',
      summary: 'National-portal status sync: backlog and lag from a status change to the portal’s acknowledgement (agency-admin)',
      tag: 'outbox',
      access: admins,
      responses: { 200: { description: 'sync metrics', schema: metricsSchema }, ...problemResponses(401, 403) },
      async handler() {
        return { status: 200, body: await portalSyncMetrics(store) };
      },
    }),
  ];
}
