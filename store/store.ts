import type { Connection } from 'mongoose';
import { auditEventModel } from './audit/audit-event-model.js';
import { calendarVersionModel } from './calendars/calendar-models.js';
import { claimsModel } from './claims/claims.js';
import { counterModel } from './counters/counter-model.js';
import { dossierModel } from './dossiers/dossier-model.js';
import { importMappingModel } from './import-mappings/import-mapping-model.js';
import { notificationModel } from './notifications/notification-model.js';
import { agencyModel } from './organisation/organisation-models.js';
import { portalDossierStateModel, portalStatusModel } from './portal-sync/portal-sync-models.js';
import { documentModel } from './documents/document-model.js';
import { devMailModel } from './dev-mailbox/dev-mail-model.js';
import { paymentModel } from './payments/payment-model.js';
import { planModel, procedureModel, procedureVersionModel } from './procedures/procedure-models.js';
import { reportModel } from './reports/report-model.js';
import { snapshotModel } from './snapshots/snapshot-model.js';
import { taskChangeModel } from './tasks/task-change-model.js';
import { taskModel } from './tasks/task-model.js';

/** MotCua's collections on one connection. */
export function createStore(connection: Connection) {
  const models = {
    procedures: procedureModel(connection),
    procedureVersions: procedureVersionModel(connection),
    plans: planModel(connection),
    dossiers: dossierModel(connection),
    tasks: taskModel(connection),
    taskChanges: taskChangeModel(connection),
    counters: counterModel(connection),
    auditEvents: auditEventModel(connection),
    notifications: notificationModel(connection),
    portalStatuses: portalStatusModel(connection),
    portalDossierStates: portalDossierStateModel(connection),
    devMailbox: devMailModel(connection),
    documents: documentModel(connection),
    payments: paymentModel(connection),
    outboxClaims: claimsModel(connection, 'OutboxClaim', 'outboxClaims'),
    snapshots: snapshotModel(connection),
    snapshotClaims: claimsModel(connection, 'SnapshotClaim', 'snapshotClaims'),
    reports: reportModel(connection),
    importMappings: importMappingModel(connection),
    /** The agencies and the published calendars: the monthly reports' worker reads them too. */
    agencies: agencyModel(connection),
    calendarVersions: calendarVersionModel(connection),
  };
  return {
    ...models,
    /** Creates the collections' indexes (idempotent); call once at start. */
    async ensureIndexes(): Promise<void> {
      await Promise.all(Object.values(models).map((model) => (model as { init(): Promise<unknown> }).init()));
    },
  };
}

export type Store = ReturnType<typeof createStore>;
