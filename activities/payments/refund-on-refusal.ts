import { appendAudit, dossierPaymentsStream } from '../../store/audit/append-audit.js';
import type { Store } from '../../store/store.js';
import type { ProjectionWrite } from '../projection/projection-write.js';
import type { PaymentGateway } from './payment-gateway.js';

const refundAction = 'payment-refunded';

/**
 * The fee rule "hoàn phí khi từ chối": once the workflow records the dossier as refused, each fee it
 * paid under that rule goes back through the gateway, and the refund joins the dossier's audit trail
 * (its own `/payments` stream: the workflow's stream is the workflow's to write). Safe to run again:
 * the gateway refunds a payment once, a refunded payment is not refunded again, and the audit entry
 * is written when missing.
 */
export async function refundOnRefusal(store: Store, gateway: PaymentGateway, write: ProjectionWrite): Promise<void> {
  if (write.dossier?.status !== 'rejected') return;
  const payments = await store.payments.find({ dossierId: write.dossierId, refundOnRefusal: true, status: { $in: ['paid', 'refunded'] } }).lean();
  const stream = dossierPaymentsStream(write.dossierId);
  for (const payment of payments) {
    let { refundReference, refundedAt } = payment;
    if (payment.status === 'paid') {
      ({ refundReference } = await gateway.refundPayment({ paymentId: payment._id, amount: payment.amount, gatewayReference: payment.gatewayReference!, reason: 'Hồ sơ bị từ chối giải quyết' }));
      refundedAt = new Date();
      await store.payments.updateOne({ _id: payment._id, status: 'paid' }, { $set: { status: 'refunded', refundReference, refundedAt } });
    }
    if (await store.auditEvents.exists({ stream, action: refundAction, 'details.paymentId': payment._id })) continue;
    await appendAudit(store, {
      stream,
      actor: { kind: 'system', id: 'refund-on-refusal' },
      action: refundAction,
      target: { kind: 'dossier', id: write.dossierId },
      details: { paymentId: payment._id, amount: payment.amount, refundReference, refundedAt: refundedAt?.toISOString() },
    });
  }
}
