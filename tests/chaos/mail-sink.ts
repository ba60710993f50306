/**
 * The SMTP server the chaos run's worker sends notices to: it records each accepted message's
 * Message-ID and recipients, and on demand refuses every message with a temporary failure (421)
 * or accepts it only after a delay, as a struggling mail relay does.
 */
import { SMTPServer, type SMTPServerDataStream } from 'smtp-server';

export interface SunkMail {
  messageId: string;
  to: string[];
  at: number;
}

export type MailSinkMode = 'normal' | 'failing' | 'slow';

export interface MailSink {
  port: number;
  readonly accepted: SunkMail[];
  /** Messages refused while failing. */
  readonly refused: number;
  setMode(mode: MailSinkMode): void;
  close(): Promise<void>;
}

const slowAnswerMs = 3_000;

function messageIdOf(raw: string): string {
  const header = /^message-id:\s*(\S+)/im.exec(raw.split(/\r?\n\r?\n/, 1)[0] ?? '');
  return header?.[1] ?? '';
}

export async function startMailSink(): Promise<MailSink> {
  const accepted: SunkMail[] = [];
  let refused = 0;
  let mode: MailSinkMode = 'normal';
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream: SMTPServerDataStream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (mode === 'failing') {
          refused += 1;
          const error = Object.assign(new Error('simulated relay failure'), { responseCode: 421 });
          return callback(error);
        }
        const accept = () => {
          accepted.push({ messageId: messageIdOf(Buffer.concat(chunks).toString('utf8')), to: session.envelope.rcptTo.map((recipient) => recipient.address), at: Date.now() });
          callback();
        };
        if (mode === 'slow') setTimeout(accept, slowAnswerMs);
        else accept();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.server.address();
  return {
    port: typeof address === 'object' && address ? address.port : 0,
    accepted,
    get refused() {
      return refused;
    },
    setMode(next) {
      mode = next;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
