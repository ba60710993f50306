import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loggingChannel } from '../../../activities/notifications/channels.js';
import { emailChannel } from '../../../activities/notifications/email-channel.js';
import { createNotificationDelivery, type NotificationDeliveryService } from '../../../activities/notifications/notification-delivery.js';
import { startPolling, type Poller } from '../../../activities/outbox/poller.js';
import { httpPortalClient } from '../../../activities/portal-sync/portal-client.js';
import { defaultPortalMappingVersion, portalMapping } from '../../../activities/portal-sync/portal-mapping.js';
import { createPortalSync, type PortalSync } from '../../../activities/portal-sync/portal-sync.js';
import { portalSyncMetrics } from '../../../store/portal-sync/portal-sync-metrics.js';
import { startLocalSmtpServer, type LocalSmtpServer } from '../../../scripts/dev-stack/local-smtp-server.js';
import { startPortalSimulator, type PortalSimulator } from '../../../scripts/dev-stack/portal-simulator.js';
import type { Store } from '../../../store/store.js';
import { extendDeadlineUpdate, supplementDossierSignal } from '../../../workflows/contract.js';
import { compileProcedure, DossierHarness, officer, sampleFile } from '../../workflows/dossier-harness.js';
import { seedDossier, testDocumentIssuer } from '../support/document-fixtures.js';
import { pdfQrCodes, pdfText } from '../support/pdf-reading.js';

const code = '000.00.12.H56-260212-0042';
const citizen = 'huong@example.vn';
const oneStop = officer('mot-cua', 'can-bo-mot-cua', 'bo-phan-mot-cua');
const appraiser = officer('lan', 'chuyen-vien', 'phong-kinh-te');
const leader = officer('lanh-dao', 'lanh-dao', 'lanh-dao-ubnd');
const supervisor = officer('hung', 'supervisor', 'phong-kinh-te');

describe('a household-business journey against the local SMTP server and the portal simulator', () => {
  let harness: DossierHarness;
  let smtp: LocalSmtpServer;
  let portal: PortalSimulator;
  let portalSync: PortalSync;
  let delivery: NotificationDeliveryService;
  let pollers: Poller[] = [];

  beforeAll(async () => {
    smtp = await startLocalSmtpServer();
    portal = await startPortalSimulator();
    // Every call fails twice before the portal takes it.
    portal.failFirstAttempts(2);
    const email = emailChannel({ host: '127.0.0.1', port: smtp.port, secure: false, from: 'Bộ phận Một cửa <motcua@ubnd-xa.example.gov.vn>' });
    harness = await DossierHarness.create({
      startAt: '2026-02-12T03:00:00Z',
      services: (store: Store) => {
        portalSync = createPortalSync({
          store,
          client: httpPortalClient({ endpoint: portal.url, timeoutMs: 2_000 }),
          mapping: portalMapping(defaultPortalMappingVersion),
          retry: { baseMs: 5, maxMs: 20 },
        });
        delivery = createNotificationDelivery({
          store,
          channels: { email, sms: loggingChannel('sms', () => {}), zalo: loggingChannel('zalo', () => {}) },
          documents: testDocumentIssuer(store),
          retry: { baseMs: 5, maxMs: 20 },
        });
        return { portalSync, afterProjection: () => pollers.forEach((poller) => poller.wake()) };
      },
    });
    pollers = [
      startPolling(() => portalSync.syncPending(), { intervalMs: 20, onError: (error) => console.error(error) }),
      startPolling(() => delivery.deliverPending(), { intervalMs: 20, onError: (error) => console.error(error) }),
    ];
  });
  afterAll(async () => {
    await Promise.all(pollers.map((poller) => poller.stop()));
    await harness?.teardown();
    await smtp?.close();
    await portal?.close();
  });

  async function drained(): Promise<void> {
    for (let attempt = 0; attempt < 300; attempt += 1) {
      const [statuses, notifications] = await Promise.all([
        harness.store.portalStatuses.countDocuments({ state: 'pending' }),
        harness.store.notifications.countDocuments({ deliveredAt: { $exists: false } }),
      ]);
      if (statuses === 0 && notifications === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error('the outboxes never drained');
  }

  it('every status reaches the portal once and in order; receipt, supplementation, apology and result emails carry the code and dates', async () => {
    const procedure = await compileProcedure(sampleFile('household-business-registration'));
    await harness.deploy(procedure);
    // Thu 12 Feb 2026, 10:00 in Hà Nội; Tết closes the offices from Sat 14 to Sun 22 Feb.
    const receivedAt = Date.parse('2026-02-12T03:00:00Z');
    await seedDossier(harness.store, code, { receivedAt: new Date(receivedAt) });
    const handle = await harness.start(procedure, { dossierId: code, receivedAt });

    await harness.work(handle, 'Task_TiepNhan', oneStop, { hoTen: 'Nguyễn Thị Hường', soDinhDanh: '001190012345', tenHoKinhDoanh: 'Tạp hóa Hường', nganhNghe: 'Bán lẻ tạp hóa', vonKinhDoanh: 80_000_000, giayDeNghi: 'giay-de-nghi' });
    await harness.work(handle, 'Task_ThamDinh', appraiser, { giayToThieu: 'Bản sao hợp đồng thuê địa điểm kinh doanh', lyDoBoSung: 'Thiếu hợp đồng thuê' }, 'bo-sung');
    await harness.until(handle, (state) => state.status === 'supplement-requested', 'waiting for the supplement');
    await drained();
    await handle.signal(supplementDossierSignal, { receivedAt: await harness.now(), variables: { hopDongThue: 'hop-dong' } });
    await harness.work(handle, 'Task_ThamDinh', appraiser, {}, 'dat');
    // The supervisor sets the one new appointment the law allows: Thu 26 Feb 2026, 17:00.
    await handle.executeUpdate(extendDeadlineUpdate, { args: [{ actor: supervisor, newDueAt: Date.parse('2026-02-26T10:00:00Z'), reason: 'Chờ xác minh địa điểm kinh doanh' }] });
    await harness.work(handle, 'Task_PheDuyet', leader, { maSoHoKinhDoanh: 'HKD-0042', ngayCap: '2026-02-12' });
    await harness.work(handle, 'Task_TraKetQua', oneStop, { hinhThucTra: 'truc-tuyen' });
    expect((await handle.result()).status).toBe('returned');
    await drained();

    // Portal: each change once (one accepted call per Idempotency-Key), in the workflow's order,
    // every call after two failed attempts.
    const statuses = portal.accepted.filter((call) => call.path === '/statuses');
    expect(statuses.map((call) => [call.body.TrangThaiHoSo, call.body.NgayHenTra])).toEqual([
      [1, '20260224170000'],
      [4, '20260224170000'],
      [5, '20260224170000'],
      [4, '20260224170000'],
      [4, '20260226170000'],
      [9, '20260226170000'],
      [10, '20260226170000'],
    ]);
    expect(new Set(statuses.map((call) => call.idempotencyKey)).size).toBe(statuses.length);
    const sequences = statuses.map((call) => call.body.SoThuTuCapNhat as number);
    expect(sequences).toEqual([...sequences].sort((a, b) => a - b));
    for (const call of statuses) {
      expect(call.body).toMatchObject({ MaHoSo: code, NgayTiepNhan: '20260212100000', KenhThucHien: 2, PhienBanAnhXa: 'tt04-2025.1' });
      expect(portal.attempts.filter((attempt) => attempt.idempotencyKey === call.idempotencyKey)).toHaveLength(3);
    }
    // Processing ended when the return step opened; collecting the result does not move that date.
    const [processed, returned] = statuses.slice(-2);
    expect(processed!.body.NgayKetThucXuLy).toMatch(/^2026021210\d{4}$/);
    expect(returned!.body.NgayKetThucXuLy).toBe(processed!.body.NgayKetThucXuLy);
    const metrics = await portalSyncMetrics(harness.store);
    expect(metrics).toMatchObject({ pending: 0, oldestPendingMs: 0, lagMs: { count: 7 } });
    expect(metrics.lagMs.max).toBeGreaterThan(0);

    // Emails, through real SMTP.
    const toCitizen = smtp.received.filter((mail) => mail.to.includes(citizen));
    expect(toCitizen.map((mail) => mail.subject)).toEqual([
      `Tiếp nhận hồ sơ ${code}`,
      `Yêu cầu bổ sung, hoàn thiện hồ sơ ${code}`,
      `Thư xin lỗi và hẹn lại ngày trả kết quả hồ sơ ${code}`,
      `Hồ sơ ${code} đã có kết quả`,
      `Kết quả giải quyết hồ sơ ${code}`,
    ]);
    const [receipt, supplementation, apology] = toCitizen;
    expect(receipt!.text).toContain('12/02/2026 10:00');
    expect(receipt!.text).toContain('17 giờ 00 phút, ngày 24 tháng 02 năm 2026');
    expect(apology!.text).toContain('17 giờ 00 phút, ngày 26 tháng 02 năm 2026');
    expect(apology!.text).toContain('Chờ xác minh địa điểm kinh doanh');

    const receiptPdf = receipt!.attachments.find((attachment) => attachment.filename === `${code}-mau-01.pdf`)!;
    expect(await pdfQrCodes(receiptPdf.content)).toEqual([code]);
    expect(await pdfText(receiptPdf.content)).toContain('17 giờ 00 phút, ngày 24 tháng 02 năm 2026');
    expect(await pdfText(supplementation!.attachments[0]!.content)).toContain('PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ');
    expect(await pdfText(apology!.attachments[0]!.content)).toContain('17 giờ 00 phút, ngày 26 tháng 02 năm 2026');

    // The sample's service task told the tax authority.
    const tax = smtp.received.find((mail) => mail.to.includes('thue.co-so@co-quan-thue.example.gov.vn'))!;
    expect(tax.subject).toBe('Thông báo cấp đăng ký hộ kinh doanh HKD-0042');
    expect(tax.text).toContain('Hộ kinh doanh Tạp hóa Hường đã được cấp đăng ký, mã số HKD-0042; ngành, nghề kinh doanh: Bán lẻ tạp hóa.');

    // Nothing was sent twice, and the outbox records what went where.
    expect(new Set(smtp.received.map((mail) => mail.messageId)).size).toBe(smtp.received.length);
    const delivered = await harness.store.notifications.find({ dossierId: code, kind: 'dossier-received' }).lean();
    expect(delivered).toHaveLength(1);
    expect(delivered[0]!.deliveries).toMatchObject([{ channel: 'email', to: citizen }]);
    expect(await harness.store.documents.countDocuments({ dossierId: code })).toBe(4);
  });
});
