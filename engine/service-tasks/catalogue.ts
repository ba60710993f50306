/**
 * The service-task types MotCua runs: what `mc:serviceCall type="…"` may name. The compiler refuses
 * any other type, the designer's service-task picker lists these, and the worker registers one
 * Temporal activity under each type. Pure data, read in the browser, the API and the worker alike.
 */
import type { LocalizedText } from '../diagnostics/diagnostic.js';

export type ServiceInputKind = 'text' | 'textarea' | 'number' | 'choice' | 'json';

/** One input of a service task: the `mc:input target` it fills, with a FEEL expression in the model. */
export interface ServiceInputField {
  key: string;
  label: LocalizedText;
  kind: ServiceInputKind;
  required: boolean;
  /** For `choice`: the allowed values. */
  options?: readonly string[];
  /** What the designer suggests as the FEEL expression. */
  example?: string;
}

export interface ServiceTaskType {
  type: string;
  label: LocalizedText;
  description: LocalizedText;
  inputs: readonly ServiceInputField[];
  /** Set when the dossier waits after the call for an outside report (the payment gateway's). */
  waitsFor?: 'payment';
  /**
   * The variables the call adds to the dossier, `{id}` standing for the task's element id (what
   * conditions after it may read). goi-http's are the keys of its `outputs` input instead.
   */
  outputs?: readonly string[];
}

const field = (key: string, kind: ServiceInputKind, required: boolean, vi: string, en: string, extra: Partial<ServiceInputField> = {}): ServiceInputField => ({
  key,
  kind,
  required,
  label: { vi, en },
  ...extra,
});

export const notificationChannels = ['email', 'sms', 'zalo'] as const;
export type NotificationChannel = (typeof notificationChannels)[number];

/** The legal forms MotCua generates (Decree 118/2025 numbering) and the result document. */
export const documentForms = ['mau-01', 'mau-02', 'mau-03', 'mau-04', 'ket-qua'] as const;
export type DocumentForm = (typeof documentForms)[number];

export const httpMethods = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
export type HttpMethod = (typeof httpMethods)[number];

export const serviceTaskCatalogue = {
  'gui-thong-bao': {
    type: 'gui-thong-bao',
    label: { vi: 'Gửi thông báo', en: 'Send a notification' },
    description: {
      vi: 'Gửi thư điện tử, SMS hoặc Zalo cho công dân hoặc một địa chỉ (cơ quan phối hợp), qua hộp thư đi.',
      en: 'Sends an email, SMS or Zalo message to the citizen or to an address (a partner agency), through the outbox.',
    },
    inputs: [
      field('message', 'textarea', true, 'Nội dung', 'Message', { example: '="Hồ sơ " + maHoSo + " đã được tiếp nhận"' }),
      field('subject', 'text', false, 'Tiêu đề', 'Subject'),
      field('channel', 'choice', false, 'Kênh gửi', 'Channel', { options: notificationChannels, example: '="email"' }),
      field('to', 'text', false, 'Người nhận (bỏ trống: công dân)', 'Recipient (empty: the citizen)', { example: '="thue@example.gov.vn"' }),
    ],
  },
  'dong-bo-cong-dvc': {
    type: 'dong-bo-cong-dvc',
    label: { vi: 'Đồng bộ Cổng Dịch vụ công quốc gia', en: 'Sync with the National Public Service Portal' },
    description: {
      vi: 'Gửi dữ liệu, kết quả điện tử của hồ sơ lên Cổng (trạng thái được đồng bộ tự động ở mọi thay đổi).',
      en: 'Sends the dossier’s data or electronic result to the portal (statuses are synced on every change anyway).',
    },
    inputs: [
      field('kind', 'choice', false, 'Loại dữ liệu', 'Kind of data', { options: ['ket-qua', 'du-lieu'], example: '="ket-qua"' }),
      field('data', 'json', false, 'Dữ liệu gửi kèm', 'Data sent along', { example: '={soDinhDanh: soDinhDanh}' }),
    ],
    outputs: ['{id}_congDvc'],
  },
  'tao-van-ban': {
    type: 'tao-van-ban',
    label: { vi: 'Tạo văn bản (PDF, ký số)', en: 'Issue a document (signed PDF)' },
    description: {
      vi: 'Tạo mẫu phiếu (01 tiếp nhận, 02 bổ sung, 03 từ chối, 04 xin lỗi hẹn lại) hoặc văn bản kết quả, ký số và lưu vào hồ sơ.',
      en: 'Generates a legal form (01 receipt, 02 supplementation, 03 refusal, 04 apology) or the result document, signs it and stores it with the dossier.',
    },
    inputs: [
      field('form', 'choice', true, 'Mẫu văn bản', 'Form', { options: documentForms, example: '="ket-qua"' }),
      field('title', 'text', false, 'Tiêu đề văn bản', 'Title'),
      field('body', 'textarea', false, 'Nội dung', 'Body'),
    ],
    outputs: ['{id}_vanBan'],
  },
  'thu-phi': {
    type: 'thu-phi',
    label: { vi: 'Thu phí, lệ phí', en: 'Collect fees' },
    description: {
      vi: 'Yêu cầu thanh toán qua cổng thanh toán; hồ sơ chờ ở trạng thái "chờ thanh toán" tới khi cổng báo đã trả, thất bại hoặc hết hạn.',
      en: 'Requests a payment through the payment gateway; the dossier waits as "payment requested" until the gateway reports paid, failed or expired.',
    },
    inputs: [
      field('amount', 'number', true, 'Số tiền (đồng)', 'Amount (VND)', { example: '100000' }),
      field('description', 'text', false, 'Nội dung thu', 'Description'),
      field('expiresIn', 'text', false, 'Hạn thanh toán (ví dụ PT24H)', 'Payment window (e.g. PT24H)', { example: '="PT24H"' }),
      field('refundOnRefusal', 'json', false, 'Hoàn phí khi từ chối (true/false)', 'Refund on refusal (true/false)', { example: '=true' }),
    ],
    waitsFor: 'payment',
    outputs: ['paymentId', 'paymentUrl', 'payment'],
  },
  'goi-http': {
    type: 'goi-http',
    label: { vi: 'Gọi dịch vụ HTTP', en: 'Call an HTTP service' },
    description: {
      vi: 'Gọi một địa chỉ trong danh sách cho phép, với ánh xạ biến vào/ra, thời gian chờ và chính sách thử lại.',
      en: 'Calls a URL on the allow-list, with variables mapped in and out, a timeout and a retry policy.',
    },
    inputs: [
      field('method', 'choice', true, 'Phương thức', 'Method', { options: httpMethods, example: '="POST"' }),
      field('url', 'text', true, 'Địa chỉ (URL)', 'URL', { example: '="https://api.example.gov.vn/tra-cuu"' }),
      field('body', 'json', false, 'Dữ liệu gửi', 'Request body', { example: '={soDinhDanh: soDinhDanh}' }),
      field('outputs', 'json', false, 'Ánh xạ kết quả vào biến', 'Response mapping to variables', { example: '={maSoThue: "data.taxCode"}' }),
      field('timeoutMs', 'number', false, 'Thời gian chờ (ms)', 'Timeout (ms)', { example: '5000' }),
      field('maxAttempts', 'number', false, 'Số lần thử tối đa', 'Maximum attempts', { example: '3' }),
    ],
  },
} as const satisfies Record<string, ServiceTaskType>;

export type ServiceTaskTypeName = keyof typeof serviceTaskCatalogue;

export const serviceTaskTypes = Object.keys(serviceTaskCatalogue) as ServiceTaskTypeName[];

export function isServiceTaskType(type: string): type is ServiceTaskTypeName {
  return Object.hasOwn(serviceTaskCatalogue, type);
}

/** The catalogue entry of a type, or undefined for a type MotCua does not run. */
export function serviceTaskType(type: string): ServiceTaskType | undefined {
  return isServiceTaskType(type) ? serviceTaskCatalogue[type] : undefined;
}
