import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import os from 'node:os';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { z } from 'zod';

/** The repository root: every relative path in MotCua's settings starts here. */
export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** A configuration problem the user must fix; its message is one line naming the key. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

const port = z.number().int().min(1).max(65535);
const duration = z.string().regex(/^\d+(ms|s|m|h)$/, 'expected a duration such as 500ms, 10s, 5m or 1h');
// From 250 ms: a shorter bound leaves no room for a retry of an unreachable Temporal server.
const timeoutMs = z.number().int().min(250).max(60_000);
const searchAttributeType = z.enum(['Keyword', 'Text', 'Int', 'Double', 'Bool', 'Datetime', 'KeywordList']);

export const temporalSettingsSchema = z
  .object({
    address: z.string().regex(/^[^\s:]+:\d+$/, 'expected host:port'),
    namespace: z.string().regex(/^[a-zA-Z0-9][a-zA-Z0-9._-]{1,62}$/, 'expected a Temporal namespace name'),
    retentionDays: z.number().int().min(1).max(3650),
    taskQueues: z.object({ dossiers: z.string().min(1) }).strict(),
    worker: z
      .object({
        maxConcurrentWorkflowTaskExecutions: z.number().int().min(2),
        maxConcurrentActivityTaskExecutions: z.number().int().min(1),
        shutdownGraceTime: duration,
      })
      .strict(),
    searchAttributes: z.record(z.string().regex(/^[A-Za-z][A-Za-z0-9]*$/), searchAttributeType),
    devServer: z
      .object({
        ip: z.string().min(1),
        port,
        uiPort: port,
        dbFile: z.string().min(1),
        logLevel: z.enum(['debug', 'info', 'warn', 'error']),
      })
      .strict(),
  })
  .strict();

export type TemporalSettings = z.infer<typeof temporalSettingsSchema>;

/** Names the first offending key, e.g. `devServer.port: expected number, received string`. */
function describeIssue(source: string, error: z.ZodError): string {
  const issue = error.issues[0]!;
  const key = issue.path.length > 0 ? issue.path.join('.') : '(top level)';
  return `${source}: ${key}: ${issue.message}`;
}

export function parseTemporalSettings(text: string, source = 'temporal.yaml'): TemporalSettings {
  let document: unknown;
  try {
    document = parseYaml(text);
  } catch (error) {
    const where = error instanceof YAMLParseError && error.linePos ? ` (line ${error.linePos[0].line})` : '';
    throw new ConfigError(`${source}: not valid YAML${where}: ${(error as Error).message.split('\n')[0]}`);
  }
  const result = temporalSettingsSchema.safeParse(document);
  if (!result.success) throw new ConfigError(describeIssue(source, result.error));
  return result.data;
}

/** temporal.yaml at the project root, or the file MOTCUA_TEMPORAL_CONFIG names. */
export async function loadTemporalSettings(
  file = process.env.MOTCUA_TEMPORAL_CONFIG || path.join(projectRoot, 'temporal.yaml'),
): Promise<TemporalSettings> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new ConfigError(`${path.relative(process.cwd(), file) || file}: cannot be read`);
  }
  return parseTemporalSettings(text, path.basename(file));
}

const environmentSchema = z.object({
  MOTCUA_DATA_DIR: z.string().min(1).default(path.join(projectRoot, '.data')),
  MOTCUA_CACHE_DIR: z.string().min(1).default(path.join(os.homedir(), '.cache', 'motcua')),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().pipe(port).default(8080),
  MOTCUA_STORE_PORT: z.coerce.number().pipe(port).default(27017),
  MOTCUA_METRICS_HOST: z.string().min(1).default('127.0.0.1'),
  MOTCUA_METRICS_PORT: z.coerce.number().pipe(port).default(9464),
  MOTCUA_WORKER_METRICS_PORT: z.coerce.number().pipe(port).default(9465),
  MOTCUA_TEMPORAL_METRICS_PORT: z.coerce.number().pipe(port).default(9466),
  TEMPORAL_ADDRESS: z.string().regex(/^[^\s:]+:\d+$/, 'expected host:port').optional(),
  MONGODB_URI: z.string().regex(/^mongodb(\+srv)?:\/\//, 'expected a mongodb:// or mongodb+srv:// URI').optional(),
  MOTCUA_TEMPORAL_BIN: z.string().min(1).optional(),
  MOTCUA_FERRETDB_BIN: z.string().min(1).optional(),
  MOTCUA_STORE_TIMEOUT_MS: z.coerce.number().pipe(timeoutMs).optional(),
  MOTCUA_TEMPORAL_TIMEOUT_MS: z.coerce.number().pipe(timeoutMs).optional(),
});

/** The environment variables MotCua reads (see README, Configuration). */
export interface RuntimeEnvironment {
  dataDir: string;
  cacheDir: string;
  /** Interface the API and designer listen on. */
  host: string;
  appPort: number;
  storePort: number;
  /** Where Prometheus scrapes: the API's and the worker's MotCua metrics and the Temporal SDK's, each on a port of its own, never on the public origin. */
  metrics: { host: string; apiPort: number; workerPort: number; temporalSdkPort: number };
  /** Set when Temporal runs elsewhere: nothing embedded is started for it. */
  externalTemporalAddress?: string;
  /** Set when MongoDB runs elsewhere: nothing embedded is started for it. */
  externalMongodbUri?: string;
  temporalBinOverride?: string;
  ferretdbBinOverride?: string;
  /**
   * How long a request waits for the store and for Temporal when they do not answer, before it is
   * answered 503; unset, the defaults of store/connection.ts and api/temporal/temporal-connection.ts.
   */
  timeouts: { storeMs?: number; temporalMs?: number };
}

export function readEnvironment(env: NodeJS.ProcessEnv = process.env): RuntimeEnvironment {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const result = environmentSchema.safeParse(present);
  if (!result.success) throw new ConfigError(describeIssue('environment', result.error));
  const values = result.data;
  return {
    dataDir: path.resolve(values.MOTCUA_DATA_DIR),
    cacheDir: path.resolve(values.MOTCUA_CACHE_DIR),
    host: values.HOST,
    appPort: values.PORT,
    storePort: values.MOTCUA_STORE_PORT,
    metrics: { host: values.MOTCUA_METRICS_HOST, apiPort: values.MOTCUA_METRICS_PORT, workerPort: values.MOTCUA_WORKER_METRICS_PORT, temporalSdkPort: values.MOTCUA_TEMPORAL_METRICS_PORT },
    externalTemporalAddress: values.TEMPORAL_ADDRESS,
    externalMongodbUri: values.MONGODB_URI,
    temporalBinOverride: values.MOTCUA_TEMPORAL_BIN,
    ferretdbBinOverride: values.MOTCUA_FERRETDB_BIN,
    timeouts: { storeMs: values.MOTCUA_STORE_TIMEOUT_MS, temporalMs: values.MOTCUA_TEMPORAL_TIMEOUT_MS },
  };
}
