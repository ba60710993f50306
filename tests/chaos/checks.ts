/**
 * The end-of-run checks: the ledger (what users were told) against the store, the workflows (query
 * and describe), the audit chains (GET /api/audit/verify), what the portal simulator accepted and
 * what the mail sink received. Each figure counts dossiers, tasks, statuses or notices, never the
 * system's own tallies.
 */
import { defaultPortalMappingVersion, portalMapping } from '../../activities/portal-sync/portal-mapping.js';
import { finalDossierStatuses } from '../../engine/dossier/dossier-status.js';
import { stateQuery, type DossierState } from '../../workflows/contract.js';
import type { ChaosStack } from './embedded-stack.js';
import type { DossierEntry, Ledger } from './ledger.js';
import { mapLimited } from './pool.js';
import type { SimulatedUser } from './users.js';

export interface ChaosFigures {
  dossiers: { planned: number; started: number; finished: number; stuck: number; duplicated: number; driverFailures: number };
  tasks: { created: number; completed: number; duplicated: number; lost: number };
  storeWorkflowMismatches: number;
  audit: { chains: number; broken: number };
  portal: { statuses: number; lost: number; duplicated: number; outOfOrder: number };
  notices: { sent: number; lost: number; sentTwice: number };
  withdrawals: number;
  supplements: number;
  calendarCorrections: number;
  /** A few lines naming what went wrong, for the report. */
  examples: string[];
}

/** The figures whose every unit is something lost, duplicated or inconsistent: the run fails unless all are 0. */
export function lossFigures(figures: ChaosFigures): Record<string, number> {
  return {
    'dossiers stuck': figures.dossiers.stuck,
    'dossiers duplicated': figures.dossiers.duplicated,
    'driver failures': figures.dossiers.driverFailures,
    'tasks duplicated': figures.tasks.duplicated,
    'tasks lost': figures.tasks.lost,
    'store vs workflow mismatches': figures.storeWorkflowMismatches,
    'audit chains broken': figures.audit.broken,
    'portal statuses lost': figures.portal.lost,
    'portal statuses duplicated': figures.portal.duplicated,
    'portal statuses out of order': figures.portal.outOfOrder,
    'notices lost': figures.notices.lost,
    'notices sent twice': figures.notices.sentTwice,
  };
}

const applicantPrefix = 'Công dân ';
const messageIdOf = (notificationId: string) => `<${notificationId.replace(/[^\w.-]/g, '.')}@motcua>`;

export async function checkAgainstLedger(ledger: Ledger, stack: ChaosStack, auditor: SimulatedUser, planned: number): Promise<ChaosFigures> {
  const { store, client } = stack;
  const examples: string[] = [];
  const note = (line: string) => {
    if (examples.length < 12) examples.push(line);
  };
  const submitted = ledger.submitted();
  const codes = submitted.map((entry) => entry.code);

  // Dossiers: one per acknowledged submission, none for a retried one.
  const stored = await store.dossiers.find({}, { _id: 1, status: 1, applicant: 1 }).lean();
  const byKey = new Map<string, string[]>();
  for (const dossier of stored) {
    const key = dossier.applicant.name.startsWith(applicantPrefix) ? dossier.applicant.name.slice(applicantPrefix.length) : dossier.applicant.name;
    byKey.set(key, [...(byKey.get(key) ?? []), dossier._id]);
  }
  let duplicatedDossiers = 0;
  for (const entry of ledger.dossiers) {
    const found = byKey.get(entry.submissionKey) ?? [];
    if (found.length > 1) {
      duplicatedDossiers += found.length - 1;
      note(`submission ${entry.submissionKey} made ${found.length} dossiers: ${found.join(', ')}`);
    }
  }
  const storedStatus = new Map(stored.map((dossier) => [dossier._id, dossier.status]));

  const tasks = await store.tasks.find({ dossierId: { $in: codes } }, { _id: 1, dossierId: 1, status: 1 }).lean();
  const tasksOf = new Map<string, typeof tasks>();
  for (const task of tasks) tasksOf.set(task.dossierId, [...(tasksOf.get(task.dossierId) ?? []), task]);

  let finished = 0;
  let stuck = 0;
  let mismatches = 0;
  let lostTasks = 0;
  let duplicatedTasks = 0;
  let brokenChains = 0;
  const perDossier = async (entry: DossierEntry & { code: string }) => {
    const { code } = entry;
    const handle = client.workflow.getHandle(code);
    const description = await handle.describe().catch(() => undefined);
    const status = storedStatus.get(code);
    const closed = description?.status.name === 'COMPLETED';
    if (closed && status && finalDossierStatuses.includes(status)) finished += 1;
    else {
      stuck += 1;
      note(`${code} (${entry.scenario}) stuck: store ${status ?? 'missing'}, workflow ${description?.status.name ?? 'missing'}${entry.failure ? `, driver: ${entry.failure}` : ''}`);
    }
    const state: DossierState | undefined = description ? await handle.query(stateQuery).catch(() => undefined) : undefined;
    const storeTasks = tasksOf.get(code) ?? [];
    const workflowTasks = new Map((state?.tasks ?? []).filter((task) => task.kind === 'step').map((task) => [task.taskId, task.status]));
    const differs = !state || state.status !== status || storeTasks.some((task) => workflowTasks.get(task._id) !== task.status) || workflowTasks.size !== storeTasks.length;
    if (differs) {
      mismatches += 1;
      note(`${code}: store ${status}/${storeTasks.map((task) => `${task._id}=${task.status}`).join(',')} vs workflow ${state?.status}/${[...workflowTasks].map(([id, taskStatus]) => `${id}=${taskStatus}`).join(',')}`);
    }
    for (const taskId of entry.completedTasks) {
      const task = storeTasks.find((candidate) => candidate._id === taskId);
      if (task?.status !== 'completed' || workflowTasks.get(taskId) !== 'completed') {
        lostTasks += 1;
        note(`completion of ${taskId} acknowledged, now store ${task?.status ?? 'missing'}, workflow ${workflowTasks.get(taskId) ?? 'missing'}`);
      }
    }
    // Every task is one the drivers completed, or the appraisal a withdrawal cancelled.
    const expected = new Set([...entry.completedTasks, ...(entry.scenario === 'withdrawn' ? [`${code}/Task_ThamDinh/1`] : [])]);
    for (const task of storeTasks) {
      if (!expected.has(task._id) && entry.failure === undefined) {
        duplicatedTasks += 1;
        note(`unexpected task ${task._id} (${task.status})`);
      }
    }
    for (const stream of [`dossier:${code}`, `dossier:${code}/api`]) {
      const verdict = await auditor.call({ method: 'GET', path: `/api/audit/verify?stream=${encodeURIComponent(stream)}` });
      if (verdict.status !== 200 || verdict.body.intact !== true) {
        brokenChains += 1;
        note(`audit chain ${stream}: ${verdict.status} ${JSON.stringify(verdict.body)}`);
      }
    }
  };
  await mapLimited(submitted, 8, perDossier);

  // Portal: each dossier's statuses accepted in sequence order, once each, the last one its final status.
  const { statusCodes, fields } = portalMapping(defaultPortalMappingVersion);
  const statuses = stack.portal.accepted.filter((call) => call.path === '/statuses');
  const portalOf = new Map<string, Array<{ sequence: number; status: number }>>();
  for (const call of statuses) {
    const dossier = String(call.body[fields.dossierCode]);
    portalOf.set(dossier, [...(portalOf.get(dossier) ?? []), { sequence: Number(call.body[fields.sequence]), status: Number(call.body[fields.status]) }]);
  }
  let portalLost = 0;
  let portalDuplicated = 0;
  let portalOutOfOrder = 0;
  for (const code of codes) {
    const told = portalOf.get(code) ?? [];
    for (let index = 1; index < told.length; index++) {
      if (told[index]!.sequence <= told[index - 1]!.sequence) portalOutOfOrder += 1;
      if (told[index]!.status === told[index - 1]!.status) portalDuplicated += 1;
    }
    const status = storedStatus.get(code);
    if (status && told.at(-1)?.status !== statusCodes[status]) {
      portalLost += 1;
      note(`portal last heard ${told.at(-1)?.status ?? 'nothing'} for ${code}, now ${status} (${statusCodes[status]})`);
    }
  }

  // Notices: the receipt reached every applicant; each notice the outbox holds for a citizen arrived exactly once.
  const sunk = new Map<string, number>();
  for (const mail of stack.mail.accepted) sunk.set(mail.messageId, (sunk.get(mail.messageId) ?? 0) + 1);
  const mailedTo = new Set(stack.mail.accepted.flatMap((mail) => mail.to));
  let noticesLost = 0;
  for (const entry of submitted) {
    if (!mailedTo.has(entry.applicantEmail)) {
      noticesLost += 1;
      note(`no notice reached ${entry.applicantEmail} (${entry.code})`);
    }
  }
  const outbox = await store.notifications.find({ dossierId: { $in: codes } }, { _id: 1, deliveredAt: 1, deliveries: 1 }).lean();
  for (const notification of outbox) {
    const emailed = (notification.deliveries ?? []).some((delivery) => delivery.channel === 'email');
    if (!notification.deliveredAt || (emailed && !sunk.has(messageIdOf(notification._id)))) {
      noticesLost += 1;
      note(`notice ${notification._id} ${notification.deliveredAt ? 'recorded as sent, never received' : 'never sent'}`);
    }
  }
  const sentTwice = [...sunk.entries()].filter(([messageId, times]) => messageId !== '' && times > 1);
  for (const [messageId, times] of sentTwice.slice(0, 3)) note(`notice ${messageId} received ${times} times`);

  return {
    dossiers: { planned, started: submitted.length, finished, stuck, duplicated: duplicatedDossiers, driverFailures: ledger.dossiers.filter((entry) => entry.failure !== undefined).length },
    tasks: { created: tasks.length, completed: submitted.reduce((sum, entry) => sum + entry.completedTasks.length, 0), duplicated: duplicatedTasks, lost: lostTasks },
    storeWorkflowMismatches: mismatches,
    audit: { chains: submitted.length * 2, broken: brokenChains },
    portal: { statuses: statuses.length, lost: portalLost, duplicated: portalDuplicated, outOfOrder: portalOutOfOrder },
    notices: { sent: stack.mail.accepted.length, lost: noticesLost, sentTwice: sentTwice.length },
    withdrawals: submitted.reduce((sum, entry) => sum + entry.withdrawals, 0),
    supplements: submitted.reduce((sum, entry) => sum + entry.supplements, 0),
    calendarCorrections: ledger.calendarCorrections,
    examples,
  };
}
