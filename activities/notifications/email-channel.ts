import nodemailer from 'nodemailer';
import type { Channel } from './channels.js';

export interface SmtpSettings {
  host: string;
  port: number;
  /** TLS from the first byte (port 465); otherwise STARTTLS when the server offers it. */
  secure: boolean;
  user?: string;
  password?: string;
  /** The sender, e.g. "Bộ phận Một cửa UBND xã <motcua@ubnd-xa.gov.vn>". */
  from: string;
}

/** Email through SMTP (nodemailer): the agency's mail relay in production, the local SMTP server in the dev stack. */
export function emailChannel(settings: SmtpSettings): Channel & { close(): void } {
  const transport = nodemailer.createTransport({
    host: settings.host,
    port: settings.port,
    secure: settings.secure,
    auth: settings.user ? { user: settings.user, pass: settings.password ?? '' } : undefined,
    // The local development server has no certificate worth checking.
    tls: { rejectUnauthorized: settings.host !== '127.0.0.1' && settings.host !== 'localhost' },
  });
  return {
    name: 'email',
    async send(message) {
      const info = await transport.sendMail({
        from: settings.from,
        messageId: `<${message.id.replace(/[^\w.-]/g, '.')}@motcua>`,
        to: message.to,
        subject: message.subject,
        text: message.text,
        attachments: message.attachments.map((attachment) => ({
          filename: attachment.filename,
          contentType: attachment.contentType,
          content: Buffer.from(attachment.content),
        })),
      });
      return { messageId: info.messageId };
    },
    close: () => transport.close(),
  };
}
