import { Schema, type Connection, type Model } from 'mongoose';

export const paymentOutcomes = ['paid', 'failed', 'expired'] as const;
export type PaymentOutcome = (typeof paymentOutcomes)[number];
export const paymentStatuses = ['requested', ...paymentOutcomes, 'refunded'] as const;
export type PaymentStatus = (typeof paymentStatuses)[number];

/** A fee a dossier must pay: opened by a `thu-phi` service task, settled by the gateway's report. */
export interface PaymentDocument {
  /** Also the reference the gateway is given. */
  _id: string;
  dossierId: string;
  elementId: string;
  amount: number;
  description: string;
  paymentUrl: string;
  requestedAt: Date;
  expiresAt: Date;
  status: PaymentStatus;
  /** The procedure's fee rule "hoàn phí khi từ chối": a paid fee goes back when the dossier is refused. */
  refundOnRefusal: boolean;
  /** The gateway's own transaction reference, once it reported. */
  gatewayReference?: string;
  settledAt?: Date;
  /** The gateway's reference of the refund, once made. */
  refundReference?: string;
  refundedAt?: Date;
}

const paymentSchema = new Schema<PaymentDocument>(
  {
    _id: { type: String, required: true },
    dossierId: { type: String, required: true },
    elementId: { type: String, required: true },
    amount: { type: Number, required: true },
    description: { type: String, required: true },
    paymentUrl: { type: String, required: true },
    requestedAt: { type: Date, required: true },
    expiresAt: { type: Date, required: true },
    status: { type: String, enum: paymentStatuses, required: true },
    refundOnRefusal: { type: Boolean, default: false },
    gatewayReference: String,
    settledAt: Date,
    refundReference: String,
    refundedAt: Date,
  },
  { versionKey: false },
);
paymentSchema.index({ dossierId: 1, requestedAt: 1 });

export function paymentModel(connection: Connection): Model<PaymentDocument> {
  return connection.models.Payment ?? connection.model<PaymentDocument>('Payment', paymentSchema, 'payments');
}
