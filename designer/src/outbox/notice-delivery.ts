import type { OutboxEntry } from '../api/types.js';

/** Who a notice is for, as the outbox table names them. */
export interface NoticeRecipients {
  /** Whether the citizen of the dossier is one of them (named by the page in its language). */
  citizen: boolean;
  /** Addresses, user ids, roles and units. */
  names: string[];
}

const namesAddress = (entry: OutboxEntry) => (typeof entry.data.to === 'string' ? entry.data.to : undefined);

/**
 * The channels a notice went by; for one still to send, the channel the delivery will use (email
 * unless the notice names another). Notices only for staff go by none: staff read them in their worklist.
 */
export function noticeChannels(entry: OutboxEntry): string[] {
  if (entry.deliveries.length > 0) return [...new Set(entry.deliveries.map((delivery) => delivery.channel))];
  if (entry.state === 'delivered' || !(entry.recipients.citizen || namesAddress(entry))) return [];
  return [typeof entry.data.channel === 'string' ? entry.data.channel : 'email'];
}

/** The addresses a notice was delivered to; before that, the address it names, else whom it is for. */
export function noticeRecipients(entry: OutboxEntry): NoticeRecipients {
  if (entry.deliveries.length > 0) return { citizen: false, names: entry.deliveries.map((delivery) => delivery.to) };
  const address = namesAddress(entry);
  if (address) return { citizen: false, names: [address] };
  const { citizen, userIds, roles, units } = entry.recipients;
  return { citizen, names: [...userIds, ...roles, ...units] };
}
