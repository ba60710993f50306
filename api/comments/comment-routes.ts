import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { CommentDocument } from '../../store/comments/comment-model.js';
import { appendAudit, auditStreams } from '../audit/audit-log.js';
import { auditActorOf } from '../auth/principal.js';
import type { ApiContext } from '../context.js';
import { visibleDossier } from '../dossiers/dossier-access.js';
import { problemResponses } from '../http/problem.js';
import { defineRoute, type RouteDefinition } from '../http/route.js';

const codeParams = z.object({ code: z.string().min(1).max(100) });
const commentSchema = z
  .object({ id: z.string(), dossierId: z.string(), author: z.string(), authorName: z.string(), text: z.string(), at: z.string() })
  .meta({ id: 'DossierComment', description: 'A comment staff leave on a dossier for each other; never shown to the citizen nor in public tracking' });

/** Officers and supervisors who work on the dossier: the citizen, whose dossier it is, reads none of it. */
const commentRoles = ['officer', 'supervisor'] as const;

function commentOf(comment: CommentDocument) {
  return { id: comment._id, dossierId: comment.dossierId, author: comment.author, authorName: comment.authorName, text: comment.text, at: comment.at.toISOString() };
}

/** Staff comments on a dossier (“trao đổi nội bộ”): read and written by the staff who may see the whole dossier. */
export function commentRoutes(context: ApiContext): RouteDefinition[] {
  const { store } = context;
  return [
    defineRoute({
      method: 'get',
      path: '/api/dossiers/:code/comments',
      summary: 'The staff’s comments on a dossier, oldest first: for officers and supervisors who work on it',
      tag: 'dossiers',
      access: commentRoles,
      params: codeParams,
      responses: { 200: { description: 'the comments', schema: z.array(commentSchema) }, ...problemResponses(401, 403, 404) },
      async handler({ params, principal }) {
        const { dossier } = await visibleDossier(store, params.code, principal, 'full');
        const comments = await store.comments.find({ dossierId: dossier._id }).sort({ at: 1, _id: 1 }).lean();
        return { status: 200, body: comments.map(commentOf) };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/dossiers/:code/comments',
      summary: 'Leave a comment on a dossier for the staff who work on it (audited)',
      tag: 'dossiers',
      access: commentRoles,
      params: codeParams,
      body: z.object({ text: z.string().trim().min(1).max(4000).meta({ description: 'What the colleague wants the others to know' }) }),
      responses: { 201: { description: 'the comment', schema: commentSchema }, ...problemResponses(400, 401, 403, 404, 422) },
      async handler({ params, body, principal }) {
        const { dossier } = await visibleDossier(store, params.code, principal, 'full');
        const comment: CommentDocument = { _id: randomUUID(), dossierId: dossier._id, agencyId: dossier.agencyId, author: principal.id, authorName: principal.name, text: body.text, at: new Date() };
        await store.comments.create(comment);
        await appendAudit(store, { stream: auditStreams.dossier(dossier._id), actor: auditActorOf(principal), action: 'comment-added', target: { kind: 'comment', id: comment._id }, details: { text: comment.text } });
        return { status: 201, body: commentOf(comment) };
      },
    }),
  ];
}
