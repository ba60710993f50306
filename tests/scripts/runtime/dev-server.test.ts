import { fileURLToPath } from 'node:url';
import { Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectDevServer, uniqueTaskQueue } from '../../support/temporal.js';
import * as activities from './fixtures/smoke-activities.js';
import { greetingWorkflow } from './fixtures/smoke-workflows.js';

describe('Temporal dev server', () => {
  let temporal: Awaited<ReturnType<typeof connectDevServer>>;

  beforeAll(async () => {
    temporal = await connectDevServer();
  });
  afterAll(() => temporal.close());

  it('runs a workflow to completion on a worker, through an activity', async () => {
    const taskQueue = uniqueTaskQueue('smoke');
    const worker = await Worker.create({
      connection: temporal.workerConnection,
      namespace: temporal.namespace,
      taskQueue,
      workflowsPath: fileURLToPath(new URL('./fixtures/smoke-workflows.ts', import.meta.url)),
      activities,
    });
    const result = await worker.runUntil(
      temporal.client.workflow.execute(greetingWorkflow, { taskQueue, workflowId: taskQueue, args: ['Lan'] }),
    );
    expect(result).toBe('Xin chào, Lan');

    const description = await temporal.client.workflow.getHandle(taskQueue).describe();
    expect(description.status.name).toBe('COMPLETED');
  });

  it('has MotCua’s search attributes registered in its namespace', async () => {
    const { customAttributes } = await temporal.client.connection.operatorService.listSearchAttributes({
      namespace: temporal.namespace,
    });
    expect(Object.keys(customAttributes)).toEqual(
      expect.arrayContaining(['DossierCode', 'ProcedureCode', 'AgencyId', 'DossierStatus', 'DueAt', 'Overdue']),
    );
  });
});
