import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiHarness, pdfBytes } from '../api-harness.js';

/** A walk-in dossier registered by the one-stop officer: originals seen, the fee paid at the counter. */
describe('counter intake', () => {
  let api: ApiHarness;
  let procedureCode: string;

  beforeAll(async () => {
    api = await ApiHarness.create();
    procedureCode = await api.deploySample();
  });
  afterAll(() => api.teardown());

  async function submit(username: string, data: Record<string, unknown>, files = 0) {
    const form = new FormData();
    form.append('data', JSON.stringify({ procedureCode, channel: 'in-person', applicant: { name: 'Trần Văn Bình', phone: '0987 654 321' }, variables: { tenHoKinhDoanh: 'Tiệm Bình' }, ...data }));
    for (let index = 0; index < files; index++) form.append('attachments', new Blob([pdfBytes], { type: 'application/pdf' }), `ban-chup-${index}.pdf`);
    return api.request('POST', '/api/dossiers', { token: await api.token(username), form });
  }

  it('registers the dossier with the request form seen in original and the fee paid, audited, running like an online one', async () => {
    const received = await submit('mot-cua', { documents: [null], seenOriginals: ['giayDeNghi'], counterFee: { amount: 100_000, receiptNumber: 'BL-0042' } }, 1);
    expect(received.status).toBe(201);
    const { dossierId, receipt } = received.body;
    expect(receipt).toMatchObject({ channel: 'in-person', counterFee: { amount: 100_000, receiptNumber: 'BL-0042' } });
    expect(receipt.documents.map((document: { fileName: string; originalSeen: boolean }) => [document.fileName, document.originalSeen])).toEqual([
      ['ban-chup-0.pdf', false],
      ['Giấy đề nghị đăng ký hộ kinh doanh', true],
    ]);
    const seen = receipt.documents[1].id;
    expect(await api.store.attachments.findById(seen).lean()).toMatchObject({ purpose: 'original-seen', size: 0 });
    expect(await api.openTask(dossierId, 'Task_TiepNhan')).toBeTruthy();
    const audit = await api.store.auditEvents.find({ stream: `dossier:${dossierId}/api` }).sort({ sequence: 1 }).lean();
    expect(audit.map((event) => [event.action, event.details])).toEqual([
      ['dossier-submitted', expect.objectContaining({ channel: 'in-person', seenOriginals: ['giayDeNghi'] })],
      ['counter-fee-collected', { amount: 100_000, receiptNumber: 'BL-0042' }],
    ]);
    const tracked = await api.request('POST', '/api/public/track', { json: { code: dossierId, factor: '4321' } });
    expect(tracked.status).toBe(200);
  });

  it('refuses bad counter input with a structured problem and changes nothing', async () => {
    const before = await api.store.dossiers.countDocuments();
    const attachments = await api.store.attachments.countDocuments();
    const cases: Array<[Record<string, unknown>, number, string]> = [
      [{ seenOriginals: ['tenHoKinhDoanh'] }, 422, 'invalid-seen-originals'],
      [{ documents: ['giayDeNghi'], seenOriginals: ['giayDeNghi'] }, 422, 'invalid-seen-originals'],
      [{ counterFee: { amount: 5, receiptNumber: 'BL-1' } }, 422, 'fee-amount-mismatch'],
      [{ counterFee: { amount: 100_000 } }, 422, 'invalid-body'],
      [{ channel: 'post', seenOriginals: ['giayDeNghi'] }, 422, 'counter-intake-only'],
    ];
    for (const [data, status, code] of cases) {
      const refused = await submit('mot-cua', data, Array.isArray(data.documents) ? data.documents.length : 0);
      expect([refused.status, refused.body.code]).toEqual([status, code]);
    }
    expect(await api.store.dossiers.countDocuments()).toBe(before);
    expect(await api.store.attachments.countDocuments()).toBe(attachments);
  });

  it('the officer who received the dossier keeps reading it; a colleague with no step in it does not', async () => {
    const received = await submit('lan', {}, 0);
    expect(received.status).toBe(201);
    const dossierPath = `/api/dossiers/${received.body.dossierId}`;
    expect((await api.request('GET', dossierPath, { token: await api.token('lan') })).status).toBe(200);
    const colleague = await api.request('GET', dossierPath, { token: await api.token('minh') });
    expect([colleague.status, colleague.body.code]).toEqual([403, 'unrelated-dossier']);
  });

  it('a citizen cannot record counter intake', async () => {
    const refused = await submit('an', { channel: 'online', seenOriginals: ['giayDeNghi'], counterFee: { amount: 100_000, receiptNumber: 'BL-2' } });
    expect([refused.status, refused.body.code]).toEqual([422, 'counter-intake-only']);
    const inPerson = await submit('an', { seenOriginals: ['giayDeNghi'] });
    expect([inPerson.status, inPerson.body.code]).toEqual([403, 'channel-not-allowed']);
  });
});
