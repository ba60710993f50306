import { ScheduleAlreadyRunning, ScheduleOverlapPolicy, type Client } from '@temporalio/client';
import { monthlyReportsWorkflowType } from '../../workflows/contract.js';

export const monthlyReportScheduleId = 'motcua-monthly-reports';

/**
 * The Temporal Schedule of the monthly reports: at 07:00 Vietnam time on each of the first fifteen
 * days of a month (a Tết holiday can push the first working day to the 10th); the workflow acts
 * only on the first working day. Created once; every API process asks, the first one wins.
 */
export async function ensureMonthlyReportSchedule(client: Client, taskQueue: string, scheduleId = monthlyReportScheduleId): Promise<'created' | 'present'> {
  try {
    await client.schedule.create({
      scheduleId,
      spec: { calendars: [{ dayOfMonth: { start: 1, end: 15 }, hour: 7 }], timezone: 'Asia/Ho_Chi_Minh' },
      action: { type: 'startWorkflow', workflowType: monthlyReportsWorkflowType, workflowId: scheduleId, taskQueue },
      policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '7 days' },
    });
    return 'created';
  } catch (error) {
    if (error instanceof ScheduleAlreadyRunning) return 'present';
    throw error;
  }
}
