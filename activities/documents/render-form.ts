import { PDFDocument, rgb } from 'pdf-lib';
import QRCode from 'qrcode';
import type { DocumentForm } from '../../engine/service-tasks/catalogue.js';
import { vietnameseDate } from '../vietnamese/dates.js';
import { centred, embedVietnameseFonts, wrap } from './pdf-text.js';

/** The agency block at the top left of every form. */
export interface Letterhead {
  /** The governing body, e.g. "UBND HUYỆN ĐÔNG ANH". */
  parent: string;
  /** The issuing agency, e.g. "UBND XÃ VIỆT HÙNG". */
  agency: string;
  /** Where it is issued, for the date line ("Việt Hùng, ngày …"). */
  place: string;
}

export interface FormContent {
  form: DocumentForm;
  dossierCode: string;
  letterhead: Letterhead;
  issuedAt: number;
  /** Label and value lines of the body, in order. */
  lines: Array<[label: string, value: string]>;
  /** A free paragraph after the lines (a result's body, a refusal's reasons). */
  paragraph?: string;
  title?: string;
}

const titles: Record<DocumentForm, string> = {
  'mau-01': 'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ',
  'mau-02': 'PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ',
  'mau-03': 'PHIẾU TỪ CHỐI TIẾP NHẬN, GIẢI QUYẾT HỒ SƠ',
  'mau-04': 'PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ',
  'ket-qua': 'KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH',
};

const formNumbers: Record<DocumentForm, string> = { 'mau-01': 'Mẫu số 01', 'mau-02': 'Mẫu số 02', 'mau-03': 'Mẫu số 03', 'mau-04': 'Mẫu số 04', 'ket-qua': 'Văn bản kết quả' };

/** Lays out one legal form on an A4 page: letterhead, national motto, date, title, dossier code as text and QR code, body. */
export async function renderForm(content: FormContent): Promise<PDFDocument> {
  const document = await PDFDocument.create();
  const { regular, bold } = await embedVietnameseFonts(document);
  const title = content.title ?? titles[content.form];
  document.setTitle(`${title} — ${content.dossierCode}`);
  document.setSubject(content.dossierCode);
  document.setProducer('MotCua');
  document.setCreationDate(new Date(content.issuedAt));
  document.setModificationDate(new Date(content.issuedAt));

  const page = document.addPage([595.28, 841.89]);
  const left = 56;
  const width = page.getWidth() - 2 * left;
  let y = 790;
  centred(page, content.letterhead.parent.toUpperCase(), regular, 11, 150, y);
  centred(page, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', bold, 11, 400, y);
  y -= 15;
  centred(page, content.letterhead.agency.toUpperCase(), bold, 11, 150, y);
  centred(page, 'Độc lập - Tự do - Hạnh phúc', bold, 11, 400, y);
  y -= 22;
  page.drawText(formNumbers[content.form], { x: left, y, size: 9, font: regular, color: rgb(0.3, 0.3, 0.3) });
  centred(page, `${content.letterhead.place}, ${vietnameseDate(content.issuedAt)}`, regular, 11, 400, y);

  const qr = await document.embedPng(await QRCode.toBuffer(content.dossierCode, { errorCorrectionLevel: 'M', margin: 2, scale: 4 }));
  page.drawImage(qr, { x: page.getWidth() - left - 80, y: y - 100, width: 80, height: 80 });
  y -= 50;
  for (const line of wrap(title, bold, 14, width - 100)) {
    centred(page, line, bold, 14, (page.getWidth() - 100) / 2 + 10, y);
    y -= 19;
  }
  page.drawText(`Mã hồ sơ: ${content.dossierCode}`, { x: left, y: y - 6, size: 12, font: bold });
  y -= 40;

  for (const [label, value] of content.lines) {
    const labelText = `${label}: `;
    const labelWidth = bold.widthOfTextAtSize(labelText, 11);
    page.drawText(labelText, { x: left, y, size: 11, font: bold });
    for (const [index, line] of wrap(value, regular, 11, width - labelWidth).entries()) {
      page.drawText(line, { x: left + labelWidth, y: y - index * 15, size: 11, font: regular });
      if (index > 0) y -= 15;
    }
    y -= 20;
  }
  if (content.paragraph) {
    for (const line of wrap(content.paragraph, regular, 11, width)) {
      page.drawText(line, { x: left, y, size: 11, font: regular });
      y -= 15;
    }
  }
  y -= 30;
  centred(page, 'NGƯỜI KÝ', bold, 11, 420, y);
  centred(page, '(Ký số)', regular, 10, 420, y - 14);
  return document;
}

