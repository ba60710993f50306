import { createHmac, timingSafeEqual } from 'node:crypto';

export interface PaymentOrder {
  /** MotCua's payment id: the reference the gateway reports back. */
  paymentId: string;
  amount: number;
  description: string;
  expiresAt: Date;
}

/**
 * The payment-gateway seam. `createPayment` opens an order and returns where the citizen pays; the
 * gateway later reports paid, failed or expired by calling MotCua's callback
 * (`POST /api/payments/callback`, the `X-Signature` header carrying the hex HMAC-SHA256, with the
 * shared secret, of the body's canonical JSON — engine/canonical, sorted keys), which the API verifies and turns into the dossier's Signal. A real
 * gateway (VNPay, the portal's payment platform…) implements this interface and signs its
 * callbacks the same way, or an adapter in the API translates its own callback format.
 */
export interface PaymentGateway {
  createPayment(order: PaymentOrder): Promise<{ paymentUrl: string }>;
  /** Pays a settled fee back in full; the payment id is the idempotency key, so asking twice refunds once. */
  refundPayment(refund: PaymentRefund): Promise<{ refundReference: string }>;
}

export interface PaymentRefund {
  paymentId: string;
  amount: number;
  /** The gateway's reference of the payment being refunded. */
  gatewayReference: string;
  reason: string;
}

export interface PaymentReportBody {
  paymentId: string;
  outcome: 'paid' | 'failed' | 'expired';
  amount: number;
  gatewayReference: string;
  at: string;
}

export function signPaymentReport(body: string, secret: string): string {
  return createHmac('sha256', secret).update(body).digest('hex');
}

export function paymentReportSignatureValid(body: string, signature: string, secret: string): boolean {
  const expected = Buffer.from(signPaymentReport(body, secret), 'hex');
  const given = Buffer.from(signature, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * A gateway reached over HTTP: POST `<endpoint>/payments` with the order, answering `{ paymentUrl }`;
 * POST `<endpoint>/payments/<id>/refund` with the refund, answering `{ refundReference }`.
 */
export function httpPaymentGateway(settings: { endpoint: string; timeoutMs: number }): PaymentGateway {
  const post = async <Answer>(path: string, idempotencyKey: string, body: unknown): Promise<Answer> => {
    const response = await fetch(`${settings.endpoint.replace(/\/$/, '')}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': idempotencyKey },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(settings.timeoutMs),
    });
    if (!response.ok) throw new Error(`payment gateway answered ${response.status}`);
    return (await response.json()) as Answer;
  };
  return {
    createPayment: (order) => post('/payments', order.paymentId, { ...order, expiresAt: order.expiresAt.toISOString() }),
    refundPayment: (refund) => post(`/payments/${encodeURIComponent(refund.paymentId)}/refund`, `${refund.paymentId}#refund`, refund),
  };
}
