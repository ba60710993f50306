import { ScheduleOverlapPolicy } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureMonthlyReportSchedule } from '../../../api/temporal/report-schedule.js';
import { loadCalendar } from '../../../scripts/calendar/calendar-files.js';
import { compileProcedure, DossierHarness, sampleFile } from '../dossier-harness.js';

/**
 * The monthly-reports schedule on a real Temporal server (the time-skipping test server has no
 * schedules): a backfill over 1–4 August 2026 fires it as it would have fired on those mornings.
 * Only Monday 3 August is the first working day (the 1st and 2nd are a weekend), so only that run
 * produces July's reports.
 */
describe('monthly reports schedule', () => {
  let harness: DossierHarness;
  const scheduleId = `monthly-reports-test-${process.pid}-${Date.now()}`;

  beforeAll(async () => {
    harness = await DossierHarness.create({ devServer: true, services: () => ({ loadCalendar: async (id) => (await loadCalendar(id)).data }) });
    await harness.store.agencies.create({ _id: 'ubnd-xa', name: 'UBND xã (thử)', level: 'commune', code: '000.00.12.H56' });
    const { plan, planHash } = await compileProcedure(sampleFile('household-business-registration'));
    await harness.store.plans.create({ _id: planHash, plan, createdAt: new Date() });
    const july = (day: number) => new Date(`2026-07-${String(day).padStart(2, '0')}T09:00:00+07:00`);
    const dossier = { procedureCode: plan.procedure.code, procedureVersion: 1, planHash, calendarHash: 'c', agencyId: 'ubnd-xa', applicant: { name: 'A' }, sequence: 1, updatedAt: new Date() };
    await harness.store.dossiers.create([
      { ...dossier, _id: 'bc-1', channel: 'online', status: 'returned', receivedAt: july(1), finishedAt: july(10), dueAt: july(15), punctuality: 'early' },
      { ...dossier, _id: 'bc-2', channel: 'in-person', status: 'processing', receivedAt: july(20), dueAt: july(28), overdue: true },
    ]);
  }, 120_000);
  afterAll(async () => {
    await harness?.client.schedule.getHandle(scheduleId).delete().catch(() => undefined);
    await harness?.teardown();
  });

  it('is created once, and on the first working day of August keeps every agency’s report of July', async () => {
    expect(await ensureMonthlyReportSchedule(harness.client, harness.taskQueue, scheduleId)).toBe('created');
    expect(await ensureMonthlyReportSchedule(harness.client, harness.taskQueue, scheduleId)).toBe('present');
    const schedule = harness.client.schedule.getHandle(scheduleId);
    await schedule.backfill({ start: new Date('2026-08-01T00:00:00+07:00'), end: new Date('2026-08-05T00:00:00+07:00'), overlap: ScheduleOverlapPolicy.ALLOW_ALL });

    const results: string[][] = [];
    const deadline = Date.now() + 90_000;
    while (results.length < 4 && Date.now() < deadline) {
      results.length = 0;
      for await (const run of harness.client.workflow.list({ query: `TemporalScheduledById = "${scheduleId}"` })) {
        if (run.status.name === 'COMPLETED') results.push(await harness.client.workflow.getHandle(run.workflowId, run.runId).result());
      }
      if (results.length < 4) await new Promise((resolve) => setTimeout(resolve, 500));
    }
    expect(results.filter((ids) => ids.length > 0)).toEqual([[expect.stringMatching(/^ubnd-xa~2026-07~field~/)]]);
    expect(results).toHaveLength(4);

    const report = await harness.store.reports.findOne({ agencyId: 'ubnd-xa', 'period.key': '2026-07' }).lean();
    expect(report?.producedBy).toBe('schedule');
    expect(report?.total.figures).toMatchObject({ received: 2, receivedOnline: 1, receivedInPerson: 1, finished: 1, finishedEarly: 1, inProgress: 1, inProgressOverdue: 1 });
  }, 150_000);
});
