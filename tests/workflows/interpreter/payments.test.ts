import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { httpPaymentGateway } from '../../../activities/payments/payment-gateway.js';
import { startPaymentSimulator, type PaymentSimulator } from '../../../scripts/dev-stack/payment-simulator.js';
import { paymentReportedSignal } from '../../../workflows/contract.js';
import { compileProcedure, DossierHarness, type CompiledProcedure } from '../dossier-harness.js';

describe('fees: the dossier waits in "payment requested" for the gateway', () => {
  let harness: DossierHarness | undefined;
  let procedure: CompiledProcedure;
  let gateway: PaymentSimulator;

  beforeAll(async () => {
    procedure = await compileProcedure(new URL('../fixtures/fees.bpmn', import.meta.url));
    // The callback is not used here: the test sends the Signal the API's callback route sends.
    gateway = await startPaymentSimulator({ callbackUrl: 'http://127.0.0.1:9/unused', secret: 'test' });
  });
  afterAll(() => gateway.close());
  afterEach(() => harness?.teardown());

  const create = () => DossierHarness.create({ startAt: '2026-03-12T02:00:00Z', services: () => ({ payments: httpPaymentGateway({ endpoint: gateway.url, timeoutMs: 2_000 }) }) });

  it('paid: the payment, its amount and reference join the variables and the dossier goes on', async () => {
    harness = await create();
    const handle = await harness.start(procedure, { dossierId: 'FEE-0001' });
    await harness.until(handle, (state) => state.status === 'payment-requested', 'payment requested');
    const payment = await harness.store.payments.findOne({ dossierId: 'FEE-0001' }).lean();
    expect(payment).toMatchObject({ amount: 100_000, description: 'Lệ phí đăng ký hộ kinh doanh', status: 'requested', elementId: 'Fee' });
    expect(payment!.expiresAt.getTime() - payment!.requestedAt.getTime()).toBe(24 * 3_600_000);
    expect(gateway.orders.get(payment!._id)).toMatchObject({ amount: 100_000 });
    const notice = await harness.store.notifications.findOne({ dossierId: 'FEE-0001', kind: 'payment-requested' }).lean();
    expect(notice?.data).toMatchObject({ paymentId: payment!._id, amountText: '100.000 đồng', paymentUrl: payment!.paymentUrl });
    await expect.poll(async () => (await harness!.store.dossiers.findById('FEE-0001').lean())?.status).toBe('payment-requested');

    await handle.signal(paymentReportedSignal, { paymentId: payment!._id, outcome: 'paid', amount: 100_000, reference: 'SIM-000001', at: await harness.now() });
    const result = await handle.result();
    expect(result.status).toBe('returned');
    expect(result.variables.payment).toMatchObject({ paymentId: payment!._id, amount: 100_000, reference: 'SIM-000001' });
    expect((await harness.state(handle)).history.map((entry) => entry.action)).toEqual(expect.arrayContaining(['payment-requested', 'payment-paid', 'service-task-completed']));
  });

  it('expired: a BPMN error the task’s boundary catches; a report for another payment changes nothing', async () => {
    harness = await create();
    const handle = await harness.start(procedure, { dossierId: 'FEE-0002' });
    await harness.until(handle, (state) => state.status === 'payment-requested', 'payment requested');
    const payment = await harness.store.payments.findOne({ dossierId: 'FEE-0002' }).lean();
    await handle.signal(paymentReportedSignal, { paymentId: 'PAY-SOMEONE-ELSE', outcome: 'paid', amount: 1, reference: 'X', at: await harness.now() });
    expect((await harness.state(handle)).status).toBe('payment-requested');
    await handle.signal(paymentReportedSignal, { paymentId: payment!._id, outcome: 'expired', amount: 100_000, reference: 'SIM-000002', at: await harness.now() });
    const result = await handle.result();
    expect(result.status).toBe('stopped');
    expect((await harness.state(handle)).history.map((entry) => entry.action)).toEqual(expect.arrayContaining(['payment-expired', 'error-caught']));
  });
});
