import { chown, mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import { runCommand, isExecutable, MissingToolError, pathExists } from '../provision/commands.js';
import { ensureDebianPackages } from '../provision/debian-packages.js';
import { step, type Reporter } from '../provision/progress.js';
import { ServerProcess } from '../runtime/server-process.js';

/** Debian keeps each PostgreSQL major's programs apart; the newest installed one is used. */
async function postgresBinDirectory(): Promise<string> {
  const root = '/usr/lib/postgresql';
  const majors = (await readdir(root).catch(() => [] as string[])).filter((name) => /^\d+$/.test(name)).sort((a, b) => Number(b) - Number(a));
  for (const major of majors) {
    const bin = path.join(root, major, 'bin');
    if (await isExecutable(path.join(bin, 'postgres'))) return bin;
  }
  throw new MissingToolError('PostgreSQL is not installed under /usr/lib/postgresql — `apt-get install postgresql`');
}

/** PostgreSQL refuses to run as root: root runs it as Debian's `postgres` account. */
const serverAccount = process.getuid?.() === 0 ? 'postgres' : undefined;

async function serverAccountIds(): Promise<{ uid: number; gid: number } | undefined> {
  if (!serverAccount) return undefined;
  const id = async (flag: string) => Number((await runCommand('id', [flag, serverAccount])).trim());
  return { uid: await id('-u'), gid: await id('-g') };
}

function asServerAccount(command: string, args: string[]): [string, string[]] {
  return serverAccount ? ['runuser', ['-u', serverAccount, '--', command, ...args]] : [command, args];
}

export interface PostgresOptions {
  dataDir: string;
  port: number;
  /** The superuser MotCua's parts connect as (on loopback only). */
  user: string;
  logFile: string;
  reporter: Reporter;
}

export interface Postgres {
  server: ServerProcess;
  port: number;
  user: string;
  bin: string;
  /** Creates `database` unless it exists. */
  ensureDatabase(database: string): Promise<void>;
}

/**
 * MotCua's own PostgreSQL: Debian's package, a data directory of its own (made by initdb on first
 * start, kept afterwards) and a port of its own, never the system service. It listens on loopback
 * only and trusts loopback connections, as a one-machine rehearsal; an agency's database is its own.
 */
export async function startPostgres(options: PostgresOptions): Promise<Postgres> {
  await ensureDebianPackages(['postgresql'], { reporter: options.reporter, neededBy: 'the cluster' });
  const bin = await postgresBinDirectory();
  if (!(await pathExists(path.join(options.dataDir, 'PG_VERSION')))) {
    // The parents stay open to the server's account; the data directory itself is its own.
    await mkdir(path.dirname(options.dataDir), { recursive: true });
    await mkdir(options.dataDir, { recursive: true, mode: 0o700 });
    const account = await serverAccountIds();
    if (account) await chown(options.dataDir, account.uid, account.gid);
    await step(options.reporter, 'Creating the PostgreSQL data directory (initdb)', () =>
      runCommand(...asServerAccount(path.join(bin, 'initdb'), ['-D', options.dataDir, '-U', options.user, '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8'])),
    );
  }
  await mkdir(path.dirname(options.logFile), { recursive: true });
  // The log file is written by this process (ServerProcess pipes), so the account needs no access to it.
  const socketDirectory = path.join(options.dataDir, 'socket');
  await mkdir(socketDirectory, { recursive: true });
  const user = await serverAccountIds();
  if (user) await chown(socketDirectory, user.uid, user.gid);
  // Started as the account itself (not through runuser), so stopping or killing it reaches PostgreSQL.
  const args = [
    '-D', options.dataDir,
    '-p', String(options.port),
    '-c', 'listen_addresses=127.0.0.1',
    '-c', `unix_socket_directories=${socketDirectory}`,
    // Four Temporal services, FerretDB and the schema tool each keep pools.
    '-c', 'max_connections=300',
  ];
  const server = await ServerProcess.start({ name: 'PostgreSQL', command: path.join(bin, 'postgres'), args, user, logFile: options.logFile, readyWhenListening: { host: '127.0.0.1', port: options.port } });
  const psql = path.join(bin, 'psql');
  const query = (sql: string) => runCommand(psql, ['-h', '127.0.0.1', '-p', String(options.port), '-U', options.user, '-d', 'postgres', '-tAc', sql]);
  // Listening comes a moment before accepting queries.
  for (let attempt = 0; ; attempt++) {
    try {
      await query('select 1');
      break;
    } catch (error) {
      if (attempt >= 50) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  return {
    server,
    port: options.port,
    user: options.user,
    bin,
    async ensureDatabase(database) {
      if (!/^[a-z_][a-z0-9_]*$/.test(database)) throw new Error(`not a plain database name: ${database}`);
      if ((await query(`select 1 from pg_database where datname = '${database}'`)).trim() === '1') return;
      await query(`create database ${database}`);
    },
  };
}

