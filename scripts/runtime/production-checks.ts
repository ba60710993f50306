import type { ApiStore } from '../../api/api-store.js';
import { openDemoAccounts } from '../../api/org/demo-seed.js';
import { ConfigError } from './config.js';

/** What a process relies on: `npm start` runs the API and a worker, `npm run worker` a worker only. */
export type ProcessKind = 'start' | 'worker';

interface InsecureDefault {
  applies: ProcessKind[];
  present(env: NodeJS.ProcessEnv): boolean;
  line: string;
}

/** The development conveniences `npm start` falls back on, each unsafe for citizens' data. */
const insecureDefaults: InsecureDefault[] = [
  {
    applies: ['start'],
    present: (env) => env.MOTCUA_SEED_DEMO !== 'false',
    line: 'the demo accounts (password motcua-demo) would be seeded: set MOTCUA_SEED_DEMO=false',
  },
  {
    applies: ['start'],
    present: (env) => !env.MOTCUA_TOKEN_SECRET,
    line: 'tokens would be signed with the development secret of the data directory: set MOTCUA_TOKEN_SECRET (at least 32 characters)',
  },
  {
    applies: ['start', 'worker'],
    present: (env) => !env.MOTCUA_SIGNING_P12,
    line: 'documents would be signed with the self-signed development certificate: set MOTCUA_SIGNING_P12 and MOTCUA_SIGNING_PASSPHRASE',
  },
  {
    applies: ['start', 'worker'],
    present: (env) => !env.MOTCUA_PAYLOAD_KEYS,
    line: 'workflow payloads would be encrypted with the development key of the data directory: set MOTCUA_PAYLOAD_KEYS',
  },
];

/** With NODE_ENV=production, one line for each development default still in use. */
export function productionProblems(kind: ProcessKind, env: NodeJS.ProcessEnv = process.env): string[] {
  if (env.NODE_ENV !== 'production') return [];
  return insecureDefaults.filter((entry) => entry.applies.includes(kind) && entry.present(env)).map((entry) => `NODE_ENV=production: ${entry.line}`);
}

/** Refuses to start a production process on a development default, before anything starts. */
export function assertProductionReady(kind: ProcessKind, env: NodeJS.ProcessEnv = process.env): void {
  const problems = productionProblems(kind, env);
  if (problems.length > 0) throw new ConfigError(problems.join('\n'));
}

/**
 * With NODE_ENV=production, refuses a store that still holds demo accounts opened by the demo
 * password (seeded by an earlier development run): the environment alone cannot tell.
 */
export async function assertNoOpenDemoAccounts(store: ApiStore, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  if (env.NODE_ENV !== 'production') return;
  const open = await openDemoAccounts(store);
  if (open.length > 0) {
    throw new ConfigError(`NODE_ENV=production: demo accounts still sign in with the demo password (${open.join(', ')}): disable them or change their passwords`);
  }
}
