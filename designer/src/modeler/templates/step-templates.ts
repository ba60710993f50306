/**
 * Element templates for the typical steps of a one-stop procedure (DOMAIN.md): each is a task type
 * with its MotCua attributes filled in as the usual practice has them, for the reformer to adjust.
 */
export interface StepTemplate {
  id: 'receive' | 'appraise' | 'consult' | 'approve' | 'sign' | 'return-result';
  type: 'bpmn:UserTask';
  step: { role: string; unit?: string; deadline: string; citizenFacing?: boolean; returnsResult?: boolean };
  fields?: Array<{ key: string; label: string; type: string; required: boolean }>;
  /** A refusal names the field of its written reason, a supplementation request also the field listing the documents. */
  outcomes?: { variable: string; choices: Array<{ value: string; label: string; kind?: 'refusal' | 'supplementation'; reasonField?: string; documentsField?: string }> };
  escalation?: { dueSoonShare: string; target: string; actions: string[] };
}

/** Asked only when the outcome needing them is chosen (the task page hides them otherwise), so not required by themselves. */
const outcomeFields = [
  { key: 'giayToBoSung', label: 'Giấy tờ cần bổ sung, hoàn thiện (ghi đủ một lần)', type: 'textarea', required: false },
  { key: 'lyDoBoSung', label: 'Lý do yêu cầu bổ sung', type: 'textarea', required: false },
  { key: 'lyDoTuChoi', label: 'Lý do từ chối', type: 'textarea', required: false },
];
const supplementation = { value: 'bo-sung', label: 'Yêu cầu bổ sung', kind: 'supplementation' as const, documentsField: 'giayToBoSung', reasonField: 'lyDoBoSung' };
const refusal = { value: 'tu-choi', label: 'Từ chối', kind: 'refusal' as const, reasonField: 'lyDoTuChoi' };

export const STEP_TEMPLATES: StepTemplate[] = [
  {
    id: 'receive',
    type: 'bpmn:UserTask',
    step: { role: 'can-bo-mot-cua', unit: 'bo-phan-mot-cua', deadline: '4WH', citizenFacing: true },
    fields: [
      { key: 'hoTen', label: 'Họ và tên người nộp', type: 'text', required: true },
      { key: 'soDinhDanh', label: 'Số định danh cá nhân', type: 'text', required: true },
      ...outcomeFields,
    ],
    outcomes: {
      variable: 'tiepNhan',
      choices: [
        { value: 'tiep-nhan', label: 'Tiếp nhận' },
        supplementation,
        { ...refusal, label: 'Từ chối tiếp nhận' },
      ],
    },
    escalation: { dueSoonShare: '0.75', target: 'unit-head', actions: ['notify', 'mark-overdue'] },
  },
  {
    id: 'appraise',
    type: 'bpmn:UserTask',
    step: { role: 'chuyen-vien', deadline: '1WD' },
    fields: [{ key: 'yKienThamDinh', label: 'Ý kiến thẩm định', type: 'textarea', required: true }, ...outcomeFields],
    outcomes: {
      variable: 'ketQuaThamDinh',
      choices: [
        { value: 'dat', label: 'Đủ điều kiện' },
        supplementation,
        refusal,
      ],
    },
    escalation: { dueSoonShare: '0.75', target: 'unit-head', actions: ['notify', 'mark-overdue', 'apology-letter'] },
  },
  {
    id: 'consult',
    type: 'bpmn:UserTask',
    step: { role: 'chuyen-vien', deadline: '5WD' },
    fields: [{ key: 'yKienCoQuan', label: 'Ý kiến của cơ quan được lấy ý kiến', type: 'textarea', required: true }],
    outcomes: {
      variable: 'yKien',
      choices: [
        { value: 'dong-y', label: 'Đồng ý' },
        { value: 'khong-dong-y', label: 'Không đồng ý' },
      ],
    },
    escalation: { dueSoonShare: '0.75', target: 'unit-head', actions: ['notify', 'mark-overdue'] },
  },
  {
    id: 'approve',
    type: 'bpmn:UserTask',
    step: { role: 'truong-phong', deadline: '4WH' },
    fields: [{ key: 'yKienPheDuyet', label: 'Ý kiến phê duyệt', type: 'textarea', required: false }],
    outcomes: {
      variable: 'pheDuyet',
      choices: [
        { value: 'phe-duyet', label: 'Phê duyệt' },
        { value: 'tra-lai', label: 'Trả lại để thẩm định lại' },
      ],
    },
    escalation: { dueSoonShare: '0.75', target: 'lanh-dao', actions: ['notify', 'mark-overdue'] },
  },
  {
    id: 'sign',
    type: 'bpmn:UserTask',
    step: { role: 'lanh-dao', deadline: '4WH' },
    fields: [{ key: 'soVanBan', label: 'Số văn bản kết quả', type: 'text', required: true }],
    escalation: { dueSoonShare: '0.75', target: 'unit-head', actions: ['notify', 'mark-overdue'] },
  },
  {
    id: 'return-result',
    type: 'bpmn:UserTask',
    step: { role: 'can-bo-mot-cua', unit: 'bo-phan-mot-cua', deadline: '4WH', citizenFacing: true, returnsResult: true },
    fields: [{ key: 'ngayTra', label: 'Ngày trả kết quả', type: 'date', required: true }],
  },
];

interface Factory {
  create(type: string, attributes?: Record<string, unknown>): { $parent?: unknown; [key: string]: any };
}

/** The business object of a new step made from a template, with its extension elements. */
export function templateBusinessObject(template: StepTemplate, name: string, factory: Factory) {
  const child = <T extends { $parent?: unknown }>(parent: unknown, value: T): T => {
    value.$parent = parent;
    return value;
  };
  const task = factory.create(template.type, { name });
  const extensionElements = child(task, factory.create('bpmn:ExtensionElements', { values: [] }));
  const values = [child(extensionElements, factory.create('mc:Step', { ...template.step }))];
  if (template.fields) {
    const form = child(extensionElements, factory.create('mc:Form'));
    form.fields = template.fields.map((field) => child(form, factory.create('mc:Field', { ...field })));
    values.push(form);
  }
  if (template.outcomes) {
    const outcomes = child(extensionElements, factory.create('mc:Outcomes', { variable: template.outcomes.variable }));
    outcomes.choices = template.outcomes.choices.map((choice) => child(outcomes, factory.create('mc:Outcome', { ...choice })));
    values.push(outcomes);
  }
  if (template.escalation) {
    const { actions, ...attributes } = template.escalation;
    const escalation = child(extensionElements, factory.create('mc:Escalation', attributes));
    escalation.overdueActions = actions.map((action) => child(escalation, factory.create('mc:OnOverdue', { action })));
    values.push(escalation);
  }
  extensionElements.values = values;
  task.extensionElements = extensionElements;
  return task;
}

/** The palette's "typical steps" group: one entry per template. */
export class StepTemplatePalette {
  static $inject = ['palette', 'create', 'elementFactory', 'bpmnFactory', 'config.motcua'];

  constructor(
    palette: { registerProvider(priority: number, provider: unknown): void },
    private readonly create: { start(event: Event, shape: unknown): void },
    private readonly elementFactory: { createShape(attributes: Record<string, unknown>): unknown },
    private readonly bpmnFactory: Factory,
    private readonly config: { t(key: string): string },
  ) {
    palette.registerProvider(400, this);
  }

  getPaletteEntries() {
    return (entries: Record<string, unknown>) => ({
      ...entries,
      ...Object.fromEntries(
        STEP_TEMPLATES.map((template) => {
          const name = this.config.t(`templates.${template.id}`);
          const start = (event: Event) =>
            this.create.start(event, this.elementFactory.createShape({ type: template.type, businessObject: templateBusinessObject(template, name, this.bpmnFactory) }));
          return [
            `create.template-${template.id}`,
            { group: 'templates', className: `mc-template-entry mc-template-${template.id}`, title: name, html: `<div class="entry mc-template-entry" draggable="true" title="${name}">${name}</div>`, action: { dragstart: start, click: start } },
          ];
        }),
      ),
    });
  }
}

export const StepTemplatesModule = {
  __init__: ['motcuaStepTemplates'],
  motcuaStepTemplates: ['type', StepTemplatePalette],
};
