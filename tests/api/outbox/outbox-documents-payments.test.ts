import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpPaymentGateway, signPaymentReport } from '../../../activities/payments/payment-gateway.js';
import { canonicalJson } from '../../../engine/canonical/canonical-json.js';
import { startPaymentSimulator, type PaymentSimulator } from '../../../scripts/dev-stack/payment-simulator.js';
import { testDocumentIssuer } from '../../activities/support/document-fixtures.js';
import { ApiHarness } from '../api-harness.js';

const secret = 'payment-secret-for-tests';

/** The routes issue 9 adds: the admins' outbox, documents (download, verification) and the payment gateway's callback. */
describe('outbox, documents and payment callback routes', () => {
  let api: ApiHarness;
  let gateway: PaymentSimulator;
  let dossierId: string;

  beforeAll(async () => {
    gateway = await startPaymentSimulator({ callbackUrl: 'http://127.0.0.1:9/later', secret });
    api = await ApiHarness.create({
      settings: { paymentCallbackSecret: secret },
      services: () => ({ payments: httpPaymentGateway({ endpoint: gateway.url, timeoutMs: 2_000 }) }),
    });
    // The gateway reports to the API, which exists only now: the same port, the real callback.
    await gateway.close();
    gateway = await startPaymentSimulator({ callbackUrl: `${api.url}/api/payments/callback`, secret, port: Number(new URL(gateway.url).port) });
    const xml = await readFile(new URL('../../workflows/fixtures/fees.bpmn', import.meta.url), 'utf8');
    const created = await api.request('POST', '/api/procedures', { token: await api.token('reformer'), json: { xml } });
    await api.request('POST', `/api/procedures/${created.body.code}/deploy`, { token: await api.token('admin') });
    dossierId = (await api.submitOnline(created.body.code)).body.dossierId;
  });
  afterAll(async () => {
    await api.teardown();
    await gateway.close();
  });

  async function payment() {
    for (let attempt = 0; attempt < 200; attempt += 1) {
      const found = await api.store.payments.findOne({ dossierId }).lean();
      if (found) return found;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error('no payment requested');
  }

  it('refuses a report with a bad signature, for an unknown payment, or with the wrong amount, changing nothing', async () => {
    const { _id: paymentId } = await payment();
    await expect.poll(async () => (await api.store.dossiers.findById(dossierId).lean())?.status, { timeout: 10_000 }).toBe('payment-requested');
    const report = { paymentId, outcome: 'paid', amount: 100_000, gatewayReference: 'FORGED', at: new Date().toISOString() };
    const forged = await api.request('POST', '/api/payments/callback', { json: report, headers: { 'X-Signature': signPaymentReport(canonicalJson(report), 'wrong-secret') } });
    expect(forged).toMatchObject({ status: 401, body: { code: 'bad-signature' } });
    const unknown = { ...report, paymentId: 'PAY-NONE' };
    expect((await api.request('POST', '/api/payments/callback', { json: unknown, headers: { 'X-Signature': signPaymentReport(canonicalJson(unknown), secret) } })).status).toBe(404);
    const short = { ...report, amount: 1 };
    expect((await api.request('POST', '/api/payments/callback', { json: short, headers: { 'X-Signature': signPaymentReport(canonicalJson(short), secret) } })).body.code).toBe('wrong-amount');
    expect((await api.store.payments.findById(paymentId).lean())?.status).toBe('requested');
    expect((await api.store.dossiers.findById(dossierId).lean())?.status).toBe('payment-requested');
  });

  it('settles the payment from the gateway’s signed callback and the dossier goes on; a replayed report changes nothing', async () => {
    const { _id: paymentId } = await payment();
    expect(await gateway.settle(paymentId, 'paid')).toBe(200);
    await expect.poll(async () => (await api.store.dossiers.findById(dossierId).lean())?.status, { timeout: 10_000 }).toBe('returned');
    const settled = await api.store.payments.findById(paymentId).lean();
    expect(settled).toMatchObject({ status: 'paid', gatewayReference: 'SIM-000001' });
    const replay = { paymentId, outcome: 'paid', amount: 100_000, gatewayReference: 'SIM-000001', at: settled!.settledAt!.toISOString() };
    expect((await api.request('POST', '/api/payments/callback', { json: replay, headers: { 'X-Signature': signPaymentReport(canonicalJson(replay), secret) } })).status).toBe(200);
    const other = { ...replay, outcome: 'failed', gatewayReference: 'SIM-9' };
    expect((await api.request('POST', '/api/payments/callback', { json: other, headers: { 'X-Signature': signPaymentReport(canonicalJson(other), secret) } })).status).toBe(409);
  });

  it('shows the agency admin the outbox with delivery state, the local mailbox and the portal sync lag; others are refused', async () => {
    const admin = await api.token('admin');
    const outbox = await api.request('GET', `/api/outbox?dossierId=${encodeURIComponent(dossierId)}`, { token: admin });
    expect(outbox.status).toBe(200);
    expect(outbox.body.items).toEqual(expect.arrayContaining([expect.objectContaining({ dossierId, kind: 'payment-requested', state: 'pending', attempts: 0, deliveries: [] })]));
    await api.store.devMailbox.create({ to: ['an@example.vn'], subject: 'Tiếp nhận hồ sơ', text: 'Kính gửi', attachments: [], receivedAt: new Date() });
    const mailbox = await api.request('GET', '/api/outbox/mailbox', { token: admin });
    expect(mailbox.body.items[0]).toMatchObject({ subject: 'Tiếp nhận hồ sơ', to: ['an@example.vn'] });
    const sync = await api.request('GET', '/api/outbox/portal-sync', { token: admin });
    expect(sync.body).toMatchObject({ pending: 0, lagMs: { count: 0 } });
    for (const user of ['an', 'lan']) expect((await api.request('GET', '/api/outbox', { token: await api.token(user) })).status).toBe(403);
    expect((await api.request('GET', '/api/outbox')).status).toBe(401);
  });

  it('lists and downloads a dossier’s signed documents for its owner, and verifies them for anyone', async () => {
    const issued = await testDocumentIssuer(api.store).issue({ dossierId, form: 'mau-01', sourceId: 'api-test', details: {} });
    const owner = await api.token('an');
    const list = await api.request('GET', `/api/dossiers/${dossierId}/documents`, { token: owner });
    expect(list.body.items).toEqual([expect.objectContaining({ id: issued.id, form: 'mau-01', filename: `${dossierId}-mau-01.pdf` })]);
    const file = await api.request('GET', `/api/dossiers/${dossierId}/documents/${encodeURIComponent(issued.id)}`, { token: owner });
    expect(file.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(file.body as Uint8Array).equals(Buffer.from(issued.bytes))).toBe(true);
    expect((await api.request('GET', `/api/dossiers/${dossierId}/documents/nope`, { token: owner })).status).toBe(404);

    const verified = await api.request('POST', '/api/documents/verify', { json: { pdfBase64: Buffer.from(issued.bytes).toString('base64') } });
    expect(verified.body).toMatchObject({ signature: { valid: true }, issued: { dossierId, form: 'mau-01' } });
    const tampered = Uint8Array.from(issued.bytes);
    tampered[200] = tampered[200]! ^ 0x01;
    const refused = await api.request('POST', '/api/documents/verify', { json: { pdfBase64: Buffer.from(tampered).toString('base64') } });
    expect(refused.body).toMatchObject({ signature: { valid: false }, issued: null });
    expect((await api.request('POST', '/api/documents/verify', { json: { pdfBase64: '***' } })).status).toBe(422);
  });
});
