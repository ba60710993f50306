import PostalMime from 'postal-mime';
import { SMTPServer } from 'smtp-server';
import type { Store } from '../../store/store.js';

export interface ReceivedMail {
  messageId?: string;
  from?: string;
  to: string[];
  subject: string;
  text: string;
  attachments: Array<{ filename: string; contentType: string; content: Uint8Array }>;
  receivedAt: Date;
}

export interface LocalSmtpServer {
  port: number;
  /** Every message received, oldest first. */
  readonly received: ReceivedMail[];
  close(): Promise<void>;
}

/**
 * A real SMTP server on loopback for the dev stack and the tests: it accepts every message (no
 * authentication, no TLS), parses it and keeps it — in memory, and in the store's `devMailbox`
 * collection when given one, which the admins' outbox page shows.
 */
export async function startLocalSmtpServer(options: { port?: number; store?: Store } = {}): Promise<LocalSmtpServer> {
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        void PostalMime.parse(Buffer.concat(chunks))
          .then(async (email) => {
            const mail: ReceivedMail = {
              messageId: email.messageId,
              from: email.from?.address,
              to: session.envelope.rcptTo.map((recipient) => recipient.address),
              subject: email.subject ?? '',
              text: email.text ?? '',
              attachments: email.attachments.map((attachment) => ({
                filename: attachment.filename ?? 'attachment',
                contentType: attachment.mimeType,
                content: typeof attachment.content === 'string' ? new TextEncoder().encode(attachment.content) : new Uint8Array(attachment.content),
              })),
              receivedAt: new Date(),
            };
            received.push(mail);
            await options.store?.devMailbox.create({
              ...mail,
              attachments: mail.attachments.map(({ filename, contentType, content }) => ({ filename, contentType, size: content.byteLength })),
            });
          })
          .then(() => callback(), callback);
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const address = server.server.address();
  return {
    port: typeof address === 'object' && address ? address.port : 0,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
