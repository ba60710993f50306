import { fileURLToPath } from 'node:url';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTimeSkippingEnvironment, uniqueTaskQueue } from '../../support/temporal.js';
import * as activities from './fixtures/smoke-activities.js';
import { longTimerWorkflow } from './fixtures/smoke-workflows.js';

const dayMs = 24 * 3600 * 1000;

describe('time-skipping test server', () => {
  let environment: TestWorkflowEnvironment;

  beforeAll(async () => {
    environment = await createTimeSkippingEnvironment();
  });
  afterAll(() => environment?.teardown());

  it('completes a 30-day timer without waiting 30 days', async () => {
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
});
