import type { NotificationChannel } from '../../engine/service-tasks/catalogue.js';

export interface OutgoingAttachment {
  filename: string;
  contentType: string;
  content: Uint8Array;
}

export interface OutgoingMessage {
  /** The outbox entry it comes from; email uses it as the Message-ID. */
  id: string;
  /** An email address, or a phone number for SMS and Zalo. */
  to: string;
  subject: string;
  text: string;
  attachments: OutgoingAttachment[];
}

/**
 * The seam every delivery channel implements. Email goes through SMTP (email-channel.ts); SMS and
 * Zalo ship as logging implementations: an agency plugs its SMS gateway or Zalo Official Account
 * by implementing `send` (throwing on failure, so delivery retries) and passing it in `channels`.
 */
export interface Channel {
  readonly name: NotificationChannel;
  send(message: OutgoingMessage): Promise<{ messageId?: string }>;
}

/** A channel that only writes what it would send: the SMS and Zalo seams until an agency plugs its provider. */
export function loggingChannel(name: NotificationChannel, log: (line: string) => void): Channel {
  return {
    name,
    async send(message) {
      log(`[${name}] to ${message.to}: ${message.subject} — ${message.text.replace(/\s+/g, ' ').slice(0, 160)}`);
      return {};
    },
  };
}
