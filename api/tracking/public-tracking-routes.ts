import type { Request } from 'express';
import { z } from 'zod';
import type { ApiContext } from '../context.js';
import { appendAudit, auditStreams } from '../audit/audit-log.js';
import { Problem, problemResponses } from '../http/problem.js';
import { defineRoute, type RouteDefinition } from '../http/route.js';
import { storeRateLimiter } from '../http/store-rate-limit.js';
import { citizenTracking, citizenTrackingSchema } from './citizen-tracking.js';
import { secondFactorDigits, secondFactorMatches, secondFactorPattern } from './second-factor.js';

const anonymous = { kind: 'person' as const, id: 'anonymous' };

/** One answer for an unknown code and a wrong factor, so a look-up never tells which was wrong. */
const refused = () => new Problem(404, 'tracking-refused', 'no dossier has this code with this second factor');

function codeOf(request: Request): string {
  const code: unknown = (request.body as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? code.trim().slice(0, 100) : '';
}

/**
 * Tracking a dossier without an account: its code and a second factor only the citizen has (the
 * last digits of the phone or ID number given at submission), limited per client and per code,
 * every look-up audited; its documents through short-lived signed links.
 */
export function publicTrackingRoutes(context: ApiContext): RouteDefinition[] {
  const { store, tokens, settings } = context;
  const tooMany = new Problem(429, 'tracking-rate-limited', 'too many look-ups; wait as Retry-After says');
  const perClient = storeRateLimiter(store.rateLimitHits, 'track-client', settings.publicTracking.perClient, tooMany);
  // Refusals only, from anyone: guessing one dossier's factor from many addresses stops here too.
  const perCode = storeRateLimiter(store.rateLimitHits, 'track-code', settings.publicTracking.refusalsPerCode, tooMany, { keyGenerator: codeOf, skipSuccessfulRequests: true });

  return [
    defineRoute({
      method: 'post',
      path: '/api/public/track',
      summary: 'Track a dossier without an account: its code and the last 4 digits of the phone or ID number given at submission',
      tag: 'tracking',
      access: 'public',
      before: [perClient, perCode],
      body: z
        .object({
          code: z.string().trim().min(1).max(100),
          factor: z.string().regex(secondFactorPattern).meta({ description: `The last ${secondFactorDigits} digits of the applicant's phone or ID number` }),
        })
        .meta({ id: 'PublicTrackingRequest' }),
      responses: { 200: { description: 'what the citizen sees of the dossier', schema: citizenTrackingSchema }, ...problemResponses(404, 422, 429) },
      async handler({ body }) {
        const dossier = await store.dossiers.findById(body.code).lean();
        const matches = secondFactorMatches(dossier?.applicant, body.factor);
        const target = { kind: 'dossier', id: body.code };
        if (!dossier || !matches) {
          // An unknown code gets a stream of its own: it names no dossier's.
          await appendAudit(store, { stream: dossier ? auditStreams.dossier(dossier._id) : auditStreams.publicTracking, actor: anonymous, action: 'public-tracking-refused', target, details: {} });
          throw refused();
        }
        await appendAudit(store, { stream: auditStreams.dossier(dossier._id), actor: anonymous, action: 'public-tracking-shown', target, details: {} });
        return { status: 200, body: await citizenTracking(context, dossier) };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/public/documents/:link',
      summary: 'Download a document of a dossier through the signed link public tracking gave (PDF)',
      tag: 'tracking',
      access: 'public',
      before: [perClient],
      params: z.object({ link: z.string().min(1).max(2000) }),
      responses: { 200: { description: 'the PDF', contentType: 'application/pdf' }, ...problemResponses(400, 404, 429) },
      async handler({ params, response }) {
        const link = await tokens.verifyDocumentLink(params.link).catch(() => undefined);
        const document = link && (await store.documents.findOne({ _id: link.documentId, dossierId: link.dossierId }));
        if (!document) throw new Problem(404, 'invalid-document-link', 'the link is invalid or has expired; track the dossier again for a new one');
        response.status(200).type('application/pdf').attachment(document.filename).send(document.bytes);
        return undefined;
      },
    }),
  ];
}
