import { WorkflowUpdateFailedError } from '@temporalio/client';
import type { ApiMetrics } from './api-metrics.js';

/** Times a completeTask Update from the API's call to the workflow's answer. */
export async function timedCompletion<T>(metrics: ApiMetrics, update: () => Promise<T>): Promise<T> {
  const stop = metrics.taskCompletionDuration.startTimer();
  try {
    const answer = await update();
    stop({ result: 'answered' });
    return answer;
  } catch (error) {
    stop({ result: error instanceof WorkflowUpdateFailedError ? 'refused' : 'failed' });
    throw error;
  }
}
