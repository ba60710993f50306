import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { NativeConnection } from '@temporalio/worker';
import { inject } from 'vitest';

/** A task queue no other test polls. */
export function uniqueTaskQueue(prefix = 'test'): string {
  return `${prefix}-${randomUUID()}`;
}

/** Client and worker connections to the run's Temporal dev server. */
export async function connectDevServer(): Promise<{
  client: Client;
  workerConnection: NativeConnection;
  namespace: string;
  close(): Promise<void>;
}> {
  const address = inject('temporalAddress');
  const namespace = inject('temporalNamespace');
  const connection = await Connection.connect({ address });
  const workerConnection = await NativeConnection.connect({ address });
  return {
    client: new Client({ connection, namespace }),
    workerConnection,
    namespace,
    async close() {
      await workerConnection.close();
      await connection.close();
    },
  };
}

/** The Java time-skipping test server, provisioned by `npm test`, started for one test file. */
export function createTimeSkippingEnvironment(): Promise<TestWorkflowEnvironment> {
  return TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path: inject('testServerPath') } },
  });
}
