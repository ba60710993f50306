import { auditRoutes } from './audit/audit-routes.js';
import { authRoutes } from './auth/auth-routes.js';
import { calendarRoutes } from './calendars/calendar-routes.js';
import { commentRoutes } from './comments/comment-routes.js';
import type { ApiContext } from './context.js';
import { documentRoutes } from './documents/document-routes.js';
import { importMappingRoutes } from './import-mappings/import-mapping-routes.js';
import { dossierRoutes } from './dossiers/dossier-routes.js';
import type { RouteDefinition } from './http/route.js';
import { monitoringRoutes } from './monitoring/monitoring-routes.js';
import { reportRoutes } from './reports/report-routes.js';
import { staffRoutes } from './org/staff-routes.js';
import { orgRoutes } from './org/org-routes.js';
import { outboxRoutes } from './outbox/outbox-routes.js';
import { paymentRoutes } from './payments/payment-routes.js';
import { catalogueRoutes } from './procedures/catalogue-routes.js';
import { procedureRoutes } from './procedures/procedure-routes.js';
import { taskRoutes } from './tasks/task-routes.js';
import { codecRoutes } from './temporal/codec-routes.js';
import { publicTrackingRoutes } from './tracking/public-tracking-routes.js';

/** Every route of the API, in one list: what is mounted is what the OpenAPI document describes. */
export function apiRoutes(context: ApiContext): RouteDefinition[] {
  return [
    ...authRoutes(context),
    ...orgRoutes(context),
    ...staffRoutes(context),
    ...procedureRoutes(context),
    ...catalogueRoutes(context),
    ...importMappingRoutes(context),
    ...dossierRoutes(context),
    ...commentRoutes(context),
    ...taskRoutes(context),
    ...monitoringRoutes(context),
    ...reportRoutes(context),
    ...calendarRoutes(context),
    ...auditRoutes(context),
    ...documentRoutes(context),
    ...outboxRoutes(context),
    ...paymentRoutes(context),
    ...codecRoutes(context),
    ...publicTrackingRoutes(context),
  ];
}
