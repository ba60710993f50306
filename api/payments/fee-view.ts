import { z } from 'zod';
import { paymentStatuses, type PaymentDocument } from '../../store/payments/payment-model.js';
import type { ApiStore } from '../api-store.js';

/** A dossier's fee as its citizen (and the staff) see it: amount, state, the gateway's receipt and refund. */
export const feeViewSchema = z
  .object({
    description: z.string(),
    amount: z.number().meta({ description: 'VND' }),
    status: z.enum(paymentStatuses),
    paymentUrl: z.string().nullable().meta({ description: 'The gateway’s page where the fee is paid, while it is requested' }),
    settledAt: z.string().nullable(),
    reference: z.string().nullable().meta({ description: 'The gateway’s receipt reference, once paid' }),
    refundOnRefusal: z.boolean().meta({ description: 'The fee rule "hoàn phí khi từ chối"' }),
    refundReference: z.string().nullable(),
    refundedAt: z.string().nullable(),
  })
  .meta({ id: 'Fee' });

export type FeeView = z.infer<typeof feeViewSchema>;

function feeView(payment: PaymentDocument): FeeView {
  return {
    description: payment.description,
    amount: payment.amount,
    status: payment.status,
    paymentUrl: payment.status === 'requested' ? payment.paymentUrl : null,
    settledAt: payment.settledAt?.toISOString() ?? null,
    reference: payment.gatewayReference ?? null,
    refundOnRefusal: payment.refundOnRefusal ?? false,
    refundReference: payment.refundReference ?? null,
    refundedAt: payment.refundedAt?.toISOString() ?? null,
  };
}

/** The dossier's fees, oldest first. */
export async function dossierFees(store: ApiStore, dossierId: string): Promise<FeeView[]> {
  return (await store.payments.find({ dossierId }).sort({ requestedAt: 1 }).lean()).map(feeView);
}
