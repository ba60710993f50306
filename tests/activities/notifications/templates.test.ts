import { describe, expect, it } from 'vitest';
import { citizenMessage } from '../../../activities/notifications/templates.js';
import type { DossierDocument } from '../../../store/dossiers/dossier-model.js';

const dossier = { _id: 'HKD-0001', applicant: { name: 'Trần Văn Bình' }, receivedAt: new Date('2026-03-12T02:00:00Z') } as DossierDocument;

describe('the citizen’s messages', () => {
  it('gives a refusal its own notice with the reason and Form 03, never the result’s', () => {
    const message = citizenMessage({ kind: 'dossier-finished', data: { status: 'rejected', reason: 'Ngành, nghề thuộc danh mục cấm kinh doanh' } }, dossier)!;
    expect(message.subject).toBe('Thông báo từ chối giải quyết hồ sơ HKD-0001');
    expect(message.text).toContain('Lý do từ chối: Ngành, nghề thuộc danh mục cấm kinh doanh.');
    expect(message.form).toBe('mau-03');
    expect(`${message.subject} ${message.text}`).not.toMatch(/Kết quả giải quyết|Đã trả kết quả|có kết quả/);
  });

  it('still sends the result of a returned dossier', () => {
    expect(citizenMessage({ kind: 'dossier-finished', data: { status: 'returned' } }, dossier)).toMatchObject({ subject: 'Kết quả giải quyết hồ sơ HKD-0001', form: 'ket-qua' });
  });
});
