import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { submissionAttemptBoundMs } from '../../../api/dossiers/submission-keys.js';
import { ApiHarness, pdfBytes } from '../api-harness.js';

/** Found by the chaos suite: an API killed with a submission in flight made a second dossier when the citizen retried. */
describe('submitting a dossier with an Idempotency-Key', () => {
  let api: ApiHarness;
  let procedureCode: string;

  beforeAll(async () => {
    api = await ApiHarness.create();
    procedureCode = await api.deploySample();
  });
  afterAll(() => api.teardown());

  async function submit(key: string | undefined) {
    const form = new FormData();
    form.append('data', JSON.stringify({ procedureCode, channel: 'online', applicant: { name: `Công dân ${key}` }, variables: { tenHoKinhDoanh: 'Quán Phở An' }, documents: ['giayDeNghi'] }));
    form.append('attachments', new Blob([pdfBytes], { type: 'application/pdf' }), 'giay-de-nghi.pdf');
    return api.request('POST', '/api/dossiers', { token: await api.token('an'), form, headers: key === undefined ? {} : { 'Idempotency-Key': key } });
  }

  it('answers a retry with the first receipt and makes one dossier, one workflow', async () => {
    const first = await submit('nop-1');
    expect(first.status).toBe(201);
    const retry = await submit('nop-1');
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    expect(await api.store.dossiers.countDocuments({ 'applicant.name': 'Công dân nop-1' })).toBe(1);
    expect(await api.store.attachments.countDocuments({ dossierId: first.body.dossierId })).toBe(1);
    const other = await submit('nop-2');
    expect(other.body.dossierId).not.toBe(first.body.dossierId);
  });

  it('refuses a malformed key and changes nothing', async () => {
    const before = await api.store.dossiers.countDocuments();
    const refused = await submit('has spaces');
    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe('invalid-idempotency-key');
    expect(await api.store.dossiers.countDocuments()).toBe(before);
  });

  it('tells a retry to wait while the first attempt may still be under way, and changes nothing', async () => {
    await api.store.submissionKeys.create({ _id: 'an:nop-3', dossierId: 'dang-nop-3', at: new Date() });
    const before = await api.store.dossiers.countDocuments();
    const waiting = await submit('nop-3');
    expect(waiting.status).toBe(409);
    expect(waiting.body.code).toBe('submission-in-progress');
    expect(waiting.headers.get('retry-after')).toBe('5');
    expect(await api.store.dossiers.countDocuments()).toBe(before);
  });

  it('undoes an attempt that died before starting its workflow and submits afresh', async () => {
    const first = await submit('nop-4');
    // As if the API had died between writing the dossier and starting its workflow: a dossier without one, its key old.
    const orphan = { ...(await api.store.dossiers.findById(first.body.dossierId).lean())!, _id: 'mo-coi-4', sequence: 0 };
    await api.store.dossiers.create(orphan);
    await api.store.submissionKeys.updateOne({ _id: 'an:nop-4' }, { $set: { dossierId: 'mo-coi-4', at: new Date(Date.now() - submissionAttemptBoundMs - 1_000) } });
    const retry = await submit('nop-4');
    expect(retry.status).toBe(201);
    expect(retry.body.dossierId).not.toBe('mo-coi-4');
    expect(await api.store.dossiers.findById('mo-coi-4').lean()).toBeNull();
    expect((await api.store.submissionKeys.findById('an:nop-4').lean())?.dossierId).toBe(retry.body.dossierId);
  });
});
