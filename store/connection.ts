import mongoose from 'mongoose';

/**
 * Opens MotCua's own connection to the store (FerretDB or MongoDB). Models are registered on this
 * connection rather than on mongoose's global one, so a process or a test can hold several.
 */
export async function connectStore(uri: string): Promise<mongoose.Connection> {
  const connection = mongoose.createConnection(uri, { serverSelectionTimeoutMS: 10_000 });
  await connection.asPromise();
  return connection;
}

/** Round-trips a ping to the store server. */
export async function pingStore(connection: mongoose.Connection): Promise<void> {
  if (!connection.db) throw new Error('store connection is not open');
  await connection.db.admin().ping();
}
