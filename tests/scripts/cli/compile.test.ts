import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run as compile } from '../../../scripts/cli/compile.js';
import { projectRoot } from '../../../scripts/runtime/config.js';
import { runCaptured as capture } from './capture-output.js';

const sample = (name: string) => path.join(projectRoot, 'engine/samples', `${name}.bpmn`);
const diagnosticFixture = (code: string) => path.join(projectRoot, 'tests/engine/compiler/fixtures/diagnostics', `${code}.bpmn`);

let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(path.join(os.tmpdir(), 'motcua-cli-'));
});
afterAll(() => rm(scratch, { recursive: true, force: true }));

describe('motcua compile', () => {
  it('prints the plan hash, the legal budget and its critical path, and exits 0', async () => {
    const { code, out, err } = await capture(compile, sample('karaoke-licence-bundle'), '--lang', 'en');
    expect(err).toEqual([]);
    expect(code).toBe(0);
    expect(out[1]).toMatch(/^plan +kinh-doanh-karaoke-tron-goi «Nhóm thủ tục mở cơ sở kinh doanh karaoke», 5 nodes, sha256 [0-9a-f]{64}$/);
    expect(out).toContain('budget        16WD against the legal limit 16WD: within');
    expect(out.find((line) => line.startsWith('critical path'))).toContain('Call_DangKyHoKinhDoanh → Sub_AnNinhTratTu');
    expect(out.at(-1)).toBe('no problems');
  });

  it('prints the plan, diagnostics and analysis as JSON', async () => {
    const { code, out } = await capture(compile, sample('household-business-registration'), '--json');
    const result = JSON.parse(out.join('\n'));
    expect(code).toBe(0);
    expect(result).toMatchObject({ ok: true, hash: expect.stringMatching(/^[0-9a-f]{64}$/), plan: { schemaVersion: 1, procedure: { code: 'dang-ky-ho-kinh-doanh' } } });
    expect(result.analysis.budget.text).toBe('3WD');
  });

  it('lists the errors with their element ids, in Vietnamese by default, and exits 1', async () => {
    const { code, out } = await capture(compile, diagnosticFixture('deadlock'));
    expect(code).toBe(1);
    expect(out).toContain('lỗi      Gateway_Gop  [deadlock] Bế tắc: cổng hội tụ này chờ một nhánh không bao giờ tới (ví dụ cổng song song hội tụ các nhánh của một cổng loại trừ).');
    expect(out.at(-1)).toBe('1 lỗi');
  });

  it('checks call activities against a registry file', async () => {
    const registry = path.join(scratch, 'procedures.json');
    await writeFile(registry, JSON.stringify({ 'dang-ky-ho-kinh-doanh': { versions: [1] } }));
    expect((await capture(compile, sample('karaoke-licence-bundle'), '--registry', registry)).code).toBe(0);
    await writeFile(registry, JSON.stringify({}));
    const unknown = await capture(compile, sample('karaoke-licence-bundle'), '--registry', registry, '--lang', 'en');
    expect(unknown.code).toBe(1);
    expect(unknown.out.some((line) => line.includes('Call_DangKyHoKinhDoanh  [unknown-called-procedure]'))).toBe(true);
  });

  it.each([
    [[], /^motcua compile: usage: motcua compile <file.bpmn>/],
    [['a.bpmn', 'b.bpmn'], /^motcua compile: usage/],
    [['missing.bpmn'], /^motcua compile: cannot read file missing.bpmn: ENOENT$/],
    [[sample('birth-registration'), '--lang', 'fr'], /^motcua compile: --lang "fr" is not vi or en$/],
    [[sample('birth-registration'), '--verbose'], /^motcua compile: Unknown option '--verbose'/],
  ])('refuses %j with one line and exit 2', async (args, message) => {
    const { code, err } = await capture(compile, ...args);
    expect(code).toBe(2);
    expect(err).toEqual([expect.stringMatching(message)]);
  });

  it('refuses a registry that is not JSON', async () => {
    const registry = path.join(scratch, 'broken.json');
    await writeFile(registry, '{ not json');
    const { code, err } = await capture(compile, sample('birth-registration'), '--registry', registry);
    expect(code).toBe(2);
    expect(err[0]).toMatch(/^motcua compile: registry .*broken\.json is not JSON/);
  });

  it('reports hostile files as diagnostics, not crashes', async () => {
    const bomb = await capture(compile, diagnosticFixture('xml-doctype-forbidden'), '--lang', 'en');
    expect(bomb.code).toBe(1);
    expect(bomb.out.some((line) => line.includes('(document)  [xml-doctype-forbidden]'))).toBe(true);
  });
});
