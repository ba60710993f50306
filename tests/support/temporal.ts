import { randomUUID } from 'node:crypto';
import { Client, Connection, type ClientInterceptors } from '@temporalio/client';
import type { DataConverter } from '@temporalio/common';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { NativeConnection } from '@temporalio/worker';
import { inject } from 'vitest';
import { temporalConnectionOptions } from '../../api/temporal/temporal-connection.js';
import { loadTemporalSettings } from '../../scripts/runtime/config.js';
import { prepareTemporal } from '../../scripts/runtime/temporal-setup.js';

/** A task queue no other test polls. */
export function uniqueTaskQueue(prefix = 'test'): string {
  return `${prefix}-${randomUUID()}`;
}

/**
 * Client and worker connections to the run's Temporal dev server, in the namespace MotCua's runtime
 * prepared or, with `ownNamespace`, in a namespace of its own with MotCua's search attributes: test
 * files that derive workflow ids from their data (dossier codes) then never meet each other's.
 * `dataConverter`: the client's (MotCua's encrypting one, for dossiers); `interceptors`: the client's (tracing);
 * `address`: another dev server than the run's. The client connects as the API's does.
 */
export async function connectDevServer(options: { ownNamespace?: boolean; dataConverter?: DataConverter; interceptors?: ClientInterceptors; address?: string } = {}): Promise<{
  client: Client;
  workerConnection: NativeConnection;
  namespace: string;
  close(): Promise<void>;
}> {
  const address = options.address ?? inject('temporalAddress');
  const connection = await Connection.connect(temporalConnectionOptions(address));
  let namespace = inject('temporalNamespace');
  if (options.ownNamespace) {
    namespace = `motcua-test-${randomUUID().slice(0, 8)}`;
    await prepareTemporal(connection, { ...(await loadTemporalSettings()), namespace, retentionDays: 1 });
  }
  const workerConnection = await NativeConnection.connect({ address });
  return {
    client: new Client({ connection, namespace, dataConverter: options.dataConverter, interceptors: options.interceptors }),
    workerConnection,
    namespace,
    async close() {
      await workerConnection.close();
      await connection.close();
    },
  };
}

export interface TimeSkippingEnvironment {
  environment: TestWorkflowEnvironment;
  teardown(): Promise<void>;
}

/**
 * The Java time-skipping test server, provisioned by `npm test`, for one test file: started by the
 * SDK (`createTimeSkipping`) through MotCua's wrapper as an `existing-path` executable. With
 * `startAt` (ISO-8601) its clock starts at that instant, so a deadline test can receive a dossier on a
 * date already past (12 February 2026, before Tết, say) and check the instants the calendar gives.
 */
export async function createTimeSkippingEnvironment(options: { startAt?: string } = {}): Promise<TimeSkippingEnvironment> {
  const environment = await TestWorkflowEnvironment.createTimeSkipping({
    server: {
      executable: { type: 'existing-path', path: inject('testServerPath') },
      extraArgs: options.startAt === undefined ? [] : [`--start-at=${options.startAt}`],
    },
  });
  return { environment, teardown: () => environment.teardown() };
}
