import mongoose from 'mongoose';

/** The server behind a store connection: it decides how a sequence-guarded write is made. */
export type StoreServer = 'mongodb' | 'ferretdb';

const servers = new WeakMap<mongoose.Connection, StoreServer>();

/**
 * Opens MotCua's own connection to the store (FerretDB or MongoDB). Models are registered on this
 * connection rather than on mongoose's global one, so a process or a test can hold several.
 */
export async function connectStore(uri: string): Promise<mongoose.Connection> {
  const connection = mongoose.createConnection(uri, { serverSelectionTimeoutMS: 10_000 });
  await connection.asPromise();
  const buildInfo = await connection.db!.admin().command({ buildInfo: 1 });
  servers.set(connection, 'ferretdbVersion' in buildInfo ? 'ferretdb' : 'mongodb');
  return connection;
}

/** Which server a connection opened by `connectStore` reached (MongoDB semantics are assumed otherwise). */
export function storeServer(connection: mongoose.Connection): StoreServer {
  return servers.get(connection) ?? 'mongodb';
}

/** Round-trips a ping to the store server. */
export async function pingStore(connection: mongoose.Connection): Promise<void> {
  if (!connection.db) throw new Error('store connection is not open');
  await connection.db.admin().ping();
}
