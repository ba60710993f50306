import { z } from 'zod';
import { paymentReportSignatureValid } from '../../activities/payments/payment-gateway.js';
import { canonicalJson } from '../../engine/canonical/canonical-json.js';
import { paymentOutcomes } from '../../store/payments/payment-model.js';
import { paymentReportedSignal } from '../../workflows/contract.js';
import type { ApiContext } from '../context.js';
import { Problem, problemResponses } from '../http/problem.js';
import { defineRoute, type RouteDefinition } from '../http/route.js';

const reportSchema = z.object({
  paymentId: z.string().min(1).max(100),
  outcome: z.enum(paymentOutcomes),
  amount: z.number().nonnegative(),
  gatewayReference: z.string().min(1).max(200),
  at: z.iso.datetime({ offset: true }),
});

/**
 * The payment gateway's callback. The body's signature (`X-Signature`: hex HMAC-SHA256 of the
 * body's canonical JSON with the shared secret) is checked; the report then settles the payment
 * once and reaches the dossier as the paymentReported Signal. A replayed report changes nothing.
 */
export function paymentRoutes({ store, temporal, settings }: ApiContext): RouteDefinition[] {
  return [
    defineRoute({
      method: 'post',
      path: '/api/payments/callback',
      summary: 'Payment gateway callback: paid, failed or expired (signed by the gateway)',
      tag: 'payments',
      access: 'public',
      headers: [{ name: 'X-Signature', description: 'hex HMAC-SHA256 of the canonical JSON body with the shared secret', required: true }],
      body: reportSchema,
      responses: { 200: { description: 'settled (or already settled)', schema: z.object({ paymentId: z.string(), status: z.string() }) }, ...problemResponses(400, 401, 404, 409, 422, 503) },
      async handler({ body, request }) {
        const secret = settings.paymentCallbackSecret;
        if (!secret) throw new Problem(503, 'payments-not-configured', 'no payment gateway is configured (MOTCUA_PAYMENT_SECRET)');
        const signature = request.header('x-signature') ?? '';
        if (!paymentReportSignatureValid(canonicalJson(body as never), signature, secret)) throw new Problem(401, 'bad-signature', 'the report is not signed with the gateway’s secret');
        const payment = await store.payments.findById(body.paymentId).lean();
        if (!payment) throw new Problem(404, 'unknown-payment', `no payment ${body.paymentId}`);
        if (payment.status !== 'requested') {
          if (payment.status === body.outcome && payment.gatewayReference === body.gatewayReference) return { status: 200, body: { paymentId: payment._id, status: payment.status } };
          throw new Problem(409, 'payment-settled', `payment ${payment._id} is already ${payment.status}`);
        }
        if (body.outcome === 'paid' && body.amount !== payment.amount) throw new Problem(422, 'wrong-amount', `payment ${payment._id} is for ${payment.amount}, not ${body.amount}`);
        const at = Date.parse(body.at);
        await temporal.client.workflow
          .getHandle(payment.dossierId)
          .signal(paymentReportedSignal, { paymentId: payment._id, outcome: body.outcome, amount: body.amount, reference: body.gatewayReference, at });
        await store.payments.updateOne({ _id: payment._id, status: 'requested' }, { $set: { status: body.outcome, gatewayReference: body.gatewayReference, settledAt: new Date(at) } });
        return { status: 200, body: { paymentId: payment._id, status: body.outcome } };
      },
    }),
  ];
}
