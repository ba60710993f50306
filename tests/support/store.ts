import { randomUUID } from 'node:crypto';
import type mongoose from 'mongoose';
import { inject } from 'vitest';
import { connectStore } from '../../store/connection.js';

/** A connection to a database of its own on the run's store server, dropped by `dispose`. */
export async function connectTestStore(): Promise<{ connection: mongoose.Connection; dispose(): Promise<void> }> {
  const uri = new URL(inject('mongodbUri'));
  uri.pathname = `${uri.pathname}-${randomUUID().slice(0, 8)}`;
  const connection = await connectStore(uri.toString());
  return {
    connection,
    async dispose() {
      await connection.dropDatabase();
      await connection.close();
    },
  };
}
