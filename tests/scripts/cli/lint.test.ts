import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run as lint } from '../../../scripts/cli/lint.js';
import { projectRoot } from '../../../scripts/runtime/config.js';
import { runCaptured as capture } from './capture-output.js';

const diagnosticFixture = (code: string) => path.join(projectRoot, 'tests/engine/compiler/fixtures/diagnostics', `${code}.bpmn`);

describe('motcua lint', () => {
  it('lists each diagnostic with its element id and a count, exiting 1 on errors', async () => {
    const { code, out } = await capture(lint, diagnosticFixture('missing-condition'), '--lang', 'en');
    expect(code).toBe(1);
    expect(out[0]).toBe('error    Flow_ThieuDieuKien  [missing-condition] A flow leaving a branching gateway has no condition and is not the default flow.');
    expect(out.at(-1)).toBe('1 error');
  });

  it('exits 0 when there are only warnings', async () => {
    const { code, out } = await capture(lint, diagnosticFixture('non-exhaustive-gateway'), '--lang', 'en');
    expect(code).toBe(0);
    expect(out.at(-1)).toBe('1 warning');
  });

  it('prints the diagnostics as JSON', async () => {
    const { code, out } = await capture(lint, diagnosticFixture('lack-of-synchronization'), '--json');
    expect(code).toBe(1);
    expect(JSON.parse(out.join('\n'))).toEqual({
      ok: false,
      diagnostics: [expect.objectContaining({ code: 'lack-of-synchronization', severity: 'error', elementId: 'Gateway_Gop' })],
    });
  });
});
