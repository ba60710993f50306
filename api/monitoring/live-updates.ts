import type { Logger } from 'pino';
import { LiveWorklist } from '../tasks/live-worklist.js';
import { EventHub } from './event-hub.js';

/**
 * An API process's live state, kept coherent with every other process through the store: the
 * worklist follows the task-change announcements whoever wrote them, and relays each task they
 * bring to this process's event streams, so a claim made through one API process reaches the
 * officers streaming from another.
 */
export function createLiveUpdates(store: ConstructorParameters<typeof LiveWorklist>[0], logger: Logger): { events: EventHub; worklist: LiveWorklist } {
  const events = new EventHub();
  const worklist = new LiveWorklist(store, logger, (task) =>
    events.publish({ kind: 'task', id: task._id, dossierId: task.dossierId, agencyId: task.agencyId, change: `task:${task.status}`, at: new Date().toISOString() }),
  );
  return { events, worklist };
}

