import { randomUUID } from 'node:crypto';
import { storeRateLimiter } from '../http/store-rate-limit.js';
import { z } from 'zod';
import { BusinessCalendar, legalDeadline } from '../../engine/calendar/index.js';
import { dossierStatuses, finalDossierStatuses } from '../../engine/dossier/dossier-status.js';
import { parseLegalDuration } from '../../engine/duration/legal-duration.js';
import { submittedOnline } from '../../engine/plan/online-level.js';
import type { AttachmentDocument, AttachmentPurpose } from '../../store/attachments/attachment-model.js';
import { channels, type DossierDocument } from '../../store/dossiers/dossier-model.js';
import {
  dossierSearchAttributesAtStart,
  dossierWorkflowType,
  extendDeadlineUpdate,
  supplementDossierSignal,
  withdrawDossierSignal,
  type DossierInput,
} from '../../workflows/contract.js';
import type { ApiContext } from '../context.js';
import { appendAudit, auditStreams } from '../audit/audit-log.js';
import { multipartReader, uploadedFiles } from '../attachments/multipart.js';
import { actorOf, auditActorOf, hasRole, type Principal } from '../auth/principal.js';
import { currentCalendar } from '../calendars/calendar-source.js';
import { idempotencyKeyOf } from '../http/idempotency-key.js';
import { Problem, problemResponses } from '../http/problem.js';
import { defineRoute, type RouteDefinition } from '../http/route.js';
import { booleanParam, cursorParam, isoInstant, limitParam, page, wire } from '../http/schemas.js';
import { agencyScope } from '../org/agency-scope.js';
import { deployedPlan } from '../procedures/procedure-registry.js';
import { workflowProblem } from '../temporal/workflow-errors.js';
import { checkSubmissionInput, checkSupplementInput } from './citizen-input.js';
import { checkCounterIntake, counterIntakeFields, seenOriginalLabels } from './counter-intake.js';
import { allocateDossierCode, receiptDay } from './dossier-code.js';
import { listableDossiers, visibleDossier } from './dossier-access.js';
import { citizenTimeline } from './citizen-timeline.js';
import { submissionKeys } from './submission-keys.js';
import { dossierTimeline } from './timeline.js';
import { dossierFees, feeViewSchema } from '../payments/fee-view.js';
import { resultDeliverySchema } from './result-delivery.js';
import { toSupplement } from './to-supplement.js';
import { dossierSummary, newestDossiers, summaryOf } from './dossier-summary.js';

const codeParams = z.object({ code: z.string().min(1).max(100) });
const applicantSchema = z.object({
  name: z.string().trim().min(1).max(200),
  idNumber: z.string().max(40).optional(),
  email: z.email().max(200).optional(),
  phone: z.string().max(30).optional(),
  address: z.string().max(500).optional(),
});
const submissionSchema = z
  .object({
    procedureCode: z.string().min(1).max(200),
    channel: z.enum(channels),
    applicant: applicantSchema,
    delivery: resultDeliverySchema.default({ method: 'counter' }),
    variables: z.record(z.string().max(100), z.unknown()).default({}),
    documents: z
      .array(z.string().regex(/^[A-Za-z_][\w-]{0,99}$/).nullable())
      .optional()
      .meta({ description: 'For each attached file, in order, the start form’s document field it answers (null for none): the field’s variable then holds its attachment id, or ids' }),
    ...counterIntakeFields,
  })
  .meta({ id: 'DossierSubmission' });
const attachmentView = z.object({ id: z.string(), fileName: z.string(), contentType: z.string(), size: z.number(), purpose: z.string(), uploadedAt: z.string() });
const receiptSchema = z
  .object({
    dossierId: z.string(),
    receivedAt: z.string(),
    dueAt: z.string(),
    receipt: z.object({
      form: z.literal('01'),
      dossierId: z.string(),
      procedureCode: z.string(),
      procedureName: z.string(),
      agencyId: z.string(),
      agencyName: z.string(),
      applicantName: z.string(),
      channel: z.enum(channels),
      receivedAt: z.string(),
      dueAt: z.string(),
      documents: z.array(z.object({ id: z.string(), fileName: z.string(), originalSeen: z.boolean().meta({ description: 'the officer saw the paper original; no copy is attached' }) })),
      counterFee: z.object({ amount: z.number(), receiptNumber: z.string(), collectedAt: z.string() }).nullable().meta({ description: 'the fee collected at the counter, for an in-person dossier' }),
    }),
  })
  .meta({ id: 'DossierReceipt' });
const dossierDetail = dossierSummary
  .extend({
    applicant: applicantSchema.nullable().meta({ description: 'The applicant’s personal data: null for readers who see dossiers without it' }),
    supplementationCount: z.number(),
    attachments: z.array(attachmentView),
    toSupplement: z.array(z.object({ label: z.string(), value: z.string() })).nullable().meta({ description: 'What the officer asked the citizen to supplement, while status is supplement-requested' }),
    delivery: resultDeliverySchema.nullable().meta({ description: 'How the result is received; null for readers without personal data, or dossiers from before the choice' }),
    fees: z.array(feeViewSchema).meta({ description: 'Fees asked of the dossier, oldest first: state, receipt, refund' }),
  })
  .meta({ id: 'Dossier' });

/** The start form's document fields as variables: each names its attachment id, or ids when several documents answer it. */
function documentVariables(documents: Array<{ field: string | null; id: string }>): Record<string, string | string[]> {
  const byField: Record<string, string[]> = {};
  for (const { field, id } of documents) if (field !== null) (byField[field] ??= []).push(id);
  return Object.fromEntries(Object.entries(byField).map(([field, ids]) => [field, ids.length === 1 ? ids[0]! : ids]));
}

const intakeRoles = ['citizen', 'officer', 'supervisor'] as const;
/** The documents a submission brings: files, and the originals seen at the counter. */
const receiptPurposes: AttachmentPurpose[] = ['submission', 'original-seen'];

/** The submission's answer: the receipt (Form 01), for the first attempt and any retry of it alike. */
function receiptAnswer(dossier: DossierDocument, procedureName: string, agency: { _id: string; name: string }, documents: Array<Pick<AttachmentDocument, '_id' | 'fileName' | 'purpose'>>) {
  const receipt = {
    form: '01' as const,
    dossierId: dossier._id,
    procedureCode: dossier.procedureCode,
    procedureName,
    agencyId: agency._id,
    agencyName: agency.name,
    applicantName: dossier.applicant.name,
    channel: dossier.channel,
    receivedAt: dossier.receivedAt.toISOString(),
    dueAt: dossier.dueAt!.toISOString(),
    documents: documents.map((file) => ({ id: file._id, fileName: file.fileName, originalSeen: file.purpose === 'original-seen' })),
    counterFee: dossier.counterFee ? { amount: dossier.counterFee.amount, receiptNumber: dossier.counterFee.receiptNumber, collectedAt: dossier.counterFee.collectedAt.toISOString() } : null,
  };
  return { status: 201, body: { dossierId: dossier._id, receivedAt: receipt.receivedAt, dueAt: receipt.dueAt, receipt }, headers: { Location: `/api/dossiers/${encodeURIComponent(dossier._id)}` } };
}

/** Submission, tracking, supplement, withdrawal, attachments and the dossier list. */
export function dossierRoutes(context: ApiContext): RouteDefinition[] {
  const { store, temporal, settings } = context;
  const keys = submissionKeys(context);
  const intakeLimiter = storeRateLimiter(store.rateLimitHits, 'intake', settings.rateLimits.intake, new Problem(429, 'rate-limited', 'too many submissions; wait a minute'));
  const readMultipart = multipartReader(settings.uploads, 'attachments');

  async function saveAttachments(files: Express.Multer.File[], dossierId: string, purpose: 'submission' | 'supplement', principal: Principal) {
    const saved = [];
    for (const file of files) {
      const id = randomUUID();
      await context.attachments.save(id, file.buffer, file.mimetype);
      saved.push({ _id: id, dossierId, fileName: file.originalname, contentType: file.mimetype, size: file.size, purpose, uploadedBy: principal.id, uploadedAt: new Date() });
    }
    if (saved.length > 0) await store.attachments.insertMany(saved);
    return saved;
  }

  /** A document record without bytes for each document field whose original the officer saw. */
  async function recordSeenOriginals(seen: Array<{ field: string; label: string }>, dossierId: string, principal: Principal) {
    const records = seen.map(({ label }) => ({ _id: randomUUID(), dossierId, fileName: label, contentType: 'application/octet-stream', size: 0, purpose: 'original-seen' as const, uploadedBy: principal.id, uploadedAt: new Date() }));
    if (records.length > 0) await store.attachments.insertMany(records);
    return records;
  }

  async function discardAttachments(ids: string[]) {
    await Promise.all(ids.map((id) => context.attachments.remove(id)));
    await store.attachments.deleteMany({ _id: { $in: ids } });
  }

  /** Undoes a submission that never started its workflow: its dossier and files. */
  async function discardSubmission(dossierId: string) {
    await store.dossiers.deleteOne({ _id: dossierId, sequence: 0 });
    const files = await store.attachments.find({ dossierId, purpose: { $in: receiptPurposes } }, { _id: 1 }).lean();
    await discardAttachments(files.map((file) => file._id));
  }

  /** The receipt of the dossier an earlier attempt with the same Idempotency-Key made. */
  async function replayedReceipt(dossier: DossierDocument) {
    const deployed = await deployedPlan(store, dossier.procedureCode, dossier.procedureVersion);
    const agency = await store.agencies.findById(dossier.agencyId).lean();
    const documents = await store.attachments.find({ dossierId: dossier._id, purpose: { $in: receiptPurposes } }).sort({ uploadedAt: 1 }).lean();
    return receiptAnswer(dossier, deployed?.plan.procedure.name ?? dossier.procedureCode, { _id: dossier.agencyId, name: agency?.name ?? dossier.agencyId }, documents);
  }

  function audit(principal: Principal, code: string, action: string, details: Record<string, string | number | boolean | null | string[]>) {
    return appendAudit(store, { stream: auditStreams.dossier(code), actor: auditActorOf(principal), action, target: { kind: 'dossier', id: code }, details });
  }

  function publish(dossier: Pick<DossierDocument, '_id' | 'agencyId' | 'ownerId'>, change: string) {
    context.events.publish({ kind: 'dossier', id: dossier._id, dossierId: dossier._id, agencyId: dossier.agencyId, ownerId: dossier.ownerId, change, at: new Date().toISOString() });
  }

  return [
    defineRoute({
      method: 'post',
      path: '/api/dossiers',
      summary: 'Submit a dossier: a citizen online, an officer in person or by post (multipart: JSON field "data" + files "attachments")',
      tag: 'dossiers',
      access: intakeRoles,
      before: [intakeLimiter, readMultipart],
      body: submissionSchema,
      multipart: { files: 'attachments', description: 'the dossier’s documents (PDF, JPEG, PNG, DOCX)' },
      headers: [{ name: 'Idempotency-Key', description: 'a retried submission with the same key returns the first one’s receipt instead of making a second dossier', required: false }],
      responses: { 201: { description: 'received, with the receipt (Form 01)', schema: receiptSchema }, ...problemResponses(400, 401, 403, 404, 409, 413, 415, 422, 429) },
      async handler({ request, body, principal }) {
        const submissionKey = idempotencyKeyOf(request);
        const earlier = submissionKey === undefined ? undefined : await keys.earlier(principal, submissionKey, discardSubmission);
        if (earlier) return replayedReceipt(earlier);
        const files = uploadedFiles(request);
        if (body.documents && body.documents.length !== files.length) {
          throw new Problem(422, 'documents-mismatch', `documents names ${body.documents.length} fields for ${files.length} attached files; give one entry (or null) per file, in order`);
        }
        const citizen = hasRole(principal, 'citizen');
        if (citizen && body.channel !== 'online') throw new Problem(403, 'channel-not-allowed', 'citizens submit online');
        if (!citizen && body.channel === 'online') throw new Problem(403, 'channel-not-allowed', 'the online channel is for citizens; officers receive in person or by post');
        const procedure = await store.procedures.findById(body.procedureCode).lean();
        if (!procedure || !procedure.currentVersion) throw new Problem(404, 'unknown-procedure', `no procedure ${body.procedureCode} open for submission`);
        if (procedure.retired) throw new Problem(409, 'procedure-retired', `procedure ${body.procedureCode} is retired`);
        if (!citizen && !(await agencyScope(store, principal)).has(procedure.agencyId)) {
          throw new Problem(403, 'other-agency', `procedure ${body.procedureCode} is received by agency ${procedure.agencyId}`);
        }
        const deployed = (await deployedPlan(store, procedure._id, procedure.currentVersion))!;
        const { plan } = deployed;
        if (citizen && !submittedOnline(plan)) throw new Problem(403, 'channel-not-allowed', `procedure ${body.procedureCode} is received in person only (onlineLevel none)`);
        checkSubmissionInput(plan, body.variables, body.documents ?? []);
        checkCounterIntake(plan, body);
        const agency = await store.agencies.findById(plan.procedure.agency).lean();
        if (!agency) throw new Problem(409, 'agency-not-registered', `agency ${plan.procedure.agency} is not in the organisation`);
        const calendar = await currentCalendar(context, plan.procedure.calendarId);
        const receivedAt = Date.now();
        const { dueAt } = legalDeadline(new BusinessCalendar(calendar.data), {
          receivedAt,
          limit: parseLegalDuration(plan.procedure.legalLimit),
          cutoff: plan.procedure.cutOff,
          rule: plan.procedure.supplementationClock,
        });
        // Taken only now, every check passed; a failure from here gives it back (dossier-code.ts).
        const allocated = await allocateDossierCode(store, settings.dossierCodeFormat, { id: agency._id, code: agency.code }, receiptDay(receivedAt, calendar.data.timeZone.utcOffset));
        const dossierId = allocated.code;
        const forgetKey = () => (submissionKey === undefined ? Promise.resolve() : keys.forget(principal, submissionKey));
        if (submissionKey !== undefined) {
          await keys.take(principal, submissionKey, dossierId).catch(async (error: unknown) => {
            await allocated.release();
            throw error;
          });
        }
        const seen = seenOriginalLabels(plan, body.seenOriginals ?? []);
        const attachments = await saveAttachments(files, dossierId, 'submission', principal)
          .then(async (scanned) => [...scanned, ...(await recordSeenOriginals(seen, dossierId, principal))])
          .catch(async (error: unknown) => {
            await discardSubmission(dossierId);
            await forgetKey();
            await allocated.release();
            throw error;
          });
        const attachmentIds = attachments.map((file) => file._id);
        const counterFee = body.counterFee && { ...body.counterFee, collectedAt: new Date(receivedAt), collectedBy: principal.id };
        const dossier: DossierDocument = {
          _id: dossierId,
          procedureCode: procedure._id,
          procedureVersion: procedure.currentVersion,
          planHash: deployed.planHash,
          calendarHash: calendar.hash,
          calendarId: plan.procedure.calendarId,
          agencyId: plan.procedure.agency,
          channel: body.channel,
          applicant: body.applicant,
          delivery: body.delivery,
          ...(citizen ? { ownerId: principal.id } : { receivedBy: principal.id }),
          ...(counterFee ? { counterFee } : {}),
          status: 'received',
          receivedAt: new Date(receivedAt),
          dueAt: new Date(dueAt),
          overdue: false,
          currentSteps: [],
          supplementationCount: 0,
          sequence: 0,
          updatedAt: new Date(receivedAt),
        };
        const input: DossierInput = {
          dossierId,
          procedureVersion: procedure.currentVersion,
          planHash: deployed.planHash,
          plan,
          calendar: calendar.data,
          receivedAt,
          variables: {
            ...body.variables,
            ...documentVariables([...(body.documents ?? []), ...seen.map(({ field }) => field)].map((field, index) => ({ field, id: attachmentIds[index]! }))),
            applicant: body.applicant,
            channel: body.channel,
            attachments: attachmentIds,
            ...(body.counterFee ? { counterFee: body.counterFee } : {}),
          },
          searchAttributes: temporal.searchAttributes,
        };
        try {
          await store.dossiers.create(dossier);
          await temporal.client.workflow.start(dossierWorkflowType, {
            workflowId: dossierId,
            taskQueue: temporal.taskQueue,
            args: [input],
            ...(temporal.searchAttributes ? { typedSearchAttributes: dossierSearchAttributesAtStart(input) } : {}),
          });
        } catch (error) {
          // Nothing half-done: without its workflow the dossier does not exist.
          await store.dossiers.deleteOne({ _id: dossierId, sequence: 0 });
          await discardAttachments(attachmentIds);
          await forgetKey();
          await allocated.release();
          throw error;
        }
        await audit(principal, dossierId, 'dossier-submitted', {
          channel: body.channel,
          procedureVersion: procedure.currentVersion,
          planHash: deployed.planHash,
          attachments: attachmentIds,
          ...(seen.length > 0 ? { seenOriginals: seen.map(({ field }) => field) } : {}),
        });
        if (counterFee) await audit(principal, dossierId, 'counter-fee-collected', { amount: counterFee.amount, receiptNumber: counterFee.receiptNumber });
        publish(dossier, 'submitted');
        return receiptAnswer(dossier, plan.procedure.name, agency, attachments);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/dossiers',
      summary: 'Dossiers: citizens their own, officers and supervisors those their units work on, administrators and auditors their agencies’ without personal data; newest first',
      tag: 'dossiers',
      access: 'signed-in',
      query: z.object({
        status: z.enum(dossierStatuses).optional(),
        overdue: booleanParam.optional(),
        procedureCode: z.string().min(1).max(200).optional(),
        cursor: cursorParam,
        limit: limitParam,
      }),
      responses: { 200: { description: 'a page of dossiers', schema: page(dossierSummary) }, ...problemResponses(400, 401) },
      async handler({ query, principal }) {
        const listable = await listableDossiers(store, principal);
        const filter: Record<string, unknown> = { ...listable.filter };
        if (query.status) filter.status = query.status;
        if (query.overdue !== undefined) filter.overdue = query.overdue;
        if (query.procedureCode) filter.procedureCode = query.procedureCode;
        const { dossiers, nextCursor } = await newestDossiers(store, filter, query);
        return { status: 200, body: { items: dossiers.map((dossier) => summaryOf(dossier, listable.access)), nextCursor } };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/dossiers/:code',
      summary: 'A dossier’s status, appointment, current steps and what to supplement',
      tag: 'dossiers',
      access: 'signed-in',
      params: codeParams,
      responses: { 200: { description: 'the dossier', schema: dossierDetail }, ...problemResponses(401, 403, 404) },
      async handler({ params, principal }) {
        const { dossier, access } = await visibleDossier(store, params.code, principal);
        const attachments = access === 'full' ? await store.attachments.find({ dossierId: dossier._id }).sort({ uploadedAt: 1 }).lean() : [];
        return {
          status: 200,
          body: {
            ...summaryOf(dossier, access),
            applicant: access === 'full' ? dossier.applicant : null,
            supplementationCount: dossier.supplementationCount,
            attachments: attachments.map((file) => ({ id: file._id, fileName: file.fileName, contentType: file.contentType, size: file.size, purpose: file.purpose, uploadedAt: file.uploadedAt.toISOString() })),
            toSupplement: await toSupplement(context, dossier),
            delivery: access === 'full' ? (dossier.delivery ?? null) : null,
            fees: await dossierFees(store, dossier._id),
          },
        };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/dossiers/:code/timeline',
      summary: 'The dossier’s history from its audit trail, in time order; a citizen reads its milestones only, told as the agency’s, without staff names or details',
      tag: 'dossiers',
      access: 'signed-in',
      params: codeParams,
      responses: {
        200: {
          description: 'timeline',
          schema: z.array(z.object({ at: z.string(), stream: z.string(), sequence: z.number(), action: z.string(), label: z.object({ vi: z.string(), en: z.string() }), actor: z.record(z.string(), z.unknown()), target: z.record(z.string(), z.unknown()), details: z.record(z.string(), z.unknown()) })),
        },
        ...problemResponses(401, 403, 404),
      },
      async handler({ params, principal }) {
        const { dossier } = await visibleDossier(store, params.code, principal);
        const timeline = await dossierTimeline(store, dossier._id);
        return { status: 200, body: wire(hasRole(principal, 'citizen') ? citizenTimeline(timeline, dossier) : timeline) };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/dossiers/:code/supplement',
      summary: 'The owner citizen supplements the dossier (multipart: JSON field "data" + files "attachments")',
      tag: 'dossiers',
      access: ['citizen'],
      params: codeParams,
      before: [intakeLimiter, readMultipart],
      body: z.object({ note: z.string().max(2000).optional(), variables: z.record(z.string().max(100), z.unknown()).default({}) }),
      multipart: { files: 'attachments', description: 'the missing documents' },
      responses: { 202: { description: 'accepted; the dossier resumes', schema: z.object({ dossierId: z.string(), receivedAt: isoInstant, attachments: z.array(z.string()) }) }, ...problemResponses(400, 401, 403, 404, 409, 413, 415, 422, 429) },
      async handler({ request, params, body, principal }) {
        const { dossier } = await visibleDossier(store, params.code, principal, 'full');
        if (dossier.status !== 'supplement-requested') throw new Problem(409, 'no-supplement-requested', `dossier ${dossier._id} is not waiting for a supplement (status ${dossier.status})`);
        const deployed = await deployedPlan(store, dossier.procedureCode, dossier.procedureVersion);
        if (deployed) checkSupplementInput(deployed.plan, body.variables);
        const receivedAt = Date.now();
        const attachments = await saveAttachments(uploadedFiles(request), dossier._id, 'supplement', principal);
        const ids = attachments.map((file) => file._id);
        try {
          await temporal.client.workflow.getHandle(dossier._id).signal(supplementDossierSignal, { receivedAt, note: body.note, variables: { ...body.variables, supplementAttachments: ids } });
        } catch (error) {
          await discardAttachments(ids);
          workflowProblem(error);
        }
        await audit(principal, dossier._id, 'supplement-sent', { beforeStatus: dossier.status, attachments: ids });
        publish(dossier, 'supplemented');
        return { status: 202, body: { dossierId: dossier._id, receivedAt: new Date(receivedAt).toISOString(), attachments: ids } };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/dossiers/:code/withdraw',
      summary: 'Withdraw the dossier: its owner citizen, or an officer or supervisor of a unit that holds or held one of its steps',
      tag: 'dossiers',
      access: ['citizen', 'officer', 'supervisor'],
      params: codeParams,
      body: z.object({ reason: z.string().trim().min(1).max(2000) }),
      responses: { 202: { description: 'accepted; processing stops', schema: z.object({ dossierId: z.string(), status: z.string() }) }, ...problemResponses(400, 401, 403, 404, 409, 422) },
      async handler({ params, body, principal }) {
        const { dossier } = await visibleDossier(store, params.code, principal, 'full');
        if (finalDossierStatuses.includes(dossier.status) || dossier.status === 'withdrawal-requested') {
          throw new Problem(409, 'dossier-finished', `dossier ${dossier._id} is ${dossier.status}`);
        }
        // The result is ready: the workflow ignores a withdrawal now, so say so instead of accepting it.
        if (dossier.status === 'processed') throw new Problem(409, 'processing-finished', `dossier ${dossier._id} is processed: its result can no longer be withdrawn`);
        try {
          await temporal.client.workflow.getHandle(dossier._id).signal(withdrawDossierSignal, { receivedAt: Date.now(), reason: body.reason, actor: actorOf(principal) });
        } catch (error) {
          workflowProblem(error);
        }
        await audit(principal, dossier._id, 'withdrawal-sent', { beforeStatus: dossier.status, reason: body.reason });
        publish(dossier, 'withdrawn');
        return { status: 202, body: { dossierId: dossier._id, status: 'withdrawal-requested' } };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/dossiers/:code/attachments/:id',
      summary: 'Download an attachment',
      tag: 'dossiers',
      access: 'signed-in',
      params: codeParams.extend({ id: z.uuid() }),
      responses: { 200: { description: 'the file', contentType: 'application/octet-stream' }, ...problemResponses(400, 401, 403, 404) },
      async handler({ params, principal, response }) {
        const { dossier } = await visibleDossier(store, params.code, principal, 'full');
        const file = await store.attachments.findOne({ _id: params.id, dossierId: dossier._id }).lean();
        if (!file) throw new Problem(404, 'unknown-attachment', `dossier ${dossier._id} has no attachment ${params.id}`);
        if (file.purpose === 'original-seen') throw new Problem(404, 'original-seen-only', `the officer saw the original of ${file.fileName} at the counter; no copy is attached`);
        const content = await context.attachments.open(file._id).catch(() => {
          throw new Problem(404, 'unknown-attachment', `the bytes of attachment ${params.id} are missing`);
        });
        response.status(200).type(file.contentType).setHeader('Content-Length', String(file.size));
        response.attachment(file.fileName);
        await new Promise<void>((resolve, reject) => {
          content.once('error', reject).pipe(response).once('finish', resolve);
        });
        return undefined;
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/dossiers/:code/extend-deadline',
      summary: 'Set the one allowed new appointment (a supervisor of a unit that holds or held one of its steps), as the apology letter announces',
      tag: 'dossiers',
      access: ['supervisor'],
      params: codeParams,
      body: z.object({ newDueAt: isoInstant, reason: z.string().trim().min(1).max(2000) }),
      responses: { 200: { description: 'the legal clock after the change', schema: z.record(z.string(), z.unknown()) }, ...problemResponses(400, 401, 403, 404, 409, 422) },
      async handler({ params, body, principal }) {
        const { dossier } = await visibleDossier(store, params.code, principal, 'full');
        let clock;
        try {
          clock = await temporal.client.workflow
            .getHandle(dossier._id)
            .executeUpdate(extendDeadlineUpdate, { args: [{ actor: actorOf(principal), newDueAt: Date.parse(body.newDueAt), reason: body.reason }] });
        } catch (error) {
          workflowProblem(error);
        }
        await audit(principal, dossier._id, 'deadline-extension-requested', { beforeDueAt: dossier.dueAt?.toISOString() ?? null, afterDueAt: new Date(clock.dueAt).toISOString(), reason: body.reason });
        publish(dossier, 'appointment-extended');
        const instant = (value: number | undefined) => (value === undefined ? undefined : new Date(value).toISOString());
        return { status: 200, body: { ...clock, clockStartsAt: instant(clock.clockStartsAt), dueAt: instant(clock.dueAt), originalDueAt: instant(clock.originalDueAt) } };
      },
    }),
  ];
}
