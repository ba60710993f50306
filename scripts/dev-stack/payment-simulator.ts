import { createServer, type IncomingMessage, type Server } from 'node:http';
import { canonicalJson } from '../../engine/canonical/canonical-json.js';
import { signPaymentReport, type PaymentOrder, type PaymentRefund, type PaymentReportBody } from '../../activities/payments/payment-gateway.js';

export interface PaymentSimulator {
  url: string;
  /** Orders received, by payment id. */
  readonly orders: Map<string, PaymentOrder & { expiresAt: string }>;
  /** Refunds made (`POST /payments/<id>/refund`), by payment id: asking again answers the same refund. */
  readonly refunds: Map<string, PaymentRefund & { refundReference: string }>;
  /**
   * Reports an order's outcome to MotCua's callback, signed as a gateway signs it; returns the
   * callback's HTTP status. The page at `paymentUrl` has a button per outcome that does the same.
   */
  settle(paymentId: string, outcome: PaymentReportBody['outcome']): Promise<number>;
  close(): Promise<void>;
}

/** The pay page's buttons: what the payer's bank would answer. */
const outcomeLabels: Record<PaymentReportBody['outcome'], string> = { paid: 'Thanh toán thành công', failed: 'Thanh toán thất bại', expired: 'Để hết hạn thanh toán' };

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

/** Where the payer goes back after paying (`?return=`, as a gateway's return URL), when it is a web address. */
function returnUrl(url: URL): string | undefined {
  const back = url.searchParams.get('return');
  return back && /^https?:\/\//.test(back) ? back : undefined;
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * The dev stack's and the tests' payment gateway on loopback: takes orders (`POST /payments`),
 * shows a page where the citizen "pays", and reports to `callbackUrl` with an HMAC signature.
 */
export async function startPaymentSimulator(options: { callbackUrl: string; secret: string; port?: number }): Promise<PaymentSimulator> {
  const orders = new Map<string, PaymentOrder & { expiresAt: string }>();
  const refunds = new Map<string, PaymentRefund & { refundReference: string }>();
  /** What each settled order's payer's bank answered: only a paid order can be refunded. */
  const outcomes = new Map<string, PaymentReportBody['outcome']>();
  let counter = 0;
  const settle = async (paymentId: string, outcome: PaymentReportBody['outcome']) => {
    const order = orders.get(paymentId);
    if (!order) throw new Error(`no order ${paymentId}`);
    const report: PaymentReportBody = { paymentId, outcome, amount: order.amount, gatewayReference: `SIM-${String(++counter).padStart(6, '0')}`, at: new Date().toISOString() };
    outcomes.set(paymentId, outcome);
    const body = JSON.stringify(report);
    const response = await fetch(options.callbackUrl, { method: 'POST', headers: { 'content-type': 'application/json', 'x-signature': signPaymentReport(canonicalJson(report as never), options.secret) }, body });
    return response.status;
  };
  const server: Server = createServer((request, response) => {
    void (async () => {
      const url = new URL(request.url ?? '/', 'http://simulator');
      if (request.method === 'POST' && url.pathname === '/payments') {
        const order = JSON.parse(await readBody(request)) as PaymentOrder & { expiresAt: string };
        orders.set(order.paymentId, order);
        response.writeHead(200, { 'content-type': 'application/json' });
        return void response.end(JSON.stringify({ paymentUrl: `${address()}/pay/${encodeURIComponent(order.paymentId)}` }));
      }
      const refunding = /^\/payments\/([^/]+)\/refund$/.exec(url.pathname);
      if (request.method === 'POST' && refunding && orders.has(decodeURIComponent(refunding[1]!))) {
        const paymentId = decodeURIComponent(refunding[1]!);
        if (outcomes.get(paymentId) !== 'paid') return void response.writeHead(409, { 'content-type': 'text/plain; charset=utf-8' }).end('Chỉ hoàn được khoản đã thanh toán.');
        const refund = refunds.get(paymentId) ?? { ...(JSON.parse(await readBody(request)) as PaymentRefund), refundReference: `SIM-R-${String(++counter).padStart(6, '0')}` };
        refunds.set(paymentId, refund);
        response.writeHead(200, { 'content-type': 'application/json' });
        return void response.end(JSON.stringify({ refundReference: refund.refundReference }));
      }
      const paying = /^\/pay\/([^/]+)(?:\/(paid|failed|expired))?$/.exec(url.pathname);
      if (paying && orders.has(decodeURIComponent(paying[1]!))) {
        const paymentId = decodeURIComponent(paying[1]!);
        const back = returnUrl(url);
        if (request.method === 'POST' && paying[2]) {
          const status = await settle(paymentId, paying[2] as PaymentReportBody['outcome']);
          if (back) return void response.writeHead(303, { location: back }).end();
          response.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
          return void response.end(`Đã báo kết quả: ${outcomeLabels[paying[2] as PaymentReportBody['outcome']]} (MotCua trả lời ${status}).`);
        }
        const order = orders.get(paymentId)!;
        const query = back ? `?return=${encodeURIComponent(back)}` : '';
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        return void response.end(
          `<!doctype html><html lang="vi"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Cổng thanh toán (giả lập)</title>` +
            `<h1>Thanh toán ${order.amount.toLocaleString('vi-VN')} đồng</h1><p>${escapeHtml(order.description)}</p>` +
            Object.entries(outcomeLabels)
              .map(([outcome, label]) => `<form method="post" action="/pay/${encodeURIComponent(paymentId)}/${outcome}${query}"><button data-outcome="${outcome}">${label}</button></form>`)
              .join('') +
            '</html>',
        );
      }
      response.writeHead(404).end();
    })().catch((error: Error) => {
      response.writeHead(500, { 'content-type': 'text/plain' });
      response.end(error.message);
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const address = () => `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  return { url: address(), orders, refunds, settle, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
