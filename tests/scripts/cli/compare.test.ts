import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run as compare } from '../../../scripts/cli/compare.js';
import { projectRoot } from '../../../scripts/runtime/config.js';
import { runCaptured } from './capture-output.js';

const before = path.join(projectRoot, 'tests/engine/analysis/compare/fixtures/household-business-registration-before.bpmn');
const after = path.join(projectRoot, 'engine/samples/household-business-registration.bpmn');

const capture = (...args: string[]) => runCaptured(compare, ...args);

describe('motcua compare', () => {
  it('lists the changed elements, the metric table and the verdict on the 20% target', async () => {
    const { code, out, err } = await capture(before, after, '--lang', 'en');
    expect({ code, err }).toEqual({ code: 0, err: [] });
    expect(out[0]).toBe('21 added, 5 removed, 5 changed');
    expect(out).toContain('  − Task_XacMinhThucTe');
    expect(out).toContain('  ~ Process_DangKyHoKinhDoanh: agency, legalBasis, legalLimit, onlineLevel');
    expect(out.find((line) => line.startsWith('Legal time on the critical path'))).toMatch(/5WD +3WD +−40%$/);
    expect(out.find((line) => line.startsWith('Compliance cost per year'))).toMatch(/690000000 +498000000 +−27\.8%$/);
    expect(out.at(-1)).toBe('Legal time −40%, compliance cost −28%: meets the 20% target.');
  });

  it('speaks Vietnamese by default', async () => {
    const { out } = await capture(before, after);
    expect(out.at(-1)).toBe('Thời hạn −40%, chi phí tuân thủ −28%: đạt mục tiêu cắt giảm 20%.');
  });

  it('prints the comparison as JSON', async () => {
    const { code, out } = await capture(before, after, '--json');
    expect(code).toBe(0);
    expect(JSON.parse(out.join('\n'))).toMatchObject({ ok: true, comparison: { target: { met: true }, removed: expect.arrayContaining(['Task_XacMinhThucTe']) } });
  });

  it('refuses to compare a version with errors, listing them, and exits 1', async () => {
    const broken = path.join(projectRoot, 'tests/engine/compiler/fixtures/diagnostics/deadlock.bpmn');
    const { code, out } = await capture(broken, after, '--lang', 'en');
    expect(code).toBe(1);
    expect(out[0]).toBe(broken);
    expect(out[1]).toMatch(/^error +Gateway_Gop {2}\[deadlock\]/);
  });

  it('needs exactly two files', async () => {
    const { code, err } = await capture(before);
    expect(code).toBe(2);
    expect(err[0]).toMatch(/^motcua compare: usage: motcua compare <old.bpmn> <new.bpmn>/);
  });
});
