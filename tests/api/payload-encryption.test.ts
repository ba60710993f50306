import { fileURLToPath } from 'node:url';
import { Client } from '@temporalio/client';
import { defaultPayloadConverter, type Payload } from '@temporalio/common';
import proto from '@temporalio/proto';
import { Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codecCookieName } from '../../api/auth/codec-cookie.js';
import { encryptedEncoding } from '../../scripts/runtime/payload-codec.js';
import { testDataConverter, testPayloadCodec } from '../support/payload-codec.js';
import { ApiHarness, pdfBytes, receiptForm } from './api-harness.js';

type History = proto.temporal.api.history.v1.IHistory;

const applicant = { name: 'Phạm Thị Hồng Nhung', idNumber: '079188001234', phone: '0987654321', address: '12 Lê Lợi, Huế' };
const webUiOrigin = 'http://127.0.0.1:8233';
const workflowsPath = fileURLToPath(new URL('../../workflows/index.ts', import.meta.url));

/** Every payload anywhere in a history (inputs, results, Update and Signal arguments, memos, search attributes). */
function payloadsOf(value: unknown, found: Payload[] = []): Payload[] {
  if (value instanceof Uint8Array || value === null || typeof value !== 'object') return found;
  if ('data' in value && 'metadata' in value && (value as Payload).data instanceof Uint8Array) found.push(value as Payload);
  else for (const child of Object.values(value)) payloadsOf(child, found);
  return found;
}

/** All the text a history carries: its JSON with every byte field read as UTF-8. */
function textOf(history: History): string {
  return JSON.stringify(history, (_key, value: unknown) => (value instanceof Uint8Array ? Buffer.from(value).toString('utf8') : value));
}

const wire = (payload: Payload) => ({
  metadata: Object.fromEntries(Object.entries(payload.metadata ?? {}).map(([key, value]) => [key, Buffer.from(value).toString('base64')])),
  data: Buffer.from(payload.data ?? new Uint8Array()).toString('base64'),
});

describe('encrypted workflow payloads (AES-256-GCM codec)', () => {
  let api: ApiHarness;
  let dossierId: string;
  let history: History;

  beforeAll(async () => {
    api = await ApiHarness.create({ settings: { temporalUiOrigins: [webUiOrigin] } });
    const procedureCode = await api.deploySample();
    const form = new FormData();
    form.append('data', JSON.stringify({ procedureCode, channel: 'online', applicant, variables: { tenHoKinhDoanh: 'Quán Bún Nhung' }, documents: ['giayDeNghi'] }));
    form.append('attachments', new Blob([pdfBytes], { type: 'application/pdf' }), 'giay-de-nghi.pdf');
    const submitted = await api.request('POST', '/api/dossiers', { token: await api.token('an'), form });
    expect(submitted.status).toBe(201);
    dossierId = submitted.body.dossierId;
    // An Update's arguments carry personal data too: the officer's receipt form.
    const taskId = encodeURIComponent(await api.openTask(dossierId, 'Task_TiepNhan'));
    const token = await api.token('mot-cua');
    expect((await api.request('POST', `/api/tasks/${taskId}/claim`, { token })).status).toBe(200);
    const completed = await api.request('POST', `/api/tasks/${taskId}/complete`, { token, json: { formData: { ...receiptForm, hoTen: applicant.name, soDinhDanh: applicant.idNumber } } });
    expect(completed.status, JSON.stringify(completed.body)).toBe(200);
    await api.openTask(dossierId, 'Task_ThamDinh');
    // Read as someone with access to Temporal but not to the key would: a client without the codec.
    const { connection, namespace } = api.dossiers.client.options as unknown as { connection: Client['connection']; namespace: string };
    history = await new Client({ connection, namespace }).workflow.getHandle(dossierId).fetchHistory();
  });
  afterAll(() => api.teardown());

  it('leaves no applicant name, ID number, phone or address in clear in the dossier’s Temporal history', async () => {
    const payloads = payloadsOf(history);
    const encrypted = payloads.filter((payload) => Buffer.from(payload.metadata?.encoding ?? []).toString() === encryptedEncoding);
    // Search attributes are the only payloads left in clear (Temporal indexes them): code, agency,
    // status, dates, and the SDK's record of patches.
    const searchAttributeNames = ['DossierCode', 'ProcedureCode', 'AgencyId', 'DossierStatus', 'DueAt', 'Overdue', 'TemporalChangeVersion'];
    const searchAttributes = history.events!.flatMap((event) => Object.keys(event.workflowExecutionStartedEventAttributes?.searchAttributes?.indexedFields ?? event.upsertWorkflowSearchAttributesEventAttributes?.searchAttributes?.indexedFields ?? {}));
    expect(new Set(searchAttributes)).toEqual(new Set(searchAttributeNames));
    expect(encrypted.length).toBeGreaterThan(5);
    const text = textOf(history);
    for (const secret of Object.values(applicant)) expect(text).not.toContain(secret);

    // The control: decrypted with the key, the same history holds them.
    const decrypted = JSON.stringify((await testPayloadCodec.decode(encrypted)).map((payload) => defaultPayloadConverter.fromPayload(payload)));
    for (const secret of Object.values(applicant)) expect(decrypted).toContain(secret);
  });

  it('replays the encrypted history with the key, and not without it', async () => {
    await expect(Worker.runReplayHistory({ workflowsPath, dataConverter: testDataConverter }, history, dossierId)).resolves.toBeUndefined();
    await expect(Worker.runReplayHistory({ workflowsPath }, history, dossierId)).rejects.toThrow();
  });

  describe('the codec endpoint of the Temporal Web UI', () => {
    const startedInput = () => history.events![0]!.workflowExecutionStartedEventAttributes!.input!.payloads! as Payload[];
    const decode = (options: { token?: string; headers?: Record<string, string> }) => api.request('POST', '/api/temporal-codec/decode', { ...options, json: { payloads: startedInput().map(wire) } });
    const decodedText = (body: { payloads: Array<{ data: string }> }) => body.payloads.map((payload) => Buffer.from(payload.data, 'base64').toString('utf8')).join('');

    it('decodes for an agency administrator or a supervisor (bearer token)', async () => {
      for (const user of ['admin', 'hung']) {
        const response = await decode({ token: await api.token(user) });
        expect(response.status).toBe(200);
        expect(decodedText(response.body)).toContain(applicant.idNumber);
      }
    });

    it('refuses without a token (401) and to other roles (403), saying nothing of the contents', async () => {
      const anonymous = await decode({});
      expect(anonymous.status).toBe(401);
      expect(anonymous.headers.get('content-type')).toContain('application/problem+json');
      for (const user of ['an', 'reformer', 'kiem-toan', 'lan']) {
        const refused = await decode({ token: await api.token(user) });
        expect(refused.status, user).toBe(403);
        expect(JSON.stringify(refused.body)).not.toContain(applicant.idNumber);
      }
    });

    it('the Web UI’s way: the codec cookie set at sign-in, sent cross-origin with credentials from the allowed origin', async () => {
      const login = await api.request('POST', '/api/auth/login', { json: { username: 'admin', password: 'motcua-demo' } });
      const cookie = login.headers.getSetCookie().find((line) => line.startsWith(`${codecCookieName}=`))!;
      expect(cookie).toMatch(/HttpOnly/);
      expect(cookie).toMatch(/SameSite=Strict/);
      expect(cookie).toMatch(/Path=\/api\/temporal-codec/);
      const preflight = await fetch(`${api.url}/api/temporal-codec/decode`, { method: 'OPTIONS', headers: { Origin: webUiOrigin, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type,x-namespace' } });
      expect(preflight.headers.get('access-control-allow-origin')).toBe(webUiOrigin);
      expect(preflight.headers.get('access-control-allow-credentials')).toBe('true');
      expect(preflight.headers.get('access-control-allow-headers')).toContain('X-Namespace');
      const decoded = await decode({ headers: { Cookie: cookie.split(';')[0]!, Origin: webUiOrigin, 'X-Namespace': 'motcua' } });
      expect(decoded.status).toBe(200);
      expect(decoded.headers.get('access-control-allow-origin')).toBe(webUiOrigin);
      expect(decodedText(decoded.body)).toContain(applicant.idNumber);
      // Another origin gets no CORS grant, so a browser there cannot read the answer.
      const elsewhere = await fetch(`${api.url}/api/temporal-codec/decode`, { method: 'OPTIONS', headers: { Origin: 'http://evil.example', 'Access-Control-Request-Method': 'POST' } });
      expect(elsewhere.headers.get('access-control-allow-origin')).toBeNull();
    });

    it('sets no codec cookie for a citizen, and the cookie opens no other route', async () => {
      const citizen = await api.request('POST', '/api/auth/login', { json: { username: 'an', password: 'motcua-demo' } });
      expect(citizen.headers.getSetCookie().find((line) => line.startsWith(`${codecCookieName}=`))).toMatch(/Expires=Thu, 01 Jan 1970/);
      const admin = await api.request('POST', '/api/auth/login', { json: { username: 'admin', password: 'motcua-demo' } });
      const cookie = admin.headers.getSetCookie().find((line) => line.startsWith(`${codecCookieName}=`))!.split(';')[0]!;
      expect((await api.request('GET', '/api/me', { headers: { Cookie: cookie } })).status).toBe(401);
    });

    it('encodes with the current key what it decodes back', async () => {
      const token = await api.token('admin');
      const plain = defaultPayloadConverter.toPayload({ note: applicant.phone });
      const encoded = await api.request('POST', '/api/temporal-codec/encode', { token, json: { payloads: [wire(plain)] } });
      expect(encoded.status).toBe(200);
      expect(Buffer.from(encoded.body.payloads[0].metadata.encoding, 'base64').toString()).toBe(encryptedEncoding);
      expect(Buffer.from(encoded.body.payloads[0].data, 'base64').toString('utf8')).not.toContain(applicant.phone);
      const decoded = await api.request('POST', '/api/temporal-codec/decode', { token, json: encoded.body });
      expect(decodedText(decoded.body)).toContain(applicant.phone);
    });
  });
});
