import { createServer, type Server } from 'node:http';
import { MockActivityEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createActivities } from '../../../activities/index.js';
import { httpPaymentGateway } from '../../../activities/payments/payment-gateway.js';
import { refundOnRefusal } from '../../../activities/payments/refund-on-refusal.js';
import type { ProjectionWrite } from '../../../activities/projection/projection-write.js';
import { verifyAuditChain } from '../../../engine/audit/audit-chain.js';
import type { DossierStatus } from '../../../engine/dossier/dossier-status.js';
import { startPaymentSimulator, type PaymentSimulator } from '../../../scripts/dev-stack/payment-simulator.js';
import { dossierPaymentsStream } from '../../../store/audit/append-audit.js';
import type { Store } from '../../../store/store.js';
import { seedDossier, storeWithDossier } from '../support/document-fixtures.js';

const refused = '000.00.12.H56-260212-0301';
const approved = '000.00.12.H56-260212-0302';

/** A projection write as the workflow makes it when the dossier reaches `status`. */
function writeAt(dossierId: string, status: DossierStatus): ProjectionWrite {
  return {
    dossierId,
    procedureCode: 'dang-ky-ho-kinh-doanh',
    agencyId: 'ubnd-xa',
    sequence: 5,
    dossier: { procedureCode: 'dang-ky-ho-kinh-doanh', procedureVersion: 1, planHash: 'h', calendarHash: 'c', agencyId: 'ubnd-xa', status, receivedAt: Date.now(), overdue: false, currentSteps: [], supplementationCount: 0 },
    tasks: [],
    audit: [],
    notifications: [],
  };
}

describe('refund on refusal (the fee rule "hoàn phí khi từ chối")', () => {
  let store: Store;
  let dispose: () => Promise<void>;
  let gateway: PaymentSimulator;
  let callback: Server;
  let activities: ReturnType<typeof createActivities>;
  const payments = () => httpPaymentGateway({ endpoint: gateway.url, timeoutMs: 2_000 });

  /** Opens a fee through the thu-phi activity and settles it at the gateway and in the store, as the callback does. */
  async function fee(dossierId: string, activityId: string, input: Record<string, unknown>, outcome: 'paid' | 'failed') {
    const info = { activityId, workflowExecution: { workflowId: dossierId, runId: 'run-1' } };
    const { paymentId } = (await new MockActivityEnvironment(info).run(activities['thu-phi'], { dossierId, elementId: 'Fee', input })) as Record<string, unknown>;
    if (typeof paymentId !== 'string') throw new Error('thu-phi answered no paymentId');
    expect(await gateway.settle(paymentId, outcome)).toBe(200);
    await store.payments.updateOne({ _id: paymentId }, { $set: { status: outcome, gatewayReference: `BANK-${activityId}`, settledAt: new Date() } });
    return paymentId;
  }

  beforeAll(async () => {
    ({ store, dispose } = await storeWithDossier(refused));
    await seedDossier(store, approved);
    callback = createServer((_request, response) => response.writeHead(200).end());
    await new Promise<void>((resolve) => callback.listen(0, '127.0.0.1', resolve));
    gateway = await startPaymentSimulator({ callbackUrl: `http://127.0.0.1:${(callback.address() as { port: number }).port}/callback`, secret: 'test' });
    activities = createActivities(store, { payments: payments() });
  });
  afterAll(async () => {
    await gateway.close();
    await new Promise((resolve) => callback.close(resolve));
    await dispose();
  });

  it('pays a refused dossier’s fee back once through the gateway, however often the projection runs, and audits it once', async () => {
    const paymentId = await fee(refused, '1', { amount: 8000, description: 'Lệ phí cấp bản sao', refundOnRefusal: true }, 'paid');
    await refundOnRefusal(store, payments(), writeAt(refused, 'rejected'));
    await refundOnRefusal(store, payments(), writeAt(refused, 'rejected'));

    const refund = gateway.refunds.get(paymentId);
    expect(refund).toMatchObject({ paymentId, amount: 8000, gatewayReference: 'BANK-1', reason: 'Hồ sơ bị từ chối giải quyết' });
    const stored = await store.payments.findById(paymentId).lean();
    expect(stored).toMatchObject({ status: 'refunded', refundReference: refund!.refundReference, gatewayReference: 'BANK-1' });
    expect(stored!.refundedAt).toBeInstanceOf(Date);
    const trail = await store.auditEvents.find({ stream: dossierPaymentsStream(refused) }).sort({ sequence: 1 }).lean();
    expect(trail).toEqual([expect.objectContaining({ action: 'payment-refunded', actor: { kind: 'system', id: 'refund-on-refusal' }, details: expect.objectContaining({ paymentId, amount: 8000, refundReference: refund!.refundReference }) })]);
    const content = trail.map(({ _id, at, ...entry }) => ({ ...entry, at: at.toISOString() }));
    expect(verifyAuditChain(content as never)).toEqual({ intact: true });
  });

  it('leaves alone a fee without the rule, a fee that was not paid, and the fees of a dossier that was not refused', async () => {
    const withoutRule = await fee(refused, '2', { amount: 5000 }, 'paid');
    const unpaid = await fee(refused, '3', { amount: 5000, refundOnRefusal: true }, 'failed');
    const granted = await fee(approved, '4', { amount: 5000, refundOnRefusal: true }, 'paid');
    await refundOnRefusal(store, payments(), writeAt(refused, 'rejected'));
    for (const status of ['processing', 'processed', 'returned'] as const) await refundOnRefusal(store, payments(), writeAt(approved, status));

    for (const id of [withoutRule, unpaid, granted]) expect(gateway.refunds.has(id)).toBe(false);
    expect((await store.payments.find({ _id: { $in: [withoutRule, unpaid, granted] } }, { status: 1 }).sort({ _id: 1 }).lean()).map((payment) => payment.status).sort()).toEqual(['failed', 'paid', 'paid']);
    expect(await store.auditEvents.countDocuments({ stream: dossierPaymentsStream(approved) })).toBe(0);
  });

  it('refuses a thu-phi rule that is not true or false, opening no payment', async () => {
    const before = await store.payments.countDocuments({});
    const info = { activityId: '9', workflowExecution: { workflowId: refused, runId: 'run-1' } };
    await expect(new MockActivityEnvironment(info).run(activities['thu-phi'], { dossierId: refused, elementId: 'Fee', input: { amount: 8000, refundOnRefusal: 'có' } })).rejects.toMatchObject({
      type: 'invalid-service-input',
      nonRetryable: true,
      message: expect.stringContaining('refundOnRefusal must be true or false'),
    });
    expect(await store.payments.countDocuments({})).toBe(before);
  });
});
