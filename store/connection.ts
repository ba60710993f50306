import mongoose from 'mongoose';

/** The server behind a store connection: it decides how a sequence-guarded write is made. */
export type StoreServer = 'mongodb' | 'ferretdb';

const servers = new WeakMap<mongoose.Connection, StoreServer>();

/** How long an operation waits for a store server that does not answer before it fails (MOTCUA_STORE_TIMEOUT_MS). */
export const defaultStoreTimeoutMs = 1_000;
/** How long opening the connection keeps trying: a server just started may not answer at once. */
const openingMs = 10_000;

/**
 * Opens MotCua's own connection to the store (FerretDB or MongoDB). Models are registered on this
 * connection rather than on mongoose's global one, so a process or a test can hold several.
 * While the server is down every operation fails after `timeoutMs` (server selection) with an
 * error `isStoreUnreachable` knows; the first one after it is back reaches it (the driver checks
 * an unknown server at once when an operation asks for it).
 */
export async function connectStore(uri: string, options: { timeoutMs?: number } = {}): Promise<mongoose.Connection> {
  const timeoutMs = options.timeoutMs ?? defaultStoreTimeoutMs;
  const givesUpAt = Date.now() + Math.max(openingMs, timeoutMs);
  for (;;) {
    const connection = mongoose.createConnection(uri, { serverSelectionTimeoutMS: timeoutMs });
    try {
      await connection.asPromise();
    } catch (error) {
      await connection.close().catch(() => undefined);
      if (!isStoreUnreachable(error) || Date.now() >= givesUpAt) throw error;
      continue;
    }
    const buildInfo = await connection.db!.admin().command({ buildInfo: 1 });
    servers.set(connection, 'ferretdbVersion' in buildInfo ? 'ferretdb' : 'mongodb');
    return connection;
  }
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

/** The driver's and mongoose's errors for a server that cannot be reached (as opposed to one that refused the operation). */
const unreachableErrors = [
  mongoose.mongo.MongoServerSelectionError,
  mongoose.Error.MongooseServerSelectionError,
  // Its subclasses too: a timed-out socket, a pool cleared after a network error.
  mongoose.mongo.MongoNetworkError,
  mongoose.mongo.MongoNotConnectedError,
  mongoose.mongo.MongoTopologyClosedError,
];

/**
 * Node's own socket errors, which the driver passes on unwrapped when it writes to a socket the
 * server closed as it died ("This socket has been ended by the other party", EPIPE). The store is
 * the only server the API holds raw sockets to (Temporal's errors are gRPC statuses).
 */
const socketErrorCodes = new Set(['EPIPE', 'ECONNRESET']);

/** Whether an error (or an error it wraps) says the store server did not answer. */
export function isStoreUnreachable(error: unknown): boolean {
  for (let cause = error; cause instanceof Error; cause = cause.cause) {
    if (unreachableErrors.some((type) => cause instanceof type)) return true;
    if (socketErrorCodes.has((cause as NodeJS.ErrnoException).code ?? '')) return true;
  }
  return false;
}
