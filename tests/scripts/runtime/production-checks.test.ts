import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../../scripts/runtime/config.js';
import { createApiStore } from '../../../api/api-store.js';
import { seedDemo } from '../../../api/org/demo-seed.js';
import { hashPassword } from '../../../api/auth/passwords.js';
import { assertNoOpenDemoAccounts, productionProblems } from '../../../scripts/runtime/production-checks.js';
import { connectTestStore } from '../../support/store.js';

/** A production environment with every development default replaced. */
const secure: NodeJS.ProcessEnv = {
  NODE_ENV: 'production',
  MOTCUA_SEED_DEMO: 'false',
  MOTCUA_TOKEN_SECRET: randomBytes(32).toString('base64'),
  MOTCUA_SIGNING_P12: '/etc/motcua/agency.p12',
  MOTCUA_PAYLOAD_KEYS: `k1:${randomBytes(32).toString('base64')}`,
};

function run(script: string, env: NodeJS.ProcessEnv): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', script], { cwd: projectRoot, env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, stderr })));
}

describe('production mode (NODE_ENV=production)', () => {
  it('finds nothing to refuse once every development default is replaced, and nothing in development', () => {
    expect(productionProblems('start', secure)).toEqual([]);
    expect(productionProblems('start', {})).toEqual([]);
  });

  it.each([
    ['MOTCUA_SEED_DEMO', 'the demo accounts (password motcua-demo) would be seeded'],
    ['MOTCUA_TOKEN_SECRET', 'tokens would be signed with the development secret'],
    ['MOTCUA_SIGNING_P12', 'documents would be signed with the self-signed development certificate'],
    ['MOTCUA_PAYLOAD_KEYS', 'workflow payloads would be encrypted with the development key'],
  ])('without %s: one line saying what to set', (variable, line) => {
    const { [variable]: _left, ...env } = secure;
    const problems = productionProblems('start', env);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(line);
    expect(problems[0]).toContain(variable);
  });

  it('a worker needs the signing certificate and the payload key, not the API’s secrets', () => {
    expect(productionProblems('worker', { NODE_ENV: 'production', MOTCUA_SIGNING_P12: 'a.p12', MOTCUA_PAYLOAD_KEYS: secure.MOTCUA_PAYLOAD_KEYS })).toEqual([]);
    expect(productionProblems('worker', { NODE_ENV: 'production' })).toHaveLength(2);
  });

  it('npm start refuses at once, one line per insecure default, with a non-zero exit', async () => {
    const { code, stderr } = await run('scripts/start.ts', { NODE_ENV: 'production' });
    expect(code).toBe(1);
    const lines = stderr.trim().split('\n');
    expect(lines).toHaveLength(4);
    for (const line of lines) expect(line).toMatch(/^motcua: NODE_ENV=production: .+: set MOTCUA_/);
  });

  it('npm run worker refuses without a payload key', async () => {
    const { MOTCUA_PAYLOAD_KEYS: _left, ...env } = secure;
    const { code, stderr } = await run('scripts/worker.ts', env);
    expect(code).toBe(1);
    expect(stderr.trim()).toBe('motcua: NODE_ENV=production: workflow payloads would be encrypted with the development key of the data directory: set MOTCUA_PAYLOAD_KEYS');
  });

  it('refuses a store still holding demo accounts that open with the demo password, naming them', async () => {
    const testStore = await connectTestStore();
    try {
      const store = createApiStore(testStore.connection);
      await store.ensureIndexes();
      await seedDemo(store);
      await expect(assertNoOpenDemoAccounts(store, {})).resolves.toBeUndefined();
      await expect(assertNoOpenDemoAccounts(store, secure)).rejects.toThrow(/^NODE_ENV=production: demo accounts still sign in with the demo password \(admin, an, .*\): disable them or change their passwords$/);
      await store.users.updateMany({}, { $set: { passwordHash: await hashPassword(randomBytes(16).toString('base64')) } });
      await expect(assertNoOpenDemoAccounts(store, secure)).resolves.toBeUndefined();
    } finally {
      await testStore.dispose();
    }
  });
});
