import { createHash } from 'node:crypto';
import { z } from 'zod';
import { verifyPdfSignature } from '../../activities/documents/pdf-signature.js';
import { documentForms } from '../../engine/service-tasks/catalogue.js';
import type { ApiContext } from '../context.js';
import { visibleDossier } from '../dossiers/dossier-access.js';
import { Problem, problemResponses } from '../http/problem.js';
import { defineRoute, type RouteDefinition } from '../http/route.js';
import { code, wire } from '../http/schemas.js';

const documentSchema = z
  .object({ id: z.string(), form: z.enum(documentForms), filename: z.string(), sha256: z.string(), issuedAt: z.string() })
  .meta({ id: 'IssuedDocument' });

const verificationSchema = z
  .object({
    signature: z.object({ valid: z.boolean(), signer: z.string().optional(), problem: z.string().optional() }),
    issued: z.object({ dossierId: z.string(), form: z.enum(documentForms), issuedAt: z.string() }).nullable(),
  })
  .meta({ id: 'DocumentVerification' });

/** The signed PDFs of a dossier (forms 01–04, results): list, download, and anyone may verify one. */
export function documentRoutes({ store }: ApiContext): RouteDefinition[] {
  return [
    defineRoute({
      method: 'get',
      path: '/api/dossiers/:code/documents',
      summary: 'Documents issued for a dossier, oldest first',
      tag: 'documents',
      access: 'signed-in',
      params: z.object({ code }),
      responses: { 200: { description: 'documents', schema: z.object({ items: z.array(documentSchema) }) }, ...problemResponses(400, 401, 403, 404) },
      async handler({ params, principal }) {
        const { dossier } = await visibleDossier(store, params.code, principal, 'full');
        const documents = await store.documents.find({ dossierId: dossier._id }, { bytes: 0 }).sort({ issuedAt: 1 }).lean();
        return { status: 200, body: wire({ items: documents.map(({ _id, form, filename, sha256, issuedAt }) => ({ id: _id, form, filename, sha256, issuedAt })) }) };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/dossiers/:code/documents/:id',
      summary: 'Download a signed document (PDF)',
      tag: 'documents',
      access: 'signed-in',
      params: z.object({ code, id: z.string().min(1).max(400) }),
      responses: { 200: { description: 'the PDF', contentType: 'application/pdf' }, ...problemResponses(400, 401, 403, 404) },
      async handler({ params, principal, response }) {
        const { dossier } = await visibleDossier(store, params.code, principal, 'full');
        const document = await store.documents.findOne({ _id: params.id, dossierId: dossier._id });
        if (!document) throw new Problem(404, 'unknown-document', `dossier ${dossier._id} has no document ${params.id}`);
        response.status(200).type('application/pdf').attachment(document.filename).send(document.bytes);
        return undefined;
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/documents/verify',
      summary: 'Check a PDF: does its signature verify over every byte, and did MotCua issue exactly these bytes?',
      tag: 'documents',
      access: 'public',
      body: z.object({ pdfBase64: z.base64().min(8) }),
      responses: { 200: { description: 'the verification', schema: verificationSchema }, ...problemResponses(400, 422) },
      async handler({ body }) {
        const bytes = Buffer.from(body.pdfBase64, 'base64');
        const signature = await verifyPdfSignature(bytes);
        const issued = await store.documents.findOne({ sha256: createHash('sha256').update(bytes).digest('hex') }, { dossierId: 1, form: 1, issuedAt: 1 }).lean();
        return { status: 200, body: wire({ signature, issued: issued ? { dossierId: issued.dossierId, form: issued.form, issuedAt: issued.issuedAt } : null }) };
      },
    }),
  ];
}
