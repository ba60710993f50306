import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile, type CompileOptions } from '../../../../engine/compiler/compile.js';

function fixture(name: string): string {
  return readFileSync(path.join(import.meta.dirname, 'fixtures', `${name}.bpmn`), 'utf8');
}

async function budgetOf(xml: string, options: CompileOptions = {}) {
  const result = await compile(xml, options);
  return { result, budget: result.analysis!.budget };
}

describe('deadline budget', () => {
  it('takes the longest of parallel branches', async () => {
    const { budget } = await budgetOf(fixture('parallel-branches'));
    expect(budget).toMatchObject({ text: '4WD', verdict: 'within', legalLimit: '4WD' });
    expect(budget.criticalPath).toEqual(['Start', 'Gateway_Tach', 'Task_B', 'Gateway_Gop', 'Task_Ky', 'End']);
  });

  it('takes the worst of exclusive branches', async () => {
    const { budget } = await budgetOf(fixture('exclusive-branches'));
    expect(budget.text).toBe('1WD');
    expect(budget.criticalPath).toContain('Task_Cham');
  });

  it('counts the declared rework rounds of a loop on top of the first pass', async () => {
    const { budget } = await budgetOf(fixture('rework-rounds'));
    // First pass 4WH + 1WD + 1WD; each of 2 extra rounds repeats appraisal (1WD) and the fix (4WH).
    expect(budget.text).toBe('5WD 4WH');
    expect(budget.reworkLoops).toEqual([{ flowId: 'Flow_LamLai', rounds: 2, extra: '3WD' }]);
    expect(budget.assumptions).toEqual([]);
  });

  it('counts a loop without declared rounds once, and flags it', async () => {
    const xml = fixture('rework-rounds').replace('<mc:rework maxRounds="2" />', '');
    const { budget, result } = await budgetOf(xml);
    expect(budget.text).toBe('2WD 4WH');
    expect(budget.assumptions).toEqual([{ kind: 'unbounded-rework', elementId: 'Flow_LamLai' }]);
    expect(result.diagnostics).toContainEqual(expect.objectContaining({ code: 'unbounded-rework', elementId: 'Flow_LamLai', severity: 'warning' }));
  });

  it('follows an interrupting boundary timer when it makes the longer path', async () => {
    const { budget } = await budgetOf(fixture('boundary-timer'));
    expect(budget.text).toBe('6WD');
    expect(budget.criticalPath).toEqual(['Start', 'Task_XuLy', 'Boundary_QuaHan', 'Task_ChuyenLanhDao', 'End_LanhDao']);
  });

  it('restarts the clock after the supplement under the restart rule, and pauses it under the pause rule', async () => {
    const restart = await budgetOf(fixture('supplementation'));
    expect(restart.budget.text).toBe('2WD');
    expect(restart.budget.criticalPath).toEqual(['Task_ChoBoSung', 'Task_ThamDinh', 'End']);
    const pause = await budgetOf(fixture('supplementation').replace('supplementationClock="restart"', 'supplementationClock="pause"'));
    expect(pause.budget.text).toBe('3WD');
    expect(pause.budget.criticalPath[0]).toBe('Start');
  });

  it('holds a subprocess to its own deadline and reports an inside that needs more', async () => {
    const { budget, result } = await budgetOf(fixture('subprocess-deadline'));
    expect(budget.text).toBe('2WD');
    expect(budget.subprocesses).toEqual([{ elementId: 'Sub_ThamDinh', total: '3WD', deadline: '2WD', verdict: 'exceeds' }]);
    const exceeded = result.diagnostics.find((diagnostic) => diagnostic.code === 'deadline-budget-exceeded' && diagnostic.elementId === 'Sub_ThamDinh');
    expect(exceeded?.message).toEqual({
      vi: 'Tổng thời hạn trên đường găng là 3 ngày làm việc, vượt thời hạn giải quyết 2 ngày làm việc.',
      en: 'The deadlines on the critical path add up to 3 working days, beyond the legal limit of 2 working days.',
    });
  });

  it('uses the called procedure’s legal limit from the registry for a call activity without a deadline', async () => {
    const known = await budgetOf(fixture('call-activity'), { procedures: { 'dang-ky-ho-kinh-doanh': { versions: [1], legalLimit: '3WD' } } });
    expect(known.budget.text).toBe('4WD');
    expect(known.budget.assumptions).toEqual([]);
    const unknown = await budgetOf(fixture('call-activity'));
    expect(unknown.budget.text).toBe('1WD');
    expect(unknown.budget.assumptions).toEqual([{ kind: 'called-procedure-time', elementId: 'Call_HoKinhDoanh' }]);
  });

  it('counts a sequential multi-instance step once, and says so', async () => {
    const { budget } = await budgetOf(fixture('sequential-instances'));
    expect(budget.text).toBe('1WD');
    expect(budget.assumptions).toEqual([{ kind: 'sequential-instances', elementId: 'Task_TungHoSo' }]);
  });

  it('has no verdict without a legal limit', async () => {
    const xml = fixture('parallel-branches').replace(' legalLimit="4WD"', '');
    const { budget } = await budgetOf(xml);
    expect(budget).toMatchObject({ verdict: 'no-limit', legalLimit: null, capacity: null, text: '4WD' });
  });
});
