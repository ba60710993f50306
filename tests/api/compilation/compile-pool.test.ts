import { readdir, readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CompilePool } from '../../../api/compilation/compile-pool.js';
import { Problem } from '../../../api/http/problem.js';
import { readProcedureIdentity } from '../../../api/compilation/procedure-identity.js';
import { compareProcedures } from '../../../engine/analysis/compare/compare-procedures.js';
import { compile } from '../../../engine/compiler/compile.js';
import { generateProcedure } from '../../bench/support/generated-procedure.js';
import { sampleFile } from '../../workflows/dossier-harness.js';
import { ApiHarness } from '../api-harness.js';

const sampleXml = () => readFile(sampleFile('household-business-registration'), 'utf8');
const failingXml = () => readFile(new URL('../../engine/compiler/fixtures/diagnostics/deadlock.bpmn', import.meta.url), 'utf8');
/** The engine's result as plain data: its canonical text and hash are getters worked out on first use. */
const plain = async (xml: string, procedures?: Parameters<typeof compile>[1]) => {
  const result = await compile(xml, procedures);
  return { ...result, canonical: result.canonical, hash: result.hash };
};

describe('the compile pool', () => {
  const pool = new CompilePool({ threads: 1, queueLimit: 1 });
  afterAll(() => pool.close());

  it('answers what the engine compiles in the API thread: plan, hash, diagnostics and analysis', async () => {
    const xml = await sampleXml();
    const inPool = await pool.compile(xml);
    expect(inPool.ok).toBe(true);
    expect(inPool.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(inPool).toEqual(await plain(xml));
  });

  it('answers the same diagnostics for a model with errors, and checks call activities against the registry it is given', async () => {
    const xml = await failingXml();
    const inPool = await pool.compile(xml);
    expect(inPool.ok).toBe(false);
    expect(inPool.diagnostics.some((d) => d.severity === 'error')).toBe(true);
    expect(inPool).toEqual(await plain(xml));
    const registry = { 'thu-tuc-khac': { versions: [1, 2], legalLimit: '5WD' } };
    expect(await pool.compile(await sampleXml(), registry)).toEqual(await plain(await sampleXml(), { procedures: registry }));
  });

  it('answers only the verdict when asked to check: diagnostics and analysis as compiled, no plan', async () => {
    for (const xml of [await sampleXml(), await failingXml()]) {
      const { ok, diagnostics, analysis } = await plain(xml);
      expect(await pool.check(xml)).toEqual({ ok, diagnostics, analysis });
    }
  });

  it('compares two versions as the engine does', async () => {
    const before = await plain(await sampleXml());
    const after = await plain((await sampleXml()).replace('name="Thẩm định', 'name="Xem xét'));
    const versions = [{ plan: before.plan!, analysis: before.analysis! }, { plan: after.plan!, analysis: after.analysis! }] as const;
    expect(await pool.compare(...versions)).toEqual(compareProcedures(...versions));
  });

  it('reads the procedure a model declares as the API thread does, and nothing from XML that is not BPMN', async () => {
    const xml = await sampleXml();
    expect(await pool.readIdentity(xml)).toEqual(await readProcedureIdentity(xml));
    expect(await pool.readIdentity(xml)).toMatchObject({ code: 'dang-ky-ho-kinh-doanh' });
    expect(await pool.readIdentity('<not-bpmn/>')).toBeUndefined();
  });

  it.runIf(process.platform === 'linux')('compiles in threads of the lowest priority, leaving the CPU to the API thread', async () => {
    await pool.compile(await sampleXml());
    // /proc/self/task/<id>/stat: the 19th field is the thread's niceness (after the parenthesised name).
    const niceness = async (id: string) => Number((await readFile(`/proc/self/task/${id}/stat`, 'utf8')).split(') ')[1]!.split(' ')[16]);
    const threads = await Promise.all((await readdir('/proc/self/task')).map(niceness));
    expect(threads).toContain(19);
    expect(await niceness(String(process.pid))).toBe(0);
  });

  it('refuses a model beyond its queue with a 503 compiler-busy problem and Retry-After, and still compiles the others', async () => {
    const { xml } = generateProcedure(2_000);
    await pool.compile(await sampleXml()); // the thread is up and idle
    const running = pool.compile(xml);
    const queued = pool.compile(xml);
    let refusal: unknown;
    try {
      await pool.compile(xml);
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(Problem);
    expect(refusal).toMatchObject({ status: 503, code: 'compiler-busy', headers: { 'Retry-After': '2' } });
    expect((await running).ok).toBe(true);
    expect((await queued).ok).toBe(true);
  });
});

describe('compiling through the API', () => {
  let api: ApiHarness;
  let reformer: string;
  let code: string;
  const big = generateProcedure(5_000).xml;

  beforeAll(async () => {
    api = await ApiHarness.create({ compiler: { threads: 1, queueLimit: 1 } });
    reformer = await api.token('reformer');
    const created = await api.request('POST', '/api/procedures', { token: reformer, json: { xml: await sampleXml() } });
    expect(created.status).toBe(201);
    code = created.body.code;
  });
  afterAll(() => api.teardown());

  it('keeps the event loop turning while a 5,000-node model compiles', async () => {
    // The gaps between turns of this thread's event loop while the preview is answered: compiled in
    // the API's thread, one gap would take most of the request (the whole compile).
    let last = performance.now();
    let longestGap = 0;
    let turns = 0;
    let answered = false;
    const turn = () => {
      const now = performance.now();
      longestGap = Math.max(longestGap, now - last);
      last = now;
      turns += 1;
      if (!answered) setImmediate(turn);
    };
    const started = performance.now();
    setImmediate(turn);
    const preview = await api.request('POST', `/api/procedures/${code}/preview`, { token: reformer, json: { xml: big } });
    answered = true;
    const duration = performance.now() - started;
    expect(preview.status).toBe(200);
    expect(preview.body.ok).toBe(true);
    expect(preview.body.analysis.metrics).toBeDefined();
    expect(turns).toBeGreaterThan(100);
    expect(longestGap).toBeLessThan(duration / 3);
  });

  it('answers 503 compiler-busy with Retry-After to a preview beyond the queue, and the others in full', async () => {
    const answers = await Promise.all(Array.from({ length: 4 }, () => api.request('POST', `/api/procedures/${code}/preview`, { token: reformer, json: { xml: big } })));
    const statuses = answers.map((answer) => answer.status);
    expect(statuses).toContain(200);
    expect(statuses).toContain(503);
    expect(statuses.every((status) => status === 200 || status === 503)).toBe(true);
    const refused = answers.find((answer) => answer.status === 503)!;
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(refused.headers.get('retry-after')).toBe('2');
    expect(refused.body).toMatchObject({ status: 503, code: 'compiler-busy', type: 'https://motcua.io/problems/compiler-busy' });
    // Refused, nothing changed: the draft is the one saved, and the next preview compiles.
    expect((await api.request('POST', `/api/procedures/${code}/preview`, { token: reformer, json: {} })).body.ok).toBe(true);
  });
});
