import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';
import { proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { ReportActivities } from '../../activities/reports/monthly-reports.js';

/** The instant a schedule meant this run for (a backfill's past instant too), set by the Temporal server. */
const scheduledStartTime = defineSearchAttributeKey('TemporalScheduledStartTime', SearchAttributeType.DATETIME);

const { produceMonthlyReports } = proxyActivities<ReportActivities>({ startToCloseTimeout: '10 minutes', retry: { maximumInterval: '5 minutes' } });

/** One firing of the monthly-reports schedule: on the first working day of a month, every agency's report of the month before. */
export async function monthlyReportsWorkflow(): Promise<string[]> {
  const scheduled = workflowInfo().typedSearchAttributes.get(scheduledStartTime);
  return produceMonthlyReports((scheduled ?? new Date()).getTime());
}
