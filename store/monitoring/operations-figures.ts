import { deliveryStateFilter } from '../notifications/delivery-state.js';
import { portalSyncMetrics, type PortalSyncMetrics } from '../portal-sync/portal-sync-metrics.js';
import type { Store } from '../store.js';
import { overdueDossierFilter, overdueTaskFilter } from './overdue-work.js';

export interface AgencyCount {
  agencyId: string;
  count: number;
}

/** What an operator watches across all agencies, read from the store in one pass (the Prometheus gauges). */
export interface OperationsFigures {
  dossiers: Array<AgencyCount & { status: string }>;
  overdueDossiers: AgencyCount[];
  overdueTasks: AgencyCount[];
  notifications: { pending: number; failing: number; oldestUndeliveredMs: number };
  portalSync: PortalSyncMetrics;
}

type FiguresStore = Pick<Store, 'dossiers' | 'tasks' | 'notifications' | 'portalStatuses'>;

async function countByAgency(model: FiguresStore['dossiers'] | FiguresStore['tasks'], filter: Record<string, unknown>): Promise<AgencyCount[]> {
  const groups = await model.aggregate<{ _id: string; count: number }>([{ $match: filter }, { $group: { _id: '$agencyId', count: { $sum: 1 } } }]);
  return groups.map((group) => ({ agencyId: group._id, count: group.count }));
}

export async function operationsFigures(store: FiguresStore): Promise<OperationsFigures> {
  const [dossiers, overdueDossiers, overdueTasks, pending, failing, oldest, portalSync] = await Promise.all([
    store.dossiers.aggregate<{ _id: { agencyId: string; status: string }; count: number }>([{ $group: { _id: { agencyId: '$agencyId', status: '$status' }, count: { $sum: 1 } } }]),
    countByAgency(store.dossiers, overdueDossierFilter),
    countByAgency(store.tasks, overdueTaskFilter),
    store.notifications.countDocuments(deliveryStateFilter('pending')),
    store.notifications.countDocuments(deliveryStateFilter('failing')),
    store.notifications.findOne({ deliveredAt: { $exists: false } }, { at: 1 }).sort({ at: 1 }).lean(),
    portalSyncMetrics(store),
  ]);
  return {
    dossiers: dossiers.map((group) => ({ agencyId: group._id.agencyId, status: group._id.status, count: group.count })),
    overdueDossiers,
    overdueTasks,
    notifications: { pending, failing, oldestUndeliveredMs: oldest ? Date.now() - oldest.at.getTime() : 0 },
    portalSync,
  };
}
