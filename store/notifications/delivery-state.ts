/** Where a notification stands: not tried yet, tried and failed (retrying), or delivered. */
export const deliveryStates = ['pending', 'failing', 'delivered'] as const;
export type DeliveryState = (typeof deliveryStates)[number];

/** The store filter of the notifications in one delivery state: the outbox page and the backlog gauges use it. */
export function deliveryStateFilter(state: DeliveryState): Record<string, unknown> {
  if (state === 'delivered') return { deliveredAt: { $exists: true } };
  if (state === 'pending') return { deliveredAt: { $exists: false }, $or: [{ attempts: 0 }, { attempts: { $exists: false } }] };
  return { deliveredAt: { $exists: false }, attempts: { $gt: 0 } };
}
