import { describe, expect, it } from 'vitest';
import { checkConditions, closeNames } from '../../../engine/compiler/check-conditions.js';
import { CompileContext } from '../../../engine/compiler/compile-context.js';
import type { PlanNode, PlanNodeOf, PlanScope } from '../../../engine/plan/procedure-plan.js';

type Field = Extract<PlanNodeOf<'userTask'>['form'], { fields: unknown }>['fields'][number];

const field = (key: string, type: Field['type'], options?: string[]): Field => ({
  key,
  label: key,
  type,
  required: true,
  ...(options ? { options: options.map((value) => ({ value, label: value })) } : {}),
});

/** The receipt step (the citizen's form) and the appraisal, whose outcome `ketQua` the gateway reads. */
const steps: PlanNode[] = [
  {
    type: 'userTask',
    id: 'Task_TiepNhan',
    incoming: [],
    outgoing: [],
    citizenFacing: true,
    assignment: { role: 'can-bo-mot-cua', unit: 'bo-phan-mot-cua', agency: 'ubnd-xa' },
    form: { fields: [field('soTien', 'number'), field('daNop', 'boolean'), field('giayTo', 'file'), field('loai', 'choice', ['ca-nhan', 'to-chuc']), field('hoTen', 'text')] },
  },
  {
    type: 'userTask',
    id: 'Task_ThamDinh',
    incoming: [],
    outgoing: [],
    citizenFacing: false,
    assignment: { role: 'chuyen-vien', unit: 'phong-chuyen-mon', agency: 'ubnd-xa' },
    form: { fields: [field('approved', 'boolean')] },
    outcomes: [
      { value: 'dat', label: 'Đạt' },
      { value: 'tu-choi', label: 'Từ chối', kind: 'refusal' },
    ],
    outcomeVariable: 'ketQua',
  },
];

/** The diagnostics (code @ flow) of a process whose gateway's flows carry these conditions. */
function diagnosticsOf(conditions: string[], extra: PlanNode[] = []): string[] {
  const process: PlanScope = {
    id: 'Process_1',
    nodes: [...steps, ...extra, { type: 'exclusiveGateway', id: 'Gateway_Re', incoming: [], outgoing: [] }],
    flows: conditions.map((condition, index) => ({ id: `Flow_${index + 1}`, source: 'Gateway_Re', target: 'Task_ThamDinh', condition })),
  };
  const context = new CompileContext(undefined, []);
  checkConditions(context, process);
  return context.diagnostics.map((diagnostic) => `${diagnostic.code} @ ${diagnostic.elementId}`);
}

function hintOf(condition: string): string {
  const process: PlanScope = { id: 'Process_1', nodes: steps, flows: [{ id: 'Flow_1', source: 'Task_TiepNhan', target: 'Task_ThamDinh', condition }] };
  const context = new CompileContext(undefined, []);
  checkConditions(context, process);
  return context.diagnostics[0]!.hint.en;
}

describe('checkConditions', () => {
  it('reports a JUEL/Groovy condition on its flow, with the FEEL rewrite as the hint', () => {
    expect(diagnosticsOf(['approved == true'])).toEqual(['juel-condition @ Flow_1']);
    expect(hintOf('approved == true')).toBe('Write it in FEEL: approved = true');
    expect(hintOf('${daNop && !approved}')).toBe('Write it in FEEL: daNop and not(approved)');
  });

  it('reports a free-text label used as the condition as an unknown name', () => {
    expect(diagnosticsOf(['Yes', 'Approved'])).toEqual(['unknown-condition-variable @ Flow_1', 'unknown-condition-variable @ Flow_2']);
  });

  it('names the declared variables close to a mistyped one', () => {
    expect(diagnosticsOf(['sotien > 5'])).toEqual(['unknown-condition-variable @ Flow_1']);
    expect(hintOf('sotien > 5')).toBe('Did you mean: soTien, hoTen?');
  });

  it('reports a boolean field compared with a text, and a number field compared with a text', () => {
    expect(diagnosticsOf(['daNop = "true"', 'soTien > "1000000"'])).toEqual(['condition-type-mismatch @ Flow_1', 'condition-type-mismatch @ Flow_2']);
    expect(hintOf('daNop = "true"')).toBe('Write daNop = true, daNop = false or not(daNop), without quotes.');
  });

  it('reports an outcome, or a choice field, compared with a value it does not offer, naming its values', () => {
    expect(diagnosticsOf(['ketQua = "approved"', '"ca nhan" = loai'])).toEqual(['condition-type-mismatch @ Flow_1', 'condition-type-mismatch @ Flow_2']);
    expect(hintOf('ketQua = "approved"')).toBe('Use one of its values: "dat", "tu-choi".');
  });

  it('warns of a condition that reads no variable', () => {
    expect(diagnosticsOf(['true', '1 = 1'])).toEqual(['constant-condition @ Flow_1', 'constant-condition @ Flow_2']);
  });

  it('accepts conditions that read declared data the right way', () => {
    expect(
      diagnosticsOf([
        'ketQua = "dat"',
        'soTien > 1000000',
        'not(daNop)',
        'count(giayTo) > 0',
        'loai = "to-chuc" and hoTen != ""',
        'some g in giayTo satisfies g != null',
        'Task_ThamDinh.outcome = "dat"',
        'channel = "online"',
        'today() > date("2026-01-01")',
      ]),
    ).toEqual([]);
  });

  it('leaves names unchecked when something may bring variables the plan does not name, but still checks the declared ones', () => {
    const wait: PlanNode = { type: 'messageCatchEvent', id: 'Event_Cho', incoming: [], outgoing: [], message: 'ket-qua-xac-minh' };
    expect(diagnosticsOf(['xacMinh = "dat"', 'daNop = "true"'], [wait])).toEqual(['condition-type-mismatch @ Flow_2']);
  });

  it('knows what a service task adds to the dossier', () => {
    const fee: PlanNode = { type: 'serviceTask', id: 'Task_ThuPhi', incoming: [], outgoing: [], citizenFacing: false, activityType: 'thu-phi', input: [{ target: 'amount', expression: '100000' }] };
    const http: PlanNode = {
      type: 'serviceTask',
      id: 'Task_TraCuu',
      incoming: [],
      outgoing: [],
      citizenFacing: false,
      activityType: 'goi-http',
      input: [{ target: 'outputs', expression: '{maSoThue: "data.taxCode"}' }],
    };
    expect(diagnosticsOf(['payment.amount > 0', 'paymentId != null', 'maSoThue != null', 'maSoThu != null'], [fee, http])).toEqual(['unknown-condition-variable @ Flow_4']);
  });
});

describe('a gateway without a default flow', () => {
  /** The messages (en) of a gateway whose outgoing flows carry these conditions. */
  function warningsOf(conditions: string[]): string[] {
    const flows = conditions.map((condition, index) => ({ id: `Flow_${index + 1}`, source: 'Gateway_Re', target: 'Task_ThamDinh', condition }));
    const process: PlanScope = {
      id: 'Process_1',
      nodes: [...steps, { type: 'exclusiveGateway', id: 'Gateway_Re', incoming: [], outgoing: flows.map((flow) => flow.id) }],
      flows,
    };
    const context = new CompileContext(undefined, []);
    checkConditions(context, process);
    return context.diagnostics.map((diagnostic) => `${diagnostic.code} @ ${diagnostic.elementId}: ${diagnostic.message.en}`);
  }

  it('is not warned about when its conditions take every outcome, option or truth value', () => {
    expect(warningsOf(['ketQua = "dat"', 'ketQua = "tu-choi"'])).toEqual([]);
    expect(warningsOf(['daNop', 'not(daNop)'])).toEqual([]);
    expect(warningsOf(['loai = "ca-nhan" or daNop', 'loai = "to-chuc"', 'not(daNop)'])).toEqual([]);
  });

  it('names the value that takes no branch', () => {
    expect(warningsOf(['ketQua = "dat"', 'approved = true'])).toEqual([
      'non-exhaustive-gateway @ Gateway_Re: The gateway has no default flow, and when ketQua = "tu-choi", approved = false no condition holds: the dossier stops here.',
    ]);
    expect(warningsOf(['daNop = true', 'loai = "to-chuc" and not(daNop)'])).toEqual([
      'non-exhaustive-gateway @ Gateway_Re: The gateway has no default flow, and when daNop = false, loai = "ca-nhan" no condition holds: the dossier stops here.',
    ]);
  });

  it('is warned about as before when its conditions read data of many values', () => {
    expect(warningsOf(['soTien > 1000000', 'soTien < 500000'])).toEqual([
      'non-exhaustive-gateway @ Gateway_Re: The gateway has no default flow: when no condition holds, the dossier stops here.',
    ]);
  });
});

describe('closeNames', () => {
  it('lists the declared names a few edits away, closest first', () => {
    expect(closeNames('ketqua', ['soTien', 'ketLuan', 'ketQua'])).toEqual(['ketQua', 'ketLuan']);
    expect(closeNames('Yes', ['ketQua', 'soTien'])).toEqual([]);
  });
});
