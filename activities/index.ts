import { ApplicationFailure } from '@temporalio/common';
import type { CalendarData } from '../engine/calendar/index.js';
import type { Store } from '../store/store.js';
import type { DocumentIssuer } from './documents/document-issuer.js';
import type { HttpCallPolicy } from './http-call/http-call.js';
import { queueReceiptNotification } from './notifications/receipt-notification.js';
import type { PaymentGateway } from './payments/payment-gateway.js';
import { refundOnRefusal } from './payments/refund-on-refusal.js';
import type { PortalClient } from './portal-sync/portal-client.js';
import type { PortalSync } from './portal-sync/portal-sync.js';
import { createProcedureActivities } from './procedures/procedure-activities.js';
import { createProjectionActivities } from './projection/project-dossier.js';
import { createReportActivities } from './reports/monthly-reports.js';
import type { ProjectionWrite } from './projection/projection-write.js';
import { createServiceTaskActivities, type ServiceTaskServices } from './service-tasks/service-task-activities.js';

/** What the activities reach outside the store; each part left out refuses clearly when a service task needs it. */
export interface ActivityServices extends ServiceTaskServices {
  /** Queues every dossier state for the national portal (activities/portal-sync/). */
  portalSync?: PortalSync;
  /** Called after each projection write: delivery loops in this process look at their outboxes at once. */
  afterProjection?: () => void;
  /** The calendars as shipped (scripts/calendar/), under those published through the API: the monthly reports find the first working day in them. */
  loadCalendar?: (id: string) => Promise<CalendarData>;
}

function notConfigured(what: string, setting: string): never {
  throw ApplicationFailure.nonRetryable(`${what} is not configured (${setting})`, 'service-not-configured');
}

const unconfigured: ServiceTaskServices = {
  portal: {
    sendStatus: () => notConfigured('the national portal', 'MOTCUA_PORTAL_URL'),
    sendRecord: () => notConfigured('the national portal', 'MOTCUA_PORTAL_URL'),
  } satisfies PortalClient,
  documents: { issue: () => notConfigured('document signing', 'MOTCUA_SIGNING_P12') } satisfies DocumentIssuer,
  payments: {
    createPayment: () => notConfigured('the payment gateway', 'MOTCUA_PAYMENT_GATEWAY_URL'),
    refundPayment: () => notConfigured('the payment gateway', 'MOTCUA_PAYMENT_GATEWAY_URL'),
  } satisfies PaymentGateway,
  http: { allow: [], allowPrivate: [], defaultTimeoutMs: 5_000, maxTimeoutMs: 30_000, maxResponseBytes: 1_048_576 } satisfies HttpCallPolicy,
};

/** Every activity the dossier worker registers, bound to the store and the outside services. */
export function createActivities(store: Store, services: Partial<ActivityServices> = {}) {
  const projection = createProjectionActivities(store);
  const payments = services.payments ?? unconfigured.payments;
  return {
    ...projection,
    async projectDossier(write: ProjectionWrite): Promise<void> {
      await projection.projectDossier(write);
      await queueReceiptNotification(store, write);
      await refundOnRefusal(store, payments, write);
      await services.portalSync?.enqueue(write);
      services.afterProjection?.();
    },
    ...createProcedureActivities(store),
    ...createServiceTaskActivities(store, { ...unconfigured, ...services }),
    ...createReportActivities(store, services.loadCalendar ?? (() => notConfigured('the shipped calendars', 'ActivityServices.loadCalendar'))),
  };
}
