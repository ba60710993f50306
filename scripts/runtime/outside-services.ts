/**
 * The services dossiers reach outside MotCua — mail, the national portal, the payment gateway, the
 * signing certificate, HTTP calls — built from the environment. Where one is not configured and the
 * dev stack is wanted (`npm start`), a local stand-in starts on loopback: an SMTP server whose mail
 * the outbox page shows, a portal simulator, a payment simulator, a self-signed certificate.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type mongoose from 'mongoose';
import { createDocumentIssuer } from '../../activities/documents/create-document-issuer.js';
import { developmentSigningIdentity, type SigningIdentity } from '../../activities/documents/signing-identity.js';
import type { ActivityServices } from '../../activities/index.js';
import { loggingChannel } from '../../activities/notifications/channels.js';
import { emailChannel } from '../../activities/notifications/email-channel.js';
import { createNotificationDelivery } from '../../activities/notifications/notification-delivery.js';
import { startPolling, type Poller } from '../../activities/outbox/poller.js';
import { httpPaymentGateway } from '../../activities/payments/payment-gateway.js';
import { httpPortalClient } from '../../activities/portal-sync/portal-client.js';
import { defaultPortalMappingVersion, portalMapping } from '../../activities/portal-sync/portal-mapping.js';
import { createPortalSync } from '../../activities/portal-sync/portal-sync.js';
import { agencyModel } from '../../store/organisation/organisation-models.js';
import type { Store } from '../../store/store.js';
import { loadCalendar } from '../calendar/calendar-files.js';
import { startLocalSmtpServer } from '../dev-stack/local-smtp-server.js';
import { startPaymentSimulator } from '../dev-stack/payment-simulator.js';
import { startPortalSimulator } from '../dev-stack/portal-simulator.js';
import { ConfigError } from './config.js';

export interface OutsideServices {
  services: Partial<ActivityServices>;
  /** The secret the payment gateway signs callbacks with (for the API). */
  paymentCallbackSecret?: string;
  /** One line per service, for the start banner. */
  summary: string[];
  stop(): Promise<void>;
}

const list = (value: string | undefined) => (value ?? '').split(',').map((item) => item.trim()).filter(Boolean);

/** A value kept in the data directory, made once: dev secrets that survive restarts. */
async function kept(dataDir: string, name: string, make: () => Buffer): Promise<Buffer> {
  const file = path.join(dataDir, 'dev-stack', name);
  const existing = await readFile(file).catch(() => undefined);
  if (existing) return existing;
  const value = make();
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, value, { mode: 0o600 });
  return value;
}

export async function signingIdentity(dataDir: string, devStack: boolean): Promise<SigningIdentity | undefined> {
  const file = process.env.MOTCUA_SIGNING_P12;
  if (file) return { p12: await readFile(file), passphrase: process.env.MOTCUA_SIGNING_PASSPHRASE ?? '' };
  if (!devStack) return undefined;
  let passphrase = '';
  const p12 = await kept(dataDir, 'signer.p12', () => {
    const identity = developmentSigningIdentity('MotCua development signer');
    passphrase = identity.passphrase;
    return Buffer.from(identity.p12);
  });
  return { p12, passphrase: (await kept(dataDir, 'signer.passphrase', () => Buffer.from(passphrase))).toString() };
}

export async function startOutsideServices(options: { store: Store; connection: mongoose.Connection; dataDir: string; appUrl: string; devStack: boolean }): Promise<OutsideServices> {
  const { store, devStack } = options;
  const summary: string[] = [];
  const stops: Array<() => Promise<void>> = [];
  const services: Partial<ActivityServices> = { loadCalendar: async (id) => (await loadCalendar(id)).data };

  // Mail.
  let smtp: { host: string; port: number } | undefined;
  if (process.env.MOTCUA_SMTP_HOST) {
    const port = Number(process.env.MOTCUA_SMTP_PORT ?? 587);
    if (!Number.isInteger(port)) throw new ConfigError('MOTCUA_SMTP_PORT: expected a port number');
    smtp = { host: process.env.MOTCUA_SMTP_HOST, port };
    summary.push(`Mail (SMTP)        ${smtp.host}:${smtp.port}`);
  } else if (devStack) {
    const local = await startLocalSmtpServer({ store });
    stops.push(local.close);
    smtp = { host: '127.0.0.1', port: local.port };
    summary.push(`Mail (local SMTP)  127.0.0.1:${local.port}, received mail on the admins' outbox page`);
  }

  // National portal.
  let portalUrl = process.env.MOTCUA_PORTAL_URL;
  if (!portalUrl && devStack) {
    const simulator = await startPortalSimulator();
    stops.push(simulator.close);
    portalUrl = simulator.url;
    summary.push(`Portal simulator   ${simulator.url}`);
  }
  if (portalUrl) {
    services.portal = httpPortalClient({ endpoint: portalUrl, token: process.env.MOTCUA_PORTAL_TOKEN, timeoutMs: 10_000 });
    services.portalSync = createPortalSync({ store, client: services.portal, mapping: portalMapping(process.env.MOTCUA_PORTAL_MAPPING || defaultPortalMappingVersion) });
  }

  // Payments.
  let paymentCallbackSecret = process.env.MOTCUA_PAYMENT_SECRET;
  let gatewayUrl = process.env.MOTCUA_PAYMENT_GATEWAY_URL;
  if (!gatewayUrl && devStack) {
    paymentCallbackSecret = (await kept(options.dataDir, 'payment-secret', () => Buffer.from(randomBytes(24).toString('hex')))).toString();
    const simulator = await startPaymentSimulator({ callbackUrl: `${options.appUrl}/api/payments/callback`, secret: paymentCallbackSecret });
    stops.push(simulator.close);
    gatewayUrl = simulator.url;
    summary.push(`Payment simulator  ${simulator.url}`);
  }
  if (gatewayUrl) services.payments = httpPaymentGateway({ endpoint: gatewayUrl, timeoutMs: 10_000 });

  // Signed documents.
  const identity = await signingIdentity(options.dataDir, devStack);
  if (identity) {
    const agencies = agencyModel(options.connection);
    services.documents = createDocumentIssuer({
      store,
      identity,
      async letterhead(agencyId) {
        const agency = await agencies.findById(agencyId).lean();
        const parent = agency?.parentId ? await agencies.findById(agency.parentId).lean() : null;
        return { parent: parent?.name ?? '', agency: agency?.name ?? agencyId, place: agency?.name ?? '' };
      },
    });
  }

  // HTTP calls.
  services.http = {
    allow: list(process.env.MOTCUA_HTTP_ALLOW),
    allowPrivate: list(process.env.MOTCUA_HTTP_ALLOW_PRIVATE),
    defaultTimeoutMs: 5_000,
    maxTimeoutMs: 30_000,
    maxResponseBytes: 1_048_576,
  };

  // Delivery loops: the notification outbox and the portal status queue.
  const pollers: Poller[] = [];
  const onError = (error: unknown) => console.error(`delivery: ${(error as Error).message}`);
  if (smtp && services.documents) {
    const email = emailChannel({
      ...smtp,
      secure: process.env.MOTCUA_SMTP_SECURE === 'true',
      user: process.env.MOTCUA_SMTP_USER,
      password: process.env.MOTCUA_SMTP_PASSWORD,
      from: process.env.MOTCUA_MAIL_FROM || 'MotCua <motcua@localhost>',
    });
    stops.push(async () => email.close());
    const log = (line: string) => console.log(line);
    const delivery = createNotificationDelivery({ store, channels: { email, sms: loggingChannel('sms', log), zalo: loggingChannel('zalo', log) }, documents: services.documents });
    pollers.push(startPolling(() => delivery.deliverPending(), { intervalMs: 1_000, onError }));
  }
  if (services.portalSync) {
    const sync = services.portalSync;
    pollers.push(startPolling(() => sync.syncPending(), { intervalMs: 1_000, onError }));
  }
  services.afterProjection = () => pollers.forEach((poller) => poller.wake());

  return {
    services,
    paymentCallbackSecret,
    summary,
    async stop() {
      await Promise.all(pollers.map((poller) => poller.stop()));
      for (const stop of stops.reverse()) await stop();
    },
  };
}
