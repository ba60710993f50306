import type { AuditEventDocument } from '../../store/audit/audit-event-model.js';
import type { ApiStore } from '../api-store.js';

/** What each audit action means, in the words a citizen and an officer read (Vietnamese first). */
export const actionLabels: Record<string, { vi: string; en: string }> = {
  'dossier-submitted': { vi: 'Tiếp nhận hồ sơ', en: 'Dossier received' },
  'dossier-received': { vi: 'Bắt đầu xử lý', en: 'Processing started' },
  'dossier-overdue': { vi: 'Hồ sơ quá hạn', en: 'Dossier overdue' },
  'task-due-soon': { vi: 'Bước sắp đến hạn', en: 'Step due soon' },
  'task-overdue': { vi: 'Bước quá hạn', en: 'Step overdue' },
  'task-cancelled': { vi: 'Hủy bước xử lý', en: 'Step cancelled' },
  'task-deadline-moved': { vi: 'Điều chỉnh hạn bước', en: 'Step deadline moved' },
  'apology-task-opened': { vi: 'Lập phiếu xin lỗi', en: 'Apology letter to issue' },
  'apology-issued': { vi: 'Gửi phiếu xin lỗi và hẹn lại', en: 'Apology letter issued' },
  'supplement-received': { vi: 'Đã nhận hồ sơ bổ sung', en: 'Supplement accepted' },
  'service-task-completed': { vi: 'Trao đổi với hệ thống khác', en: 'Exchange with another system' },
  'message-sent': { vi: 'Gửi thông báo', en: 'Message sent' },
  'message-received': { vi: 'Nhận thông báo', en: 'Message received' },
  'procedure-called': { vi: 'Liên thông thủ tục', en: 'Linked procedure started' },
  'calendar-changed': { vi: 'Điều chỉnh lịch làm việc', en: 'Calendar changed' },
  'timer-fired': { vi: 'Hết thời hạn chờ', en: 'Timer fired' },
  'boundary-event': { vi: 'Sự kiện trong bước', en: 'Boundary event' },
  'error-caught': { vi: 'Xử lý lỗi', en: 'Error handled' },
  'task-opened': { vi: 'Chuyển bước xử lý', en: 'Step opened' },
  'task-claimed': { vi: 'Cán bộ nhận xử lý', en: 'Officer took the step' },
  'task-claim-requested': { vi: 'Yêu cầu nhận xử lý', en: 'Claim requested' },
  'task-unclaimed': { vi: 'Cán bộ bỏ nhận việc', en: 'Officer released the step' },
  'task-unclaim-requested': { vi: 'Yêu cầu bỏ nhận việc', en: 'Release requested' },
  'task-forwarded': { vi: 'Chuyển xử lý', en: 'Step forwarded' },
  'task-forward-requested': { vi: 'Yêu cầu chuyển xử lý', en: 'Forward requested' },
  'comment-added': { vi: 'Trao đổi nội bộ', en: 'Staff comment' },
  'task-completed': { vi: 'Hoàn thành bước', en: 'Step completed' },
  'task-completion-requested': { vi: 'Gửi kết quả bước', en: 'Step result sent' },
  'task-reassigned': { vi: 'Chuyển người xử lý', en: 'Step reassigned' },
  'task-reassignment-requested': { vi: 'Yêu cầu chuyển người xử lý', en: 'Reassignment requested' },
  'supplement-requested': { vi: 'Yêu cầu bổ sung hồ sơ', en: 'Supplement requested' },
  'supplement-sent': { vi: 'Công dân gửi hồ sơ bổ sung', en: 'Supplement sent' },
  'supplement-submitted': { vi: 'Công dân bổ sung hồ sơ', en: 'Supplement received' },
  'withdrawal-sent': { vi: 'Công dân gửi yêu cầu rút hồ sơ', en: 'Withdrawal sent' },
  'payment-requested': { vi: 'Yêu cầu nộp phí, lệ phí', en: 'Payment requested' },
  'payment-paid': { vi: 'Đã nộp phí, lệ phí', en: 'Payment received' },
  'counter-fee-collected': { vi: 'Đã nộp phí, lệ phí tại quầy', en: 'Fee paid at the counter' },
  'payment-failed': { vi: 'Nộp phí không thành công', en: 'Payment failed' },
  'payment-expired': { vi: 'Hết hạn nộp phí', en: 'Payment expired' },
  'withdrawal-requested': { vi: 'Yêu cầu rút hồ sơ', en: 'Withdrawal requested' },
  'withdrawal-refused': { vi: 'Không chấp nhận rút hồ sơ: đã xử lý xong', en: 'Withdrawal refused: processing had ended' },
  'appointment-extended': { vi: 'Hẹn lại ngày trả kết quả', en: 'New appointment set' },
  'deadline-extension-requested': { vi: 'Đề nghị hẹn lại', en: 'New appointment requested' },
  'dossier-processed': { vi: 'Đã có kết quả, chờ trả', en: 'Result ready to return' },
  'dossier-finished': { vi: 'Kết thúc hồ sơ', en: 'Dossier finished' },
  'public-tracking-shown': { vi: 'Tra cứu hồ sơ không cần đăng nhập', en: 'Tracked without an account' },
  'public-tracking-refused': { vi: 'Tra cứu không đăng nhập bị từ chối', en: 'Tracking without an account refused' },
};

export interface TimelineEntry {
  at: string;
  stream: string;
  sequence: number;
  action: string;
  label: { vi: string; en: string };
  actor: { kind: string; id: string; role?: string; unit?: string };
  target: { kind: string; id: string };
  details: Record<string, unknown>;
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Every audit stream of a dossier: the workflow's, its called procedures' and the API's. */
export function dossierStreamsFilter(code: string) {
  return { stream: { $regex: `^dossier:${escapeRegex(code)}($|/)` } };
}

/** The dossier's audit events in time order, labelled for reading. */
export async function dossierTimeline(store: ApiStore, code: string): Promise<TimelineEntry[]> {
  const events: AuditEventDocument[] = await store.auditEvents.find(dossierStreamsFilter(code)).lean();
  events.sort((a, b) => a.at.getTime() - b.at.getTime() || a.stream.localeCompare(b.stream) || a.sequence - b.sequence);
  return events.map((event) => ({
    at: event.at.toISOString(),
    stream: event.stream,
    sequence: event.sequence,
    action: event.action,
    label: actionLabels[event.action] ?? { vi: event.action, en: event.action },
    actor: event.actor,
    target: event.target,
    details: event.details,
  }));
}
