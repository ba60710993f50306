import { fileURLToPath } from 'node:url';
import { Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTimeSkippingEnvironment, uniqueTaskQueue, type TimeSkippingEnvironment } from '../../support/temporal.js';
import * as activities from './fixtures/smoke-activities.js';
import { longTimerWorkflow } from './fixtures/smoke-workflows.js';

const dayMs = 24 * 3600 * 1000;

describe('time-skipping test server', () => {
  let server: TimeSkippingEnvironment;

  beforeAll(async () => {
    server = await createTimeSkippingEnvironment();
  });
  afterAll(() => server?.teardown());

  it('completes a 30-day timer without waiting 30 days', async () => {
    const { environment } = server;
    const taskQueue = uniqueTaskQueue('timer');
    const worker = await Worker.create({
      connection: environment.nativeConnection,
      taskQueue,
      workflowsPath: fileURLToPath(new URL('./fixtures/smoke-workflows.ts', import.meta.url)),
      activities,
    });
    const elapsedWorkflowTime = await worker.runUntil(
      environment.client.workflow.execute(longTimerWorkflow, { taskQueue, workflowId: taskQueue, args: [30] }),
    );
    // Had the server not skipped time, the test would time out long before 30 days.
    expect(elapsedWorkflowTime).toBeGreaterThanOrEqual(30 * dayMs);
  });

  it('starts its clock at a chosen past instant when asked, for deadline tests of past dates', async () => {
    const past = await createTimeSkippingEnvironment({ startAt: '2026-02-12T08:30:00Z' });
    try {
      const taskQueue = uniqueTaskQueue('past');
      const worker = await Worker.create({
        connection: past.environment.nativeConnection,
        taskQueue,
        workflowsPath: fileURLToPath(new URL('./fixtures/smoke-workflows.ts', import.meta.url)),
        activities,
      });
      await worker.runUntil(past.environment.client.workflow.execute(longTimerWorkflow, { taskQueue, workflowId: taskQueue, args: [1] }));
      const history = await past.environment.client.workflow.getHandle(taskQueue).fetchHistory();
      const startedAt = Number(history.events![0]!.eventTime!.seconds) * 1000;
      // Started within minutes of the faked instant, not in the present.
      expect(startedAt).toBeGreaterThanOrEqual(Date.parse('2026-02-12T08:30:00Z'));
      expect(startedAt).toBeLessThan(Date.parse('2026-02-12T09:30:00Z'));
    } finally {
      await past.teardown();
    }
  });
});
