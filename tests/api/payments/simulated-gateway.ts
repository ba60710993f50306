import { httpPaymentGateway } from '../../../activities/payments/payment-gateway.js';
import { startPaymentSimulator, type PaymentSimulator } from '../../../scripts/dev-stack/payment-simulator.js';

/**
 * The payment simulator as a test's gateway: its address goes into the worker's services before the
 * API exists, then `reportTo` restarts it on the same port with the API's real callback.
 */
export async function simulatedGateway(secret: string) {
  let simulator: PaymentSimulator = await startPaymentSimulator({ callbackUrl: 'http://127.0.0.1:9/later', secret });
  return {
    get simulator(): PaymentSimulator {
      return simulator;
    },
    services: () => ({ payments: httpPaymentGateway({ endpoint: simulator.url, timeoutMs: 2_000 }) }),
    async reportTo(apiUrl: string): Promise<void> {
      const port = Number(new URL(simulator.url).port);
      await simulator.close();
      simulator = await startPaymentSimulator({ callbackUrl: `${apiUrl}/api/payments/callback`, secret, port });
    },
    close: () => simulator.close(),
  };
}
