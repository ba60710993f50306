import { MockActivityEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createActivities } from '../../../activities/index.js';
import { httpPortalClient } from '../../../activities/portal-sync/portal-client.js';
import { startPortalSimulator, type PortalSimulator } from '../../../scripts/dev-stack/portal-simulator.js';
import type { Store } from '../../../store/store.js';
import { storeWithDossier, testDocumentIssuer } from '../support/document-fixtures.js';

const code = '000.00.12.H56-260212-0200';
const info = { activityId: '7', workflowExecution: { workflowId: code, runId: 'run-1' } };

describe('service-task activities, one per catalogue type', () => {
  let store: Store;
  let dispose: () => Promise<void>;
  let portal: PortalSimulator;
  let activities: ReturnType<typeof createActivities>;
  const run = (type: 'gui-thong-bao' | 'dong-bo-cong-dvc' | 'tao-van-ban' | 'thu-phi' | 'goi-http', input: Record<string, unknown>) =>
    new MockActivityEnvironment(info).run(activities[type], { dossierId: code, elementId: 'Task_X', input });

  beforeAll(async () => {
    ({ store, dispose } = await storeWithDossier(code));
    portal = await startPortalSimulator();
    activities = createActivities(store, { portal: httpPortalClient({ endpoint: portal.url, timeoutMs: 1_000 }), documents: testDocumentIssuer(store) });
  });
  afterAll(async () => {
    await portal.close();
    await dispose();
  });

  it('gui-thong-bao queues one outbox entry however often it runs; bad input is refused and queues nothing', async () => {
    await run('gui-thong-bao', { message: 'Đã cấp đăng ký', to: 'thue@example.gov.vn', subject: 'Thông báo' });
    await run('gui-thong-bao', { message: 'Đã cấp đăng ký', to: 'thue@example.gov.vn', subject: 'Thông báo' });
    const queued = await store.notifications.find({ dossierId: code, kind: 'service-notification' }).lean();
    expect(queued).toHaveLength(1);
    expect(queued[0]).toMatchObject({ _id: `${code}#run-1#7`, recipients: { citizen: false }, data: { message: 'Đã cấp đăng ký', to: 'thue@example.gov.vn', channel: 'email' } });
    await store.notifications.deleteMany({});
    await expect(run('gui-thong-bao', { message: 'x', channel: 'fax' })).rejects.toMatchObject({ type: 'invalid-service-input', nonRetryable: true });
    await expect(run('gui-thong-bao', {})).rejects.toMatchObject({ type: 'invalid-service-input', message: expect.stringContaining('"message" is required') });
    expect(await store.notifications.countDocuments({})).toBe(0);
  });

  it('dong-bo-cong-dvc sends the record to the portal with the activity’s key; the portal takes it once', async () => {
    await run('dong-bo-cong-dvc', { kind: 'ket-qua', data: { soDinhDanh: '001190012345' } });
    await run('dong-bo-cong-dvc', { kind: 'ket-qua', data: { soDinhDanh: '001190012345' } });
    expect(portal.accepted).toEqual([expect.objectContaining({ path: '/records', idempotencyKey: `${code}#run-1#7`, body: { MaHoSo: code, LoaiDuLieu: 'ket-qua', DuLieu: { soDinhDanh: '001190012345' } } })]);
  });

  it('tao-van-ban issues the signed document once and names it in the variables', async () => {
    const variables = await run('tao-van-ban', { form: 'ket-qua', title: 'GIẤY CHỨNG NHẬN ĐĂNG KÝ HỘ KINH DOANH', body: 'Mã số HKD-0200' });
    expect(variables).toEqual({ Task_X_vanBan: { id: expect.stringMatching(new RegExp(`^${code.replace(/\./g, '\\.')}#ket-qua#`)), filename: `${code}-ket-qua.pdf` } });
    await run('tao-van-ban', { form: 'ket-qua' });
    expect(await store.documents.countDocuments({ dossierId: code })).toBe(1);
    await expect(run('tao-van-ban', { form: 'mau-99' })).rejects.toMatchObject({ type: 'invalid-service-input' });
  });

  it('refuses, clearly and for good, a service the deployment did not configure', async () => {
    await expect(run('thu-phi', { amount: 100_000 })).rejects.toMatchObject({ type: 'service-not-configured', nonRetryable: true, message: expect.stringContaining('MOTCUA_PAYMENT_GATEWAY_URL') });
    await expect(run('thu-phi', { amount: -1 })).rejects.toMatchObject({ type: 'invalid-service-input' });
    await expect(run('thu-phi', { amount: 1, expiresIn: '2WD' })).rejects.toMatchObject({ type: 'invalid-service-input', message: expect.stringContaining('plain duration') });
    expect(await store.payments.countDocuments({})).toBe(0);
  });
});
