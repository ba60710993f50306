import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loggingChannel, type Channel, type OutgoingMessage } from '../../../activities/notifications/channels.js';
import { createNotificationDelivery } from '../../../activities/notifications/notification-delivery.js';
import type { Store } from '../../../store/store.js';
import { seedDossier, storeWithDossier, testDocumentIssuer } from '../support/document-fixtures.js';
import { pdfText } from '../support/pdf-reading.js';

const code = '000.00.12.H56-260212-0100';

describe('notification delivery from the outbox', () => {
  let store: Store;
  let dispose: () => Promise<void>;
  const sent: OutgoingMessage[] = [];
  const smsLog: string[] = [];
  let emailDown = true;
  const email: Channel = {
    name: 'email',
    async send(message) {
      if (emailDown) throw new Error('connect ECONNREFUSED 127.0.0.1:2525');
      sent.push(message);
      return { messageId: `<${message.id}@test>` };
    },
  };

  beforeAll(async () => {
    ({ store, dispose } = await storeWithDossier(code));
  });
  afterAll(() => dispose());

  const delivery = () =>
    createNotificationDelivery({ store, channels: { email, sms: loggingChannel('sms', (line) => smsLog.push(line)), zalo: loggingChannel('zalo', () => {}) }, documents: testDocumentIssuer(store), retry: { baseMs: 1, maxMs: 1 } });
  const entry = (id: string, kind: string, recipients: Record<string, unknown>, data: Record<string, unknown> = {}) =>
    store.notifications.create({ _id: id, dossierId: code, kind, at: new Date(), recipients: { userIds: [], roles: [], units: [], citizen: false, ...recipients }, data });

  it('retries while the mail server is down, recording why, then sends once with the form attached', async () => {
    await entry('d1#n1', 'supplement-requested', { citizen: true }, { name: 'Thẩm định hồ sơ' });
    expect(await delivery().deliverPending()).toBe(1);
    expect(await store.notifications.findById('d1#n1').lean()).toMatchObject({ attempts: 1, lastError: 'connect ECONNREFUSED 127.0.0.1:2525' });
    emailDown = false;
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(await delivery().deliverPending()).toBe(1);
    expect(await delivery().deliverPending()).toBe(0);
    expect(sent.map((message) => [message.to, message.subject, message.attachments.map((attachment) => attachment.filename)])).toEqual([
      ['huong@example.vn', `Yêu cầu bổ sung, hoàn thiện hồ sơ ${code}`, [`${code}-mau-02.pdf`]],
    ]);
    const delivered = await store.notifications.findById('d1#n1').lean();
    expect(delivered?.deliveredAt).toBeInstanceOf(Date);
    expect(delivered?.deliveries).toMatchObject([{ channel: 'email', to: 'huong@example.vn', messageId: '<d1#n1@test>' }]);
    expect(delivered?.lastError).toBeUndefined();
  });

  it('sends a service task’s SMS through the logging seam to the citizen’s phone; staff notices need no channel', async () => {
    await entry('d1#n2', 'service-notification', { citizen: true }, { message: 'Mời ông/bà đến nhận kết quả', channel: 'sms' });
    await entry('d1#n3', 'task-overdue', { roles: ['truong-phong'] }, { taskId: 't' });
    await delivery().deliverPending();
    expect(smsLog).toEqual([expect.stringContaining('[sms] to 0912345678: Thông báo về hồ sơ')]);
    expect((await store.notifications.findById('d1#n2').lean())?.deliveries).toMatchObject([{ channel: 'sms', to: '0912345678' }]);
    expect(await store.notifications.findById('d1#n3').lean()).toMatchObject({ deliveries: [], deliveredAt: expect.any(Date) });
  });

  it('issues the receipt (Mẫu 01) of a walk-in citizen who gave no email, with the fee paid at the counter, sending nothing', async () => {
    const walkIn = '000.00.12.H56-260212-0101';
    const counterFee = { amount: 100_000, receiptNumber: 'BL-0042', collectedAt: new Date('2026-02-12T03:00:00Z'), collectedBy: 'mot-cua' };
    await seedDossier(store, walkIn, { channel: 'in-person', applicant: { name: 'Trần Văn Bình', phone: '0987654321' }, counterFee });
    await store.notifications.create({ _id: 'd2#receipt', dossierId: walkIn, kind: 'dossier-received', at: new Date(), recipients: { userIds: [], roles: [], units: [], citizen: true }, data: {} });
    const before = sent.length;
    await delivery().deliverPending();
    expect(await store.documents.find({ dossierId: walkIn }, { form: 1, filename: 1, _id: 0 }).lean()).toEqual([{ form: 'mau-01', filename: `${walkIn}-mau-01.pdf` }]);
    expect(sent.length).toBe(before);
    const text = await pdfText(new Uint8Array((await store.documents.findOne({ dossierId: walkIn }))!.bytes));
    expect(text).toMatch(/Hình thức nộp:\s+Trực tiếp/);
    expect(text).toMatch(/Phí, lệ phí đã nộp tại quầy:\s+100\.000 đồng, biên lai số BL-0042/);
    expect(await store.notifications.findById('d2#receipt').lean()).toMatchObject({ deliveries: [], deliveredAt: expect.any(Date) });
  });
});
