import { setTimeout as sleep } from 'node:timers/promises';
import type { Connection } from '@temporalio/client';
import { msToTs } from '@temporalio/common/lib/time.js';
import proto from '@temporalio/proto';
import type { TemporalSettings } from './config.js';

// @temporalio/proto is CommonJS: its namespaces come through the default export under ESM.
const { temporal } = proto;
const IndexedValueType = temporal.api.enums.v1.IndexedValueType;
type IndexedValueType = proto.temporal.api.enums.v1.IndexedValueType;

const indexedValueTypes: Record<TemporalSettings['searchAttributes'][string], IndexedValueType> = {
  Keyword: IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD,
  Text: IndexedValueType.INDEXED_VALUE_TYPE_TEXT,
  Int: IndexedValueType.INDEXED_VALUE_TYPE_INT,
  Double: IndexedValueType.INDEXED_VALUE_TYPE_DOUBLE,
  Bool: IndexedValueType.INDEXED_VALUE_TYPE_BOOL,
  Datetime: IndexedValueType.INDEXED_VALUE_TYPE_DATETIME,
  KeywordList: IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD_LIST,
};

// gRPC status codes (https://grpc.github.io/grpc/core/md_doc_statuscodes.html).
const GrpcStatus = { NOT_FOUND: 5, ALREADY_EXISTS: 6 } as const;

function grpcCode(error: unknown): number | undefined {
  return (error as { code?: number }).code;
}

/** Registers the namespace if it does not exist and waits until the cluster serves it. */
async function ensureNamespace(connection: Connection, namespace: string, retentionDays: number): Promise<void> {
  try {
    await connection.workflowService.describeNamespace({ namespace });
    return;
  } catch (error) {
    if (grpcCode(error) !== GrpcStatus.NOT_FOUND) throw error;
  }
  try {
    await connection.workflowService.registerNamespace({
      namespace,
      workflowExecutionRetentionPeriod: msToTs(`${retentionDays} days`),
    });
  } catch (error) {
    // Another MotCua process registered it first.
    if (grpcCode(error) !== GrpcStatus.ALREADY_EXISTS) throw error;
  }
  // A new namespace reaches every frontend's cache a little later.
  for (let attempt = 0; attempt < 100; attempt++) {
    try {
      await connection.workflowService.listOpenWorkflowExecutions({ namespace, maximumPageSize: 1 });
      return;
    } catch (error) {
      if (grpcCode(error) !== GrpcStatus.NOT_FOUND) throw error;
      await sleep(200);
    }
  }
  throw new Error(`Temporal namespace ${namespace} was registered but is not served`);
}

/** Adds the search attributes MotCua upserts; an existing one of another type is a clear error. */
async function ensureSearchAttributes(connection: Connection, namespace: string, wanted: TemporalSettings['searchAttributes']): Promise<void> {
  const existing = await connection.operatorService.listSearchAttributes({ namespace });
  const missing: Record<string, IndexedValueType> = {};
  for (const [name, type] of Object.entries(wanted)) {
    const current = existing.customAttributes[name] ?? existing.systemAttributes[name];
    if (current === undefined) missing[name] = indexedValueTypes[type];
    else if (current !== indexedValueTypes[type]) {
      throw new Error(`search attribute ${name} exists in namespace ${namespace} with another type than ${type}`);
    }
  }
  if (Object.keys(missing).length === 0) return;
  try {
    await connection.operatorService.addSearchAttributes({ namespace, searchAttributes: missing });
  } catch (error) {
    if (grpcCode(error) !== GrpcStatus.ALREADY_EXISTS) throw error;
  }
}

/** Makes a Temporal cluster, embedded or external, ready for MotCua's workers and API. */
export async function prepareTemporal(connection: Connection, settings: TemporalSettings): Promise<void> {
  await ensureNamespace(connection, settings.namespace, settings.retentionDays);
  await ensureSearchAttributes(connection, settings.namespace, settings.searchAttributes);
}
