import type { Model } from 'mongoose';
import { auditEntryId } from '../../store/audit/audit-event-model.js';
import type { Store } from '../../store/store.js';
import { guardedWrite } from '../../store/projection/guarded-write.js';
import type { ProjectionWrite } from './projection-write.js';
import { isDuplicateKey } from '../../store/duplicate-key.js';
import { taskChangeAnnouncer } from '../../store/tasks/task-change-model.js';

function toDate(instant: number | undefined): Date | undefined {
  return instant === undefined ? undefined : new Date(instant);
}

/** Inserts documents whose ids are deterministic; those a previous attempt already wrote are skipped. */
async function insertOnce<T>(model: Model<T>, documents: T[]): Promise<void> {
  if (documents.length === 0) return;
  try {
    await model.insertMany(documents, { ordered: false });
  } catch (error) {
    const writeErrors = (error as { writeErrors?: Array<{ code?: number; err?: { code?: number } }> }).writeErrors;
    const onlyDuplicates =
      writeErrors !== undefined && writeErrors.every((failure) => isDuplicateKey(failure) || isDuplicateKey(failure.err));
    if (!onlyDuplicates && !isDuplicateKey(error)) throw error;
  }
}

/** The activity that keeps the store in step with a dossier's workflow: safe to run twice, or late. */
export function createProjectionActivities(store: Store) {
  const announceTaskChanges = taskChangeAnnouncer(store);
  return {
    async projectDossier(write: ProjectionWrite): Promise<void> {
      const { dossier } = write;
      await Promise.all([
        dossier &&
          guardedWrite(store.dossiers, write.dossierId, write.sequence, {
            ...dossier,
            receivedAt: new Date(dossier.receivedAt),
            dueAt: toDate(dossier.dueAt),
            processedAt: toDate(dossier.processedAt),
            finishedAt: toDate(dossier.finishedAt),
            updatedAt: new Date(),
          } as never),
        ...write.tasks.map(({ taskId, ...task }) =>
          guardedWrite(store.tasks, taskId, write.sequence, {
            ...task,
            dossierId: write.dossierId,
            procedureCode: write.procedureCode,
            createdAt: new Date(task.createdAt),
            dueAt: toDate(task.dueAt),
            dueSoonAt: toDate(task.dueSoonAt),
            claimedAt: toDate(task.claimedAt),
            completedAt: toDate(task.completedAt),
            forwarded: task.forwarded && { ...task.forwarded, at: new Date(task.forwarded.at) },
          } as never),
        ),
        insertOnce(
          store.auditEvents,
          write.audit.map((entry) => ({
            ...entry,
            _id: auditEntryId(entry.stream, entry.sequence),
            at: new Date(entry.at),
          })),
        ),
      ]);
      // Announced after the writes, so a worklist following the announcements finds them there; even
      // when they were stale, since a retry whose first attempt stopped before announcing finds them so.
      // Notifications last: whoever delivers one finds the dossier and its tasks already written.
      await Promise.all([
        write.tasks.length > 0 && announceTaskChanges({ dossierId: write.dossierId, taskIds: write.tasks.map((task) => task.taskId) }),
        insertOnce(
          store.notifications,
          write.notifications.map(({ id, at, ...notification }) => ({
            ...notification,
            _id: id,
            dossierId: write.dossierId,
            at: new Date(at),
          })),
        ),
      ]);
    },
  };
}
