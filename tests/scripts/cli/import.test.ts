import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compile } from '../../../engine/compiler/compile.js';
import { run as importCommand } from '../../../scripts/cli/import.js';
import { projectRoot } from '../../../scripts/runtime/config.js';
import { runCaptured as capture } from './capture-output.js';

const fixture = (name: string) => path.join(projectRoot, 'tests/engine/import/fixtures', name);

describe('motcua import', () => {
  let directory: string;
  beforeAll(async () => {
    directory = await mkdtemp(path.join(tmpdir(), 'motcua-import-'));
  });
  afterAll(() => rm(directory, { recursive: true, force: true }));

  it('converts a Camunda 7 model with a mapping file into a procedure that compiles, and writes it', async () => {
    const mapping = path.join(directory, 'mapping.json');
    await writeFile(mapping, JSON.stringify({ groups: { 'front-desk': { role: 'can-bo-mot-cua', unit: 'bo-phan-mot-cua' }, reviewers: { role: 'chuyen-vien', unit: 'phong-kinh-te' } }, users: {} }));
    const out = path.join(directory, 'sign-permit.bpmn');
    const { code, out: lines } = await capture(importCommand, '--from', 'camunda7', fixture('camunda7-leave-request.bpmn'), '--mapping', mapping, '--agency', 'ubnd-xa', '--legal-limit', '5WD', '--step-deadline', '1WD', '--out', out, '--lang', 'en');
    expect(code).toBe(0);
    expect(lines).toContain('converted       Flow_Approved       conditionExpression: Condition ${approved == true} → approved = true.');
    expect(lines).toContain('needs a person  Receive             camunda:taskListener: A listener runs the old tool’s code, which MotCua cannot run. Replace it with an automated step (a MotCua service task) or remove it.');
    expect(lines).toContain(`written         ${out}`);
    expect((await compile(await readFile(out, 'utf8'))).ok).toBe(true);
  });

  it('without a mapping, finds the dialect itself, lists whom to map and exits 1', async () => {
    const out = path.join(directory, 'grant.bpmn');
    const { code, out: lines } = await capture(importCommand, fixture('flowable-grant-application.bpmn'), '--out', out, '--json');
    expect(code).toBe(1);
    const printed = JSON.parse(lines.join('\n')) as { ok: boolean; assignees: Array<{ name: string; mapped: boolean }>; diagnostics: Array<{ code: string }> };
    expect(printed.ok).toBe(false);
    expect(printed.assignees.map((assignee) => assignee.name)).toEqual(['clerks', 'director', '${headOfUnit}']);
    expect(printed.diagnostics.map((diagnostic) => diagnostic.code)).toContain('missing-role');
  });

  it('refuses a mapping of the wrong shape, an unknown dialect and a file of none, with one line and exit 2, writing nothing', async () => {
    const mapping = path.join(directory, 'bad-mapping.json');
    await writeFile(mapping, JSON.stringify({ groups: { clerks: { role: '' } }, users: {} }));
    const out = path.join(directory, 'never.bpmn');
    const badMapping = await capture(importCommand, fixture('flowable-grant-application.bpmn'), '--mapping', mapping, '--out', out);
    expect(badMapping.code).toBe(2);
    expect(badMapping.err).toEqual([expect.stringMatching(/^motcua import: mapping .*bad-mapping\.json: groups\.clerks\.role: /)]);
    const badDialect = await capture(importCommand, '--from', 'bizagi', fixture('flowable-grant-application.bpmn'), '--out', out);
    expect(badDialect).toMatchObject({ code: 2, err: ['motcua import: --from "bizagi" is not one of camunda7, camunda8, flowable'] });
    const sample = path.join(projectRoot, 'engine/samples/birth-registration.bpmn');
    const none = await capture(importCommand, sample, '--out', out);
    expect(none).toMatchObject({ code: 2, err: [`motcua import: ${sample} binds no Camunda 7, Camunda 8 or Flowable namespace; say which with --from`] });
    await expect(readFile(out)).rejects.toThrow();
  });
});
