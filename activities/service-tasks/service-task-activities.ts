import { Context } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';
import { documentForms, notificationChannels, type DocumentForm, type ServiceTaskTypeName } from '../../engine/service-tasks/catalogue.js';
import type { Store } from '../../store/store.js';
import type { Variables } from '../../engine/dossier/activity-shapes.js';
import type { DocumentIssuer } from '../documents/document-issuer.js';
import { callHttp, type HttpCallPolicy } from '../http-call/http-call.js';
import type { PaymentGateway } from '../payments/payment-gateway.js';
import { requestPayment } from '../payments/request-payment.js';
import { PortalRefusal, type PortalClient } from '../portal-sync/portal-client.js';
import type { ServiceTaskRequest } from './service-task-request.js';


export type ServiceTaskActivity = (request: ServiceTaskRequest) => Promise<Variables>;

/** The outside services the service tasks reach; `npm start` and the tests build them from configuration. */
export interface ServiceTaskServices {
  portal: PortalClient;
  documents: DocumentIssuer;
  payments: PaymentGateway;
  http: HttpCallPolicy;
}

/** A key made of the workflow run and the activity's id: the same call, retried, carries the same key. */
export function activityKey(): string {
  const { workflowExecution, activityId } = Context.current().info;
  return `${workflowExecution?.workflowId}#${workflowExecution?.runId}#${activityId}`;
}

/** An input the model must give, with a clear, non-retryable error when it does not. */
export function requiredText(request: ServiceTaskRequest, key: string): string {
  const value = request.input[key];
  if (typeof value !== 'string' || value.trim() === '') {
    throw ApplicationFailure.nonRetryable(`service task ${request.elementId}: input "${key}" is required (a text)`, 'invalid-service-input');
  }
  return value;
}

function optionalText(request: ServiceTaskRequest, key: string): string | undefined {
  const value = request.input[key];
  return value === undefined || value === null ? undefined : requiredText(request, key);
}

/**
 * One Temporal activity per type of the catalogue (engine/service-tasks/catalogue.ts), registered
 * under the type's name. Each is safe to run twice: its effects carry `activityKey()`.
 */
export function createServiceTaskActivities(store: Store, services: ServiceTaskServices): Record<ServiceTaskTypeName, ServiceTaskActivity> {
  return {
    /** Queues the message in the notification outbox; delivery (activities/notifications/) sends it. */
    async 'gui-thong-bao'(request) {
      const message = requiredText(request, 'message');
      const channel = optionalText(request, 'channel') ?? 'email';
      if (!(notificationChannels as readonly string[]).includes(channel)) {
        throw ApplicationFailure.nonRetryable(`service task ${request.elementId}: channel "${channel}" is not one of ${notificationChannels.join(', ')}`, 'invalid-service-input');
      }
      const to = optionalText(request, 'to');
      await store.notifications.updateOne(
        { _id: activityKey() },
        {
          $setOnInsert: {
            dossierId: request.dossierId,
            kind: 'service-notification',
            at: new Date(),
            recipients: { userIds: [], roles: [], units: [], citizen: to === undefined },
            data: { message, subject: optionalText(request, 'subject') ?? null, channel, ...(to ? { to } : {}), elementId: request.elementId },
          },
        },
        { upsert: true },
      );
      return {};
    },

    /** Sends data or the electronic result to the portal (statuses go by themselves, see portal-sync/). */
    async 'dong-bo-cong-dvc'(request) {
      const kind = optionalText(request, 'kind') ?? 'du-lieu';
      try {
        const receipt = await services.portal.sendRecord({ idempotencyKey: activityKey(), dossierCode: request.dossierId, kind, data: request.input.data ?? {} });
        return { [`${request.elementId}_congDvc`]: receipt };
      } catch (error) {
        if (error instanceof PortalRefusal) throw ApplicationFailure.nonRetryable(error.message, 'portal-refused');
        throw error;
      }
    },

    /** Generates, signs and stores a form or the result document. */
    async 'tao-van-ban'(request) {
      const form = requiredText(request, 'form');
      if (!(documentForms as readonly string[]).includes(form)) {
        throw ApplicationFailure.nonRetryable(`service task ${request.elementId}: form "${form}" is not one of ${documentForms.join(', ')}`, 'invalid-service-input');
      }
      const document = await services.documents.issue({
        dossierId: request.dossierId,
        form: form as DocumentForm,
        sourceId: activityKey(),
        details: { title: request.input.title ?? null, body: request.input.body ?? null },
      });
      return { [`${request.elementId}_vanBan`]: { id: document.id, filename: document.filename } };
    },

    /** Opens a payment at the gateway; the interpreter then waits for the gateway's report. */
    async 'thu-phi'(request) {
      return requestPayment(store, services.payments, request, activityKey());
    },

    /** Calls an allow-listed URL; refuses anything else. */
    async 'goi-http'(request) {
      return callHttp(services.http, request, activityKey(), Context.current().info.attempt);
    },
  };
}
