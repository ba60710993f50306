import type { DocumentForm } from '../../engine/service-tasks/catalogue.js';
import type { DossierDocument } from '../../store/dossiers/dossier-model.js';
import type { NotificationDocument } from '../../store/notifications/notification-model.js';
import { shortVietnameseDateTime, vietnameseDateTime } from '../vietnamese/dates.js';

/** What a citizen is told, in Vietnamese, and the legal form that goes with it. */
export interface CitizenMessage {
  subject: string;
  text: string;
  form?: DocumentForm;
}

// Tracking needs no account: the code and the second factor the public tracking page asks for (api/tracking).
const closing = '\n\nTra cứu tình trạng hồ sơ tại trang Tra cứu hồ sơ, không cần đăng nhập, bằng mã hồ sơ và 4 số cuối số điện thoại hoặc số định danh đã khai khi nộp.\nBộ phận Một cửa';

function instant(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (value instanceof Date) return value.getTime();
  return undefined;
}

/**
 * The citizen's message for an outbox entry, or undefined when the kind is for staff only
 * (they see those in their worklist). Dates are Vietnam time, as the forms print them.
 */
export function citizenMessage(notification: Pick<NotificationDocument, 'kind' | 'data'>, dossier: DossierDocument): CitizenMessage | undefined {
  const code = dossier._id;
  const greeting = `Kính gửi Ông/Bà ${dossier.applicant.name},\n\n`;
  const data = notification.data;
  switch (notification.kind) {
    case 'dossier-received': {
      const dueAt = instant(data.dueAt) ?? dossier.dueAt?.getTime();
      return {
        subject: `Tiếp nhận hồ sơ ${code}`,
        text: `${greeting}Hồ sơ của Ông/Bà đã được tiếp nhận lúc ${shortVietnameseDateTime(dossier.receivedAt)}, mã hồ sơ ${code}.\nThời gian hẹn trả kết quả: ${dueAt === undefined ? 'sẽ thông báo sau' : vietnameseDateTime(dueAt)}.\nGiấy tiếp nhận hồ sơ và hẹn trả kết quả (Mẫu 01) gửi kèm thư này.${closing}`,
        form: 'mau-01',
      };
    }
    case 'supplement-requested':
      return {
        subject: `Yêu cầu bổ sung, hoàn thiện hồ sơ ${code}`,
        text: `${greeting}Hồ sơ ${code} cần được bổ sung, hoàn thiện (bước: ${String(data.name ?? '')}). Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (Mẫu 02) gửi kèm thư này nêu đầy đủ các nội dung cần bổ sung.${closing}`,
        form: 'mau-02',
      };
    case 'apology-letter': {
      const newDueAt = instant(data.newDueAt);
      return {
        subject: `Thư xin lỗi và hẹn lại ngày trả kết quả hồ sơ ${code}`,
        text: `${greeting}Cơ quan giải quyết xin lỗi Ông/Bà vì hồ sơ ${code} chưa được giải quyết đúng hẹn. Lý do: ${String(data.reason ?? '')}.\nThời gian hẹn trả kết quả mới: ${newDueAt === undefined ? '' : vietnameseDateTime(newDueAt)}.\nPhiếu xin lỗi và hẹn lại ngày trả kết quả (Mẫu 04) gửi kèm thư này.${closing}`,
        form: 'mau-04',
      };
    }
    case 'dossier-processed':
      return {
        subject: `Hồ sơ ${code} đã có kết quả`,
        text: `${greeting}Hồ sơ ${code} đã được giải quyết xong và có kết quả. Mời Ông/Bà nhận kết quả theo hình thức đã đăng ký.${closing}`,
      };
    case 'dossier-finished':
      if (data.status === 'returned') {
        return { subject: `Kết quả giải quyết hồ sơ ${code}`, text: `${greeting}Hồ sơ ${code} đã có kết quả; văn bản kết quả gửi kèm thư này.${closing}`, form: 'ket-qua' };
      }
      if (data.status === 'rejected') {
        const reason = typeof data.reason === 'string' && data.reason.trim() !== '' ? `\nLý do từ chối: ${data.reason.trim()}.` : '';
        return {
          subject: `Thông báo từ chối giải quyết hồ sơ ${code}`,
          text: `${greeting}Cơ quan giải quyết thông báo từ chối giải quyết hồ sơ ${code} của Ông/Bà.${reason}\nPhiếu từ chối tiếp nhận, giải quyết hồ sơ (Mẫu 03) gửi kèm thư này.${closing}`,
          form: 'mau-03',
        };
      }
      return { subject: `Dừng xử lý hồ sơ ${code}`, text: `${greeting}Hồ sơ ${code} đã được dừng xử lý.${closing}` };
    // A send task's BPMN message is a name, not prose: the citizen hears through the forms instead.
    case 'service-notification':
      return { subject: typeof data.subject === 'string' && data.subject ? data.subject : `Thông báo về hồ sơ ${code}`, text: `${String(data.message ?? '')}${closing}` };
    case 'payment-requested':
      return {
        subject: `Thanh toán phí, lệ phí hồ sơ ${code}`,
        text: `${greeting}Hồ sơ ${code} cần thanh toán ${String(data.amountText ?? '')} (${String(data.description ?? '')}) trước ${typeof data.expiresAt === 'number' ? vietnameseDateTime(data.expiresAt) : ''}.\nThanh toán tại: ${String(data.paymentUrl ?? '')}${closing}`,
      };
    default:
      return undefined;
  }
}
