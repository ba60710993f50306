import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fuzz, fuzzTimeoutMs } from '../../support/fuzz.js';
import { ApiHarness, pdfBytes, type ApiResponse } from '../api-harness.js';
import { schemaBody, type JsonSchema } from './schema-arbitrary.js';

const shortBudgetMs = 12_000;

/** Collections a refused request writes to by design: sign-in attempts counted, rate-limit hits. */
const countedByDesign = new Set(['signinlockouts', 'ratelimithits']);

interface Operation {
  method: string;
  path: string;
  media: 'application/json' | 'multipart/form-data';
  schema: JsonSchema;
}

interface OpenApiDocument {
  paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: JsonSchema }> } }>>;
  components: { schemas: Record<string, JsonSchema> };
}

const users = ['reformer', 'admin', 'mot-cua', 'lan', 'minh', 'lanh-dao', 'hung', 'an'];

/** Who usually calls a path, so most inputs get past authorisation to the validation behind it. */
const likelyUsers: Array<[prefix: string, users: string[]]> = [
  ['/api/procedures', ['reformer', 'admin']],
  ['/api/dossiers/{code}/extend-deadline', ['hung']],
  ['/api/dossiers', ['an']],
  ['/api/tasks', ['mot-cua', 'hung']],
  ['/api/calendars', ['admin']],
  ['/api/temporal-codec', ['admin', 'hung']],
];

describe('fuzzing the API’s JSON and multipart inputs, directed by its OpenAPI document', () => {
  let api: ApiHarness;
  let document: OpenApiDocument;
  let operations: Operation[];
  const tokens = new Map<string, string>();
  const known: Record<string, string[]> = {};

  /** Every collection's documents, hashed: what a refused request must leave as it was. */
  async function storeFingerprint(): Promise<Record<string, string>> {
    const collections = await api.dossiers.store.dossiers.db.db!.collections();
    const fingerprint: Record<string, string> = {};
    for (const collection of collections.sort((a, b) => a.collectionName.localeCompare(b.collectionName))) {
      if (countedByDesign.has(collection.collectionName.toLowerCase())) continue;
      const documents = await collection.find({}).sort({ _id: 1 }).toArray();
      fingerprint[collection.collectionName] = createHash('sha256').update(JSON.stringify(documents)).digest('hex');
    }
    return fingerprint;
  }

  /** After an accepted request its workflow may still be writing: wait until the store holds still. */
  async function settledFingerprint(): Promise<Record<string, string>> {
    let previous = await storeFingerprint();
    for (let attempt = 0; attempt < 20; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      const current = await storeFingerprint();
      if (JSON.stringify(current) === JSON.stringify(previous)) return current;
      previous = current;
    }
    return previous;
  }

  beforeAll(async () => {
    api = await ApiHarness.create();
    for (const user of users) tokens.set(user, await api.token(user));
    const procedureCode = await api.deploySample();
    const submitted = await api.submitOnline(procedureCode);
    const taskId = await api.openTask(submitted.body.dossierId, 'Task_TiepNhan');
    Object.assign(known, { code: [procedureCode, submitted.body.dossierId, submitted.body.code].filter(Boolean), taskId: [taskId], id: ['vn-national'], year: ['2026', '2027'] });
    document = (await api.request('GET', '/api/openapi.json')).body as OpenApiDocument;
    operations = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.entries(methods).flatMap(([method, operation]) =>
        Object.entries(operation.requestBody?.content ?? {}).map(([media, { schema }]) => ({ method: method.toUpperCase(), path, media: media as Operation['media'], schema })),
      ),
    );
  });
  afterAll(() => api.teardown());

  /** The operation's path with its parameters filled: the fixture's own ids, or anything. */
  const concretePath = (path: string) =>
    fc.tuple(...[...path.matchAll(/\{(\w+)\}/g)].map(([, name]) => fc.oneof(fc.constantFrom(...(known[name!] ?? ['x'])), fc.string({ minLength: 1, maxLength: 20 })))).map((values) => {
      let index = 0;
      return path.replace(/\{\w+\}/g, () => encodeURIComponent(values[index++] as string));
    });

  const attachment = fc.record({
    type: fc.constantFrom('application/pdf', 'image/png', 'text/plain', 'application/x-msdownload', ''),
    bytes: fc.oneof(fc.constant(pdfBytes), fc.uint8Array({ maxLength: 2048 })),
    name: fc.constantFrom('giay-de-nghi.pdf', '../../etc/passwd', '', 'a'.repeat(300), 'ảnh.png'),
  });

  /** A multipart body: `data` as JSON from the schema (or not JSON at all), and a few files. */
  const multipartBody = (schema: JsonSchema) =>
    fc.record({
      data: fc.oneof({ weight: 5, arbitrary: schemaBody(schema.properties?.data?.contentSchema ?? {}, document.components.schemas).map((body) => JSON.stringify(body)) }, { weight: 1, arbitrary: fc.string({ maxLength: 30 }) }),
      files: fc.array(attachment, { maxLength: 3 }),
      stray: fc.option(fc.string({ maxLength: 10 }), { nil: undefined }),
    }).map(({ data, files, stray }) => {
      const form = new FormData();
      form.append('data', data);
      for (const file of files) form.append('attachments', new Blob([file.bytes], { type: file.type }), file.name);
      if (stray !== undefined) form.append(stray || 'x', 'stray');
      return form;
    });

  const request = () =>
    fc.constantFrom(...operations).chain((operation) =>
      fc.record({
        operation: fc.constant(operation),
        path: concretePath(operation.path),
        user: fc.oneof(
          { weight: 3, arbitrary: fc.constantFrom(...(likelyUsers.find(([prefix]) => operation.path.startsWith(prefix))?.[1] ?? users)) },
          { weight: 1, arbitrary: fc.constantFrom(...users) },
          { weight: 1, arbitrary: fc.constant(undefined) },
        ),
        body: operation.media === 'multipart/form-data' ? multipartBody(operation.schema) : schemaBody(operation.schema, document.components.schemas),
      }),
    );

  function expectProblem(response: ApiResponse) {
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(response.body).toMatchObject({ status: response.status, code: expect.any(String), title: expect.any(String), type: expect.any(String) });
  }

  it('answers every input with no 500, refuses with a problem document, and a refusal changes nothing in the store', async () => {
    expect(operations.length).toBeGreaterThan(15);
    expect(operations.some((operation) => operation.media === 'multipart/form-data')).toBe(true);
    let before = await settledFingerprint();
    // Which answers the inputs met, so a run shows it reached past authentication and validation.
    const answers = new Map<number, number>();
    await fuzz(
      'api/request-inputs',
      shortBudgetMs,
      fc.asyncProperty(request(), async ({ operation, path, user, body }) => {
        const token = user && tokens.get(user);
        const options = operation.media === 'multipart/form-data' ? { token, form: body as FormData } : { token, json: body };
        const response = await api.request(operation.method, path, options);
        answers.set(response.status, (answers.get(response.status) ?? 0) + 1);
        const what = `${operation.method} ${path} as ${user ?? 'nobody'}: ${response.status} ${JSON.stringify(response.body).slice(0, 300)}`;
        // A 503 of a part not configured here (payments) is a structured refusal too; a 500 never is.
        expect(response.status, what).not.toBe(500);
        if (response.status >= 400) {
          expectProblem(response);
          expect(await storeFingerprint(), what).toEqual(before);
        } else before = await settledFingerprint();
      }),
    );
    console.log(`fuzz api/request-inputs answers: ${[...answers].sort(([a], [b]) => a - b).map(([status, count]) => `${status} ×${count}`).join(', ')}`);
    expect([...answers.keys()].some((status) => status < 300)).toBe(true);
  }, fuzzTimeoutMs(shortBudgetMs) + 120_000);
});
