import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Store } from '../../store/store.js';
import { startLocalSmtpServer } from '../dev-stack/local-smtp-server.js';
import { startPaymentSimulator } from '../dev-stack/payment-simulator.js';
import { startPortalSimulator } from '../dev-stack/portal-simulator.js';
import { signingIdentity } from '../runtime/outside-services.js';

export interface ClusterStandIns {
  /** The variables that point every worker and API process at the same stand-ins. */
  environment: Record<string, string>;
  summary: string[];
  stop(): Promise<void>;
}

/**
 * The outside services' local stand-ins, started once for the whole topology (mail, portal,
 * payments, signing certificate) rather than once per process as `npm start` does, and handed to
 * the worker and API processes the way an agency configures real ones: through the environment.
 */
export async function startClusterStandIns(options: { store: Store; dataDir: string; appUrl: string }): Promise<ClusterStandIns> {
  const smtp = await startLocalSmtpServer({ store: options.store });
  const portal = await startPortalSimulator();
  const secretFile = path.join(options.dataDir, 'dev-stack', 'payment-secret');
  let secret = await readFile(secretFile, 'utf8').catch(() => undefined);
  if (!secret) {
    secret = randomBytes(24).toString('hex');
    await mkdir(path.dirname(secretFile), { recursive: true });
    await writeFile(secretFile, secret, { mode: 0o600 });
  }
  const payments = await startPaymentSimulator({ callbackUrl: `${options.appUrl}/api/payments/callback`, secret });
  const identity = (await signingIdentity(options.dataDir, true))!;
  const p12File = path.join(options.dataDir, 'dev-stack', 'signer.p12');
  return {
    environment: {
      MOTCUA_SMTP_HOST: '127.0.0.1',
      MOTCUA_SMTP_PORT: String(smtp.port),
      MOTCUA_PORTAL_URL: portal.url,
      MOTCUA_PAYMENT_GATEWAY_URL: payments.url,
      MOTCUA_PAYMENT_SECRET: secret,
      MOTCUA_SIGNING_P12: p12File,
      MOTCUA_SIGNING_PASSPHRASE: identity.passphrase,
    },
    summary: [
      `Mail (local SMTP)  127.0.0.1:${smtp.port}, received mail on the admins' outbox page`,
      `Portal simulator   ${portal.url}`,
      `Payment simulator  ${payments.url}`,
    ],
    async stop() {
      await payments.close();
      await portal.close();
      await smtp.close();
    },
  };
}
