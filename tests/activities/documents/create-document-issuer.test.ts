import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentIssuer } from '../../../activities/documents/document-issuer.js';
import { verifyPdfSignature } from '../../../activities/documents/pdf-signature.js';
import { documentForms } from '../../../engine/service-tasks/catalogue.js';
import type { Store } from '../../../store/store.js';
import { storeWithDossier, testDocumentIssuer } from '../support/document-fixtures.js';
import { pdfQrCodes, pdfText } from '../support/pdf-reading.js';

const code = '000.00.12.H56-260212-0007';

describe('legal documents as signed PDFs', () => {
  let store: Store;
  let issuer: DocumentIssuer;
  let dispose: () => Promise<void>;

  beforeAll(async () => {
    ({ store, dispose } = await storeWithDossier(code));
    issuer = testDocumentIssuer(store);
  });
  afterAll(() => dispose());

  it('Form 01: code, names and Vietnamese dates read back with their diacritics; the QR code decodes to the code; the signature verifies', async () => {
    const document = await issuer.issue({ dossierId: code, form: 'mau-01', sourceId: 'receipt', details: {} });
    const text = await pdfText(document.bytes);
    expect(text).toContain('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ');
    expect(text).toContain(`Mã hồ sơ: ${code}`);
    expect(text).toContain('Nguyễn Thị Hường');
    expect(text).toContain('Đăng ký thành lập hộ kinh doanh');
    expect(text).toContain('UBND XÃ VIỆT HÙNG');
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('10 giờ 00 phút, ngày 12 tháng 02 năm 2026');
    expect(text).toContain('17 giờ 00 phút, ngày 26 tháng 02 năm 2026');
    expect(await pdfQrCodes(document.bytes)).toEqual([code]);
    expect(await verifyPdfSignature(document.bytes)).toEqual({ valid: true, signer: 'UBND xa Viet Hung (thu nghiem)' });
  });

  it('a modified byte breaks the signature', async () => {
    const document = await issuer.issue({ dossierId: code, form: 'mau-01', sourceId: 'receipt', details: {} });
    const text = Buffer.from(document.bytes).toString('latin1');
    // Change one byte of the page content, outside the signature itself.
    const at = text.indexOf('/Producer');
    const tampered = Uint8Array.from(document.bytes);
    tampered[at + 1] = tampered[at + 1]! ^ 0x01;
    expect((await verifyPdfSignature(tampered)).valid).toBe(false);
    expect(await verifyPdfSignature(new TextEncoder().encode('%PDF-1.7 not signed'))).toEqual({ valid: false, problem: 'no signature' });
  });

  it('issues each form with its own title and content, once per source', async () => {
    const titles = {
      'mau-02': 'PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ',
      'mau-03': 'PHIẾU TỪ CHỐI TIẾP NHẬN, GIẢI QUYẾT HỒ SƠ',
      'mau-04': 'PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ',
      'ket-qua': 'KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH',
    } as const;
    const details = { missing: 'Bản sao giấy chứng nhận quyền sử dụng đất', reason: 'Chờ ý kiến cơ quan thuế', newDueAt: Date.parse('2026-03-03T10:00:00Z') };
    for (const form of documentForms.filter((candidate) => candidate !== 'mau-01')) {
      const document = await issuer.issue({ dossierId: code, form, sourceId: `source-${form}`, details });
      const text = await pdfText(document.bytes);
      expect(text).toContain(titles[form]);
      expect(text).toContain(code);
      expect(await pdfQrCodes(document.bytes)).toEqual([code]);
      expect([form, await verifyPdfSignature(document.bytes)]).toEqual([form, { valid: true, signer: 'UBND xa Viet Hung (thu nghiem)' }]);
    }
    const supplementation = await pdfText((await issuer.issue({ dossierId: code, form: 'mau-02', sourceId: 'source-mau-02', details })).bytes);
    expect(supplementation).toContain('Bản sao giấy chứng nhận quyền sử dụng đất');
    const apology = await pdfText((await issuer.issue({ dossierId: code, form: 'mau-04', sourceId: 'source-mau-04', details })).bytes);
    expect(apology).toContain('Chờ ý kiến cơ quan thuế');
    expect(apology).toContain('17 giờ 00 phút, ngày 03 tháng 03 năm 2026');
    expect(await store.documents.countDocuments({ dossierId: code })).toBe(5);
  });

  it('refuses a dossier that is not in the store, storing nothing', async () => {
    await expect(issuer.issue({ dossierId: 'KHONG-CO', form: 'mau-01', sourceId: 'x', details: {} })).rejects.toThrow('dossier KHONG-CO is not in the store');
    expect(await store.documents.countDocuments({ dossierId: 'KHONG-CO' })).toBe(0);
  });
});
