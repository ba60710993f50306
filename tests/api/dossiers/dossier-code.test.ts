import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiHarness, pdfBytes } from '../api-harness.js';

/** Finding 9 of issue 19: failed submissions left gaps in the dossier codes. */
describe('dossier codes of failed submissions', () => {
  let api: ApiHarness;
  let procedureCode: string;

  beforeAll(async () => {
    api = await ApiHarness.create();
    procedureCode = await api.deploySample();
  });
  afterAll(() => api.teardown());

  const sequenceOf = (code: string) => Number(code.split('-').at(-1));

  it('gives the next accepted submission the code a failed one had taken, so the sequence keeps no gap', async () => {
    const first = await api.submitOnline(procedureCode);
    expect(first.status).toBe(201);

    // Refused by its checks: no code is taken at all.
    const html = new FormData();
    html.append('data', JSON.stringify({ procedureCode, channel: 'online', applicant: { name: 'A' } }));
    html.append('attachments', new Blob(['<html><script>alert(1)</script></html>'], { type: 'application/pdf' }), 'don.pdf');
    expect((await api.request('POST', '/api/dossiers', { token: await api.token('an'), form: html })).status).toBe(415);

    // Failing after its code was taken (Temporal does not answer): the code is given back.
    const workflow = api.context.temporal.client.workflow;
    const start = workflow.start;
    workflow.start = (async () => {
      throw new Error('Temporal is unavailable');
    }) as typeof workflow.start;
    try {
      expect((await api.submitOnline(procedureCode)).status).toBe(500);
      expect((await api.submitOnline(procedureCode)).status).toBe(500);
    } finally {
      workflow.start = start;
    }
    expect(await api.store.dossiers.countDocuments()).toBe(1);

    const second = await api.submitOnline(procedureCode);
    const third = await api.submitOnline(procedureCode);
    expect([second.status, third.status]).toEqual([201, 201]);
    expect([sequenceOf(second.body.dossierId), sequenceOf(third.body.dossierId)]).toEqual([sequenceOf(first.body.dossierId) + 1, sequenceOf(first.body.dossierId) + 2]);
  });
});
