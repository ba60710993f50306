import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signPaymentReport } from '../../../activities/payments/payment-gateway.js';
import { canonicalJson } from '../../../engine/canonical/canonical-json.js';
import type { PaymentSimulator } from '../../../scripts/dev-stack/payment-simulator.js';
import { dossierPaymentsStream } from '../../../store/audit/append-audit.js';
import { ApiHarness } from '../api-harness.js';
import { simulatedGateway } from './simulated-gateway.js';

const secret = 'payment-secret-for-tests';
const applicant = { name: 'Trần Thị Bình', phone: '0912345678' };
const postal = { method: 'post', address: 'Số 5 ngõ 12 phố Huế, Hai Bà Trưng, Hà Nội' };

/** A procedure whose first step collects its fee: paid on the gateway right after submitting, refunded on refusal. */
describe('payment at submission and the result delivery choice', () => {
  let api: ApiHarness;
  let payments: Awaited<ReturnType<typeof simulatedGateway>>;
  let gateway: PaymentSimulator;
  let procedureCode: string;

  beforeAll(async () => {
    payments = await simulatedGateway(secret);
    api = await ApiHarness.create({ settings: { paymentCallbackSecret: secret }, services: payments.services });
    await payments.reportTo(api.url);
    gateway = payments.simulator;
    const xml = await readFile(new URL('../../workflows/fixtures/fee-at-submission.bpmn', import.meta.url), 'utf8');
    const created = await api.request('POST', '/api/procedures', { token: await api.token('reformer'), json: { xml } });
    expect((await api.request('POST', `/api/procedures/${created.body.code}/deploy`, { token: await api.token('admin') })).status).toBe(201);
    procedureCode = created.body.code;
  });
  afterAll(async () => {
    await api.teardown();
    await payments.close();
  });

  const detail = async (dossierId: string) => (await api.request('GET', `/api/dossiers/${dossierId}`, { token: await api.token('an') })).body;
  const statusOf = async (dossierId: string) => (await api.store.dossiers.findById(dossierId).lean())?.status;
  const publicTrack = async (dossierId: string) => (await api.request('POST', '/api/public/track', { json: { code: dossierId, factor: '5678' } })).body;

  /** Submits and waits until the gateway has the order; answers the dossier code and the fee's pay page. */
  async function submitAndOrder(more: Record<string, unknown> = { delivery: postal }) {
    const submitted = await api.submitOnline(procedureCode, 'an', applicant, {}, more);
    expect(submitted.status).toBe(201);
    const { dossierId } = submitted.body;
    await expect.poll(() => statusOf(dossierId), { timeout: 10_000 }).toBe('payment-requested');
    const [fee] = (await detail(dossierId)).fees;
    return { dossierId, fee, paymentId: [...gateway.orders.values()].find((order) => fee.paymentUrl.endsWith(encodeURIComponent(order.paymentId)))!.paymentId };
  }

  async function work(dossierId: string, elementId: string, officer: string, json: Record<string, unknown>) {
    const taskId = await api.openTask(dossierId, elementId);
    const token = await api.token(officer);
    expect((await api.request('POST', `/api/tasks/${encodeURIComponent(taskId)}/claim`, { token })).status).toBe(200);
    expect((await api.request('POST', `/api/tasks/${encodeURIComponent(taskId)}/complete`, { token, json })).status).toBe(200);
  }

  it('tells the citizen in the catalogue that the fee is paid at submission and refunded on refusal', async () => {
    const entry = await api.request('GET', `/api/catalogue/${procedureCode}`);
    expect(entry.body).toMatchObject({ feeAtSubmission: { amount: 8000, refundOnRefusal: true } });
    expect(entry.body.startForm.map((field: { key: string }) => field.key)).toEqual(['hoTen', 'toKhai']);
    const others = (await api.request('GET', '/api/catalogue')).body.filter((other: { code: string }) => other.code !== procedureCode);
    for (const other of others) expect(other.feeAtSubmission).toBeNull();
  });

  it('paid on the gateway’s page: the citizen comes back, and sees the fee paid with its receipt and the postal delivery', async () => {
    const { dossierId, fee, paymentId } = await submitAndOrder();
    expect(fee).toMatchObject({ description: 'Lệ phí cấp bản sao trích lục hộ tịch', amount: 8000, status: 'requested', reference: null, refundOnRefusal: true });
    expect((await detail(dossierId)).delivery).toEqual(postal);

    const back = `http://127.0.0.1:5173/track/${dossierId}`;
    const page = await fetch(`${fee.paymentUrl}?return=${encodeURIComponent(back)}`);
    const html = await page.text();
    expect(html).toContain('Thanh toán thành công');
    expect(html).toContain(`/pay/${encodeURIComponent(paymentId)}/paid?return=${encodeURIComponent(back)}`);
    const paid = await fetch(`${gateway.url}/pay/${encodeURIComponent(paymentId)}/paid?return=${encodeURIComponent(back)}`, { method: 'POST', redirect: 'manual' });
    expect(paid.status).toBe(303);
    expect(paid.headers.get('location')).toBe(back);

    await expect.poll(() => statusOf(dossierId), { timeout: 10_000 }).toBe('processing');
    const [settled] = (await detail(dossierId)).fees;
    expect(settled).toMatchObject({ status: 'paid', amount: 8000, paymentUrl: null, reference: expect.stringMatching(/^SIM-\d{6}$/), settledAt: expect.any(String) });
    const tracked = await publicTrack(dossierId);
    // Signed out, the method only: the address is personal data.
    expect(tracked).toMatchObject({ delivery: { method: 'post' }, fees: [expect.objectContaining({ status: 'paid', reference: settled.reference })] });
    expect(JSON.stringify(tracked)).not.toContain(postal.address);
    // The officers see the choice with the dossier.
    const staffView = await api.request('GET', `/api/dossiers/${dossierId}`, { token: await api.token('mot-cua') });
    expect(staffView.body).toMatchObject({ delivery: postal, fees: [expect.objectContaining({ status: 'paid' })] });
  });

  it('refused after paying: the fee goes back through the gateway, audited, and the citizen sees the refund', async () => {
    const { dossierId, paymentId } = await submitAndOrder({ delivery: { method: 'counter' } });
    expect(await gateway.settle(paymentId, 'paid')).toBe(200);
    await work(dossierId, 'Receive', 'mot-cua', { formData: { hoTen: 'Trần Thị Bình' } });
    await work(dossierId, 'Review', 'lan', { outcome: 'tu-choi', formData: { lyDo: 'Không có trong sổ hộ tịch' } });
    await expect.poll(() => statusOf(dossierId), { timeout: 10_000 }).toBe('rejected');

    await expect.poll(async () => (await publicTrack(dossierId)).fees[0]?.status, { timeout: 10_000 }).toBe('refunded');
    const tracked = await publicTrack(dossierId);
    const refund = gateway.refunds.get(paymentId)!;
    expect(refund).toMatchObject({ amount: 8000 });
    expect(tracked).toMatchObject({ fees: [expect.objectContaining({ status: 'refunded', reference: expect.any(String), refundReference: refund.refundReference, refundedAt: expect.any(String) })] });
    const audit = await api.request('GET', `/api/audit/verify?stream=${encodeURIComponent(dossierPaymentsStream(dossierId))}`, { token: await api.token('kiem-toan') });
    expect(audit.body).toEqual({ stream: dossierPaymentsStream(dossierId), entries: 1, intact: true });
  });

  it('failed or expired on the gateway: the dossier stops, showing why; nothing is refunded', async () => {
    for (const outcome of ['failed', 'expired'] as const) {
      const { dossierId, paymentId } = await submitAndOrder();
      expect(await gateway.settle(paymentId, outcome)).toBe(200);
      await expect.poll(() => statusOf(dossierId), { timeout: 10_000 }).toBe('stopped');
      expect((await publicTrack(dossierId)).fees).toEqual([expect.objectContaining({ status: outcome, paymentUrl: null, refundReference: null })]);
      expect(gateway.refunds.has(paymentId)).toBe(false);
    }
  });

  it('refuses a forged or replayed-with-changes callback, changing nothing', async () => {
    const { dossierId, paymentId } = await submitAndOrder();
    const report = { paymentId, outcome: 'paid', amount: 8000, gatewayReference: 'FORGED', at: new Date().toISOString() };
    const forged = await api.request('POST', '/api/payments/callback', { json: report, headers: { 'X-Signature': signPaymentReport(canonicalJson(report), 'not-the-secret') } });
    expect(forged).toMatchObject({ status: 401, body: { code: 'bad-signature' } });
    const unsigned = await api.request('POST', '/api/payments/callback', { json: report });
    expect(unsigned).toMatchObject({ status: 401, body: { code: 'bad-signature' } });
    expect((await detail(dossierId)).fees[0]).toMatchObject({ status: 'requested', reference: null });
    expect(await statusOf(dossierId)).toBe('payment-requested');
  });

  it('refuses a postal delivery without an address or an unknown method with a structured error, storing nothing', async () => {
    const before = await api.store.dossiers.countDocuments({});
    const noAddress = await api.submitOnline(procedureCode, 'an', applicant, {}, { delivery: { method: 'post', address: '  ' } });
    expect(noAddress).toMatchObject({ status: 422, body: { code: 'invalid-body', errors: [expect.objectContaining({ path: 'body.delivery.address' })] } });
    const unknown = await api.submitOnline(procedureCode, 'an', applicant, {}, { delivery: { method: 'drone' } });
    expect(unknown).toMatchObject({ status: 422, body: { code: 'invalid-body', errors: [expect.objectContaining({ path: expect.stringMatching(/^body\.delivery/) })] } });
    expect(await api.store.dossiers.countDocuments({})).toBe(before);
    // Left out, the result is received at the counter.
    const { dossierId } = await submitAndOrder({});
    expect((await detail(dossierId)).delivery).toEqual({ method: 'counter' });
    expect((await publicTrack(dossierId)).delivery).toEqual({ method: 'counter' });
  });
});
