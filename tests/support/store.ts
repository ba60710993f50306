import { randomUUID } from 'node:crypto';
import type mongoose from 'mongoose';
import { inject } from 'vitest';
import { connectStore } from '../../store/connection.js';

/** The URI of a database of its own on the run's store server (or the one `serverUri` names). */
export function uniqueDatabaseUri(serverUri = inject('mongodbUri')): string {
  const uri = new URL(serverUri);
  uri.pathname = `${uri.pathname}-${randomUUID().slice(0, 8)}`;
  return uri.toString();
}

/** A connection to a database of its own on the run's store server, dropped by `dispose`. */
export async function connectTestStore(uri = uniqueDatabaseUri()): Promise<{ connection: mongoose.Connection; uri: string; dispose(): Promise<void> }> {
  const connection = await connectStore(uri);
  return {
    connection,
    uri,
    async dispose() {
      await connection.dropDatabase();
      await connection.close();
    },
  };
}
