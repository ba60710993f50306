import { createHash } from 'node:crypto';
import { ApplicationFailure } from '@temporalio/common';
import { LegalDurationError, parseLegalDuration } from '../../engine/duration/legal-duration.js';
import type { Store } from '../../store/store.js';
import type { Variables } from '../../engine/dossier/activity-shapes.js';
import type { ServiceTaskRequest } from '../service-tasks/service-task-request.js';
import { vietnameseAmount } from '../vietnamese/dates.js';
import type { PaymentGateway } from './payment-gateway.js';

const defaultWindowMs = 24 * 3_600_000;
const unitMs = { 'calendar-days': 86_400_000, hours: 3_600_000, minutes: 60_000 } as const;

/** A payment window runs on the clock, not in working time: PT24H, P2D. */
function plainDuration(text: string): number | undefined {
  try {
    const duration = parseLegalDuration(text);
    return duration.unit in unitMs ? duration.amount * unitMs[duration.unit as keyof typeof unitMs] : undefined;
  } catch (error) {
    if (error instanceof LegalDurationError) return undefined;
    throw error;
  }
}

/**
 * Opens the fee payment of a `thu-phi` task: a payment record, the gateway's order and the
 * citizen's notice with where to pay. Returns `paymentId`, which the interpreter waits on.
 */
export async function requestPayment(store: Store, gateway: PaymentGateway, request: ServiceTaskRequest, key: string): Promise<Variables> {
  const { amount, description, expiresIn, refundOnRefusal = false } = request.input;
  if (typeof amount !== 'number' || !Number.isFinite(amount) || amount <= 0) {
    throw ApplicationFailure.nonRetryable(`service task ${request.elementId}: amount must be a positive number`, 'invalid-service-input');
  }
  if (typeof refundOnRefusal !== 'boolean') {
    throw ApplicationFailure.nonRetryable(`service task ${request.elementId}: refundOnRefusal must be true or false`, 'invalid-service-input');
  }
  let windowMs = defaultWindowMs;
  if (typeof expiresIn === 'string') {
    const duration = plainDuration(expiresIn);
    if (duration === undefined) {
      throw ApplicationFailure.nonRetryable(`service task ${request.elementId}: expiresIn "${expiresIn}" must be a plain duration such as PT24H or P2D`, 'invalid-service-input');
    }
    windowMs = duration;
  }
  const paymentId = `PAY-${createHash('sha256').update(key).digest('hex').slice(0, 20).toUpperCase()}`;
  const existing = await store.payments.findById(paymentId).lean();
  if (existing) return { paymentId, paymentUrl: existing.paymentUrl };
  const text = typeof description === 'string' && description ? description : 'Phí, lệ phí giải quyết thủ tục hành chính';
  const requestedAt = new Date();
  const expiresAt = new Date(requestedAt.getTime() + windowMs);
  const { paymentUrl } = await gateway.createPayment({ paymentId, amount, description: text, expiresAt });
  await store.payments.updateOne(
    { _id: paymentId },
    { $setOnInsert: { dossierId: request.dossierId, elementId: request.elementId, amount, description: text, paymentUrl, requestedAt, expiresAt, status: 'requested', refundOnRefusal } },
    { upsert: true },
  );
  await store.notifications.updateOne(
    { _id: `${key}#payment` },
    {
      $setOnInsert: {
        dossierId: request.dossierId,
        kind: 'payment-requested',
        at: requestedAt,
        recipients: { userIds: [], roles: [], units: [], citizen: true },
        data: { paymentId, amount, amountText: vietnameseAmount(amount), description: text, paymentUrl, expiresAt: expiresAt.getTime() },
      },
    },
    { upsert: true },
  );
  return { paymentId, paymentUrl };
}
