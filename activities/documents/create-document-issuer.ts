import { createHash } from 'node:crypto';
import type { DocumentForm } from '../../engine/service-tasks/catalogue.js';
import type { DossierDocument } from '../../store/dossiers/dossier-model.js';
import type { Store } from '../../store/store.js';
import { vietnameseAmount, vietnameseDateTime } from '../vietnamese/dates.js';
import type { DocumentIssuer, DocumentRequest, IssuedDocument } from './document-issuer.js';
import { signPdf } from './pdf-signature.js';
import { renderForm, type FormContent, type Letterhead } from './render-form.js';
import type { SigningIdentity } from './signing-identity.js';
import { isDuplicateKey } from '../../store/duplicate-key.js';

export interface DocumentIssuerOptions {
  store: Store;
  identity: SigningIdentity;
  /** The letterhead of the agency that issues for a dossier. */
  letterhead(agencyId: string): Promise<Letterhead>;
}

const channelNames = { 'in-person': 'Trực tiếp', online: 'Trực tuyến', post: 'Bưu chính' } as const;

function instant(value: unknown): number | undefined {
  return typeof value === 'number' ? value : undefined;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value : undefined;
}

/** The lines each form carries, from the dossier and what the request adds. */
function formBody(form: DocumentForm, dossier: DossierDocument, procedureName: string, details: Record<string, unknown>): Pick<FormContent, 'lines' | 'paragraph' | 'title'> {
  const applicant = dossier.applicant;
  const addressee: Array<[string, string]> = [
    ['Kính gửi', `Ông/Bà ${applicant.name}`],
    ['Thủ tục hành chính', procedureName],
  ];
  const dueAt = instant(details.dueAt) ?? dossier.dueAt?.getTime();
  switch (form) {
    case 'mau-01':
      return {
        lines: [
          ['Tiếp nhận hồ sơ của', `Ông/Bà ${applicant.name}`],
          ...(applicant.idNumber ? [['Số định danh cá nhân', applicant.idNumber] as [string, string]] : []),
          ...(applicant.address ? [['Địa chỉ', applicant.address] as [string, string]] : []),
          ...(applicant.phone ? [['Số điện thoại', applicant.phone] as [string, string]] : []),
          ...(applicant.email ? [['Thư điện tử', applicant.email] as [string, string]] : []),
          ['Nội dung yêu cầu giải quyết', procedureName],
          ['Hình thức nộp', channelNames[dossier.channel]],
          ...(dossier.counterFee ? [['Phí, lệ phí đã nộp tại quầy', `${vietnameseAmount(dossier.counterFee.amount)}, biên lai số ${dossier.counterFee.receiptNumber}`] as [string, string]] : []),
          ['Thời gian nhận hồ sơ', vietnameseDateTime(dossier.receivedAt)],
          ['Thời gian trả kết quả', dueAt === undefined ? 'sẽ thông báo sau' : vietnameseDateTime(dueAt)],
          ['Tra cứu hồ sơ', 'không cần đăng nhập, bằng mã hồ sơ và 4 số cuối số điện thoại hoặc số định danh'],
        ],
      };
    case 'mau-02':
      return {
        lines: [...addressee, ['Thời gian nhận hồ sơ', vietnameseDateTime(dossier.receivedAt)], ['Nội dung cần bổ sung, hoàn thiện', text(details.missing) ?? text(details.name) ?? 'Theo hướng dẫn của cán bộ tiếp nhận']],
        paragraph: 'Đề nghị Ông/Bà bổ sung, hoàn thiện hồ sơ một lần, đầy đủ các nội dung trên. Thời hạn giải quyết được tính lại từ khi nhận đủ hồ sơ.',
      };
    case 'mau-03':
      return { lines: [...addressee, ['Lý do từ chối', text(details.reason) ?? 'Hồ sơ không đủ điều kiện giải quyết theo quy định']] };
    case 'mau-04': {
      const newDueAt = instant(details.newDueAt) ?? dueAt;
      return {
        lines: [...addressee, ['Thời gian nhận hồ sơ', vietnameseDateTime(dossier.receivedAt)], ['Lý do chậm', text(details.reason) ?? ''], ['Thời gian hẹn trả kết quả mới', newDueAt === undefined ? '' : vietnameseDateTime(newDueAt)]],
        paragraph: 'Cơ quan giải quyết chân thành xin lỗi Ông/Bà vì sự chậm trễ này và hẹn trả kết quả vào thời gian trên.',
      };
    }
    case 'ket-qua':
      return {
        title: text(details.title),
        lines: [...addressee, ['Thời gian nhận hồ sơ', vietnameseDateTime(dossier.receivedAt)], ...(typeof details.amount === 'number' ? [['Phí, lệ phí đã nộp', vietnameseAmount(details.amount)] as [string, string]] : [])],
        paragraph: text(details.body) ?? 'Hồ sơ đã được giải quyết theo quy định.',
      };
  }
}

/** Issues signed PDFs into the `documents` collection, once per dossier, form and source. */
export function createDocumentIssuer(options: DocumentIssuerOptions): DocumentIssuer {
  const { store } = options;
  return {
    async issue(request: DocumentRequest): Promise<IssuedDocument> {
      const id = `${request.dossierId}#${request.form}#${createHash('sha256').update(request.sourceId).digest('hex').slice(0, 16)}`;
      const existing = await store.documents.findById(id);
      if (existing) return { id, dossierId: existing.dossierId, form: existing.form, filename: existing.filename, bytes: new Uint8Array(existing.bytes) };
      const dossier = await store.dossiers.findById(request.dossierId).lean();
      if (!dossier) throw new Error(`dossier ${request.dossierId} is not in the store`);
      const procedure = await store.procedures.findById(dossier.procedureCode, { name: 1 }).lean();
      const letterhead = await options.letterhead(dossier.agencyId);
      const issuedAt = Date.now();
      const pdf = await renderForm({
        form: request.form,
        dossierCode: dossier._id,
        letterhead,
        issuedAt,
        ...formBody(request.form, dossier, procedure?.name ?? dossier.procedureCode, request.details),
      });
      const bytes = await signPdf(pdf, options.identity, { reason: `${request.form} ${dossier._id}`, location: letterhead.place, name: letterhead.agency });
      const filename = `${dossier._id}-${request.form}.pdf`;
      try {
        await store.documents.create({
          _id: id,
          dossierId: dossier._id,
          form: request.form,
          sourceId: request.sourceId,
          filename,
          bytes: Buffer.from(bytes),
          sha256: createHash('sha256').update(bytes).digest('hex'),
          issuedAt: new Date(issuedAt),
        });
      } catch (error) {
        // Issued at the same moment by another attempt: the stored one is the document.
        if (isDuplicateKey(error)) return this.issue(request);
        throw error;
      }
      return { id, dossierId: dossier._id, form: request.form, filename, bytes };
    },
  };
}
