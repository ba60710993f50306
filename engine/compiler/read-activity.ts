import { child, children, flag, text, type ModdleElement } from '../moddle/moddle-element.js';
import { formFieldTypes, outcomeKinds, overdueActions } from '../plan/plan-schema.js';
import type { PlanOutcome } from '../plan/outcome-fields.js';
import type { ActivityNode, PlanNodeOf, PlanScope } from '../plan/procedure-plan.js';
import { MISSING, type CompileContext } from './compile-context.js';
import { readAmount, readChoice, readDuration, readFeel, readPositiveInteger, readShare, reportInvalid } from './read-attributes.js';
import { readExtensions, type MotcuaExtensions } from './read-extensions.js';
import { messageName } from './read-events.js';
import { isServiceTaskType, serviceTaskTypes } from '../service-tasks/catalogue.js';
import { refuse } from './unsupported.js';

/** Escalation defaults, as the decree's ladder reads: warn at three quarters, escalate to the unit head. */
const DEFAULT_DUE_SOON_SHARE = 0.75;
const DEFAULT_ESCALATION_TARGET = 'unit-head';

type ActivityType = ActivityNode['type'];
type Common = Omit<PlanNodeOf<'serviceTask'>, 'type' | 'activityType' | 'input'>;

const trimmed = (element: ModdleElement | undefined, attribute: string): string | undefined =>
  (element && text(element, attribute)?.trim()) || undefined;

function readEscalation(context: CompileContext, escalation: ModdleElement, id: string): Common['escalation'] {
  const actions = children(escalation, 'overdueActions')
    .map((action) => readChoice(context, id, 'mc:onOverdue action', text(action, 'action') ?? '', overdueActions))
    .filter((action) => action !== undefined);
  return {
    dueSoonShare: readShare(context, id, 'mc:escalation dueSoonShare', text(escalation, 'dueSoonShare')) ?? DEFAULT_DUE_SOON_SHARE,
    overdueActions: [...new Set(actions)],
    target: trimmed(escalation, 'target') ?? DEFAULT_ESCALATION_TARGET,
    reassignAfter: readDuration(context, id, 'mc:escalation reassignAfter', text(escalation, 'reassignAfter')),
  };
}

function readComplianceCost(context: CompileContext, cost: ModdleElement, id: string): Common['complianceCost'] {
  const amount = (attribute: string) => readAmount(context, id, `mc:complianceCost ${attribute}`, text(cost, attribute)) ?? 0;
  return { citizenHours: amount('citizenHours'), travelCost: amount('travelCost'), copyCost: amount('copyCost'), fees: amount('fees') };
}

function readMultiInstance(context: CompileContext, activity: ModdleElement, id: string): Common['multiInstance'] | null {
  const loop = child(activity, 'loopCharacteristics');
  if (!loop) return undefined;
  if (loop.$type !== 'bpmn:MultiInstanceLoopCharacteristics') return refuse(context, id, 'standard-loop');
  const settings = readExtensions(context, loop, id)['mc:MultiInstance'];
  const collectionSource = trimmed(settings, 'collection');
  const elementVariable = trimmed(settings, 'elementVariable');
  if (!collectionSource && child(loop, 'loopCardinality')) return refuse(context, id, 'loop-cardinality');
  if (!collectionSource || !elementVariable) context.report('missing-collection', id);
  const completion = child(loop, 'completionCondition');
  const completionSource = completion && text(completion, 'body')?.trim();
  return {
    sequential: flag(loop, 'isSequential') === true,
    collection: (collectionSource && readFeel(context, id, collectionSource)) || MISSING,
    elementVariable: elementVariable ?? MISSING,
    completionCondition: completionSource ? (readFeel(context, id, completionSource) ?? MISSING) : undefined,
  };
}

function readCommon(context: CompileContext, activity: ModdleElement, id: string, extensions: MotcuaExtensions, type: ActivityType): Common | null {
  if (activity.isForCompensation === true) return refuse(context, id, 'compensation-activity');
  const multiInstance = readMultiInstance(context, activity, id);
  if (multiInstance === null) return null;
  const step = extensions['mc:Step'];
  const role = trimmed(step, 'role');
  const unit = trimmed(step, 'unit');
  const agency = trimmed(step, 'agency');
  const deadline = readDuration(context, id, 'mc:step deadline', step && text(step, 'deadline'));
  if (type === 'userTask') {
    if (!role) context.report('missing-role', id);
    if (!unit) context.report('missing-unit', id);
    if (!step || !text(step, 'deadline')?.trim()) context.report('missing-deadline', id);
  }
  if (step && flag(step, 'returnsResult') === true && type !== 'userTask') {
    reportInvalid(context, id, 'mc:step returnsResult', 'true', {
      vi: 'chỉ dùng cho bước của cán bộ (user task) trả kết quả cho công dân.',
      en: 'only the user task that hands the result to the citizen uses it.',
    });
  }
  if (step && flag(step, 'supplementation') === true && type !== 'receiveTask') {
    reportInvalid(context, id, 'mc:step supplementation', 'true', {
      vi: 'chỉ dùng cho bước nhận (receive task) chờ công dân bổ sung hồ sơ.',
      en: 'only a receive task waiting for the citizen’s supplement uses it.',
    });
  }
  const assigned = type === 'userTask' || role || unit || agency;
  return {
    id,
    name: text(activity, 'name'),
    incoming: [],
    outgoing: [],
    assignment: assigned ? { role, unit, agency: agency ?? context.defaultAgency } : undefined,
    deadline,
    citizenFacing: (step && flag(step, 'citizenFacing')) === true,
    escalation: extensions['mc:Escalation'] && readEscalation(context, extensions['mc:Escalation'], id),
    complianceCost: extensions['mc:ComplianceCost'] && readComplianceCost(context, extensions['mc:ComplianceCost'], id),
    multiInstance,
  };
}

function readForm(context: CompileContext, form: ModdleElement | undefined, id: string): PlanNodeOf<'userTask'>['form'] {
  const schemaRef = trimmed(form, 'schemaRef');
  const fields = form ? children(form, 'fields') : [];
  if (!form || (!schemaRef && fields.length === 0)) {
    context.report('missing-form', id);
    return { fields: [] };
  }
  if (schemaRef) {
    if (fields.length > 0) {
      reportInvalid(context, id, 'mc:form', `schemaRef="${schemaRef}"`, {
        vi: 'dùng danh sách trường (mc:field) hoặc schemaRef, không dùng cả hai.',
        en: 'use a field list (mc:field) or a schemaRef, not both.',
      });
    }
    return { schemaRef };
  }
  const seen = new Set<string>();
  return {
    fields: fields.map((field) => {
      const key = trimmed(field, 'key') ?? MISSING;
      if (key === MISSING || seen.has(key)) {
        reportInvalid(context, id, 'mc:field key', key, {
          vi: 'mỗi trường cần một khoá (key) riêng, không trùng.',
          en: 'every field needs a key of its own.',
        });
      }
      seen.add(key);
      const type = readChoice(context, id, 'mc:field type', text(field, 'type') ?? 'text', formFieldTypes) ?? 'text';
      const options = children(field, 'options').map((option) => {
        const value = trimmed(option, 'value') ?? MISSING;
        return { value, label: trimmed(option, 'label') ?? value };
      });
      if (type === 'choice' && options.length === 0) {
        reportInvalid(context, id, 'mc:field type', 'choice', {
          vi: 'trường lựa chọn (choice) cần ít nhất một mc:option.',
          en: 'a choice field needs at least one mc:option.',
        });
      }
      return {
        key,
        label: trimmed(field, 'label') ?? key,
        type,
        required: flag(field, 'required') === true,
        options: type === 'choice' ? options : undefined,
      };
    }),
  };
}

/** The fields each kind of outcome must name: a refusal its written reason, a supplementation request the documents and the reason. */
const fieldsOfKind: Record<(typeof outcomeKinds)[number], Array<'reasonField' | 'documentsField'>> = {
  refusal: ['reasonField'],
  supplementation: ['documentsField', 'reasonField'],
};

function readOutcome(context: CompileContext, choice: ModdleElement, id: string, formKeys: ReadonlySet<string> | undefined): PlanOutcome {
  const value = trimmed(choice, 'value') ?? MISSING;
  const kind = readChoice(context, id, 'mc:outcome kind', trimmed(choice, 'kind'), outcomeKinds);
  const outcome: PlanOutcome = { value, label: trimmed(choice, 'label') ?? value, ...(kind ? { kind } : {}) };
  for (const attribute of ['documentsField', 'reasonField'] as const) {
    const key = trimmed(choice, attribute);
    if (key === undefined) {
      if (kind && fieldsOfKind[kind].includes(attribute)) {
        reportInvalid(context, id, `mc:outcome ${attribute}`, value, {
          vi: kind === 'refusal' ? 'kết quả từ chối cần trường ghi lý do từ chối (reasonField).' : 'yêu cầu bổ sung cần trường liệt kê giấy tờ cần bổ sung (documentsField) và trường ghi lý do (reasonField).',
          en: kind === 'refusal' ? 'a refusal needs the form field for its written reason (reasonField).' : 'a supplementation request needs the form fields listing the documents (documentsField) and giving the reason (reasonField).',
        });
      }
      continue;
    }
    if (formKeys && !formKeys.has(key)) {
      reportInvalid(context, id, `mc:outcome ${attribute}`, key, { vi: 'cần khoá của một trường trong biểu mẫu của bước.', en: 'expected the key of a field of this step’s form.' });
    }
    outcome[attribute] = key;
  }
  return outcome;
}

function readOutcomes(context: CompileContext, outcomes: ModdleElement | undefined, id: string, form: PlanNodeOf<'userTask'>['form']): Pick<PlanNodeOf<'userTask'>, 'outcomes' | 'outcomeVariable'> {
  if (!outcomes) return {};
  const variable = trimmed(outcomes, 'variable');
  // A schemaRef form is stored elsewhere: its keys cannot be checked here.
  const formKeys = 'fields' in form ? new Set(form.fields.map((field) => field.key)) : undefined;
  const choices = children(outcomes, 'choices').map((choice) => readOutcome(context, choice, id, formKeys));
  const values = choices.map((choice) => choice.value);
  if (!variable || choices.length === 0 || values.includes(MISSING) || new Set(values).size !== values.length) {
    reportInvalid(context, id, 'mc:outcomes', values.join(', '), {
      vi: 'cần tên biến (variable) và ít nhất một mc:outcome, mỗi giá trị (value) một khác.',
      en: 'needs a variable and at least one mc:outcome, each with a value of its own.',
    });
  }
  return { outcomes: choices, outcomeVariable: variable ?? MISSING };
}

function readServiceCall(context: CompileContext, call: ModdleElement | undefined, id: string): Pick<PlanNodeOf<'serviceTask'>, 'activityType' | 'input'> {
  const activityType = trimmed(call, 'type');
  if (!activityType) context.report('missing-activity-type', id);
  else if (!isServiceTaskType(activityType)) context.report('unknown-activity-type', id, { type: activityType, known: serviceTaskTypes.join(', ') });
  const input = (call ? children(call, 'inputs') : []).map((mapping) => {
    const target = trimmed(mapping, 'target');
    if (!target) {
      reportInvalid(context, id, 'mc:input target', '', { vi: 'mỗi đầu vào cần tên biến đích.', en: 'every input needs a target variable.' });
    }
    return { target: target ?? MISSING, expression: readFeel(context, id, text(mapping, 'expression') ?? '') ?? MISSING };
  });
  return { activityType: activityType ?? MISSING, input };
}

function readCalledVersion(context: CompileContext, called: ModdleElement | undefined, id: string): PlanNodeOf<'callActivity'>['version'] {
  const version = trimmed(called, 'version') ?? 'latest';
  if (version === 'latest' || version === 'deployment') return version;
  return readPositiveInteger(context, id, 'mc:calledProcedure version', version) ?? 'latest';
}

function checkCalledProcedure(context: CompileContext, id: string, code: string, version: PlanNodeOf<'callActivity'>['version']): void {
  if (!context.procedures || code === MISSING) return;
  const known = context.procedures[code];
  const versionKnown = known && (typeof version !== 'number' ? known.versions.length > 0 : known.versions.includes(version));
  if (!versionKnown) context.report('unknown-called-procedure', id, { code, version: String(version) });
}

/** Reads a task, subprocess or call activity; null when it uses something MotCua cannot run. */
export function readActivity(
  context: CompileContext,
  activity: ModdleElement,
  id: string,
  type: ActivityType,
  buildNestedScope: (container: ModdleElement, id: string) => PlanScope,
): ActivityNode | null {
  const extensions = readExtensions(context, activity, id);
  const common = readCommon(context, activity, id, extensions, type);
  if (!common) return null;
  switch (type) {
    case 'userTask': {
      const { assignment, ...rest } = common;
      const form = readForm(context, extensions['mc:Form'], id);
      return {
        type,
        ...rest,
        assignment: { role: assignment?.role ?? MISSING, unit: assignment?.unit ?? MISSING, agency: assignment?.agency ?? context.defaultAgency },
        form,
        ...readOutcomes(context, extensions['mc:Outcomes'], id, form),
        // Only when set, so that plans compiled before the attribute existed keep their hash.
        ...(extensions['mc:Step'] && flag(extensions['mc:Step'], 'returnsResult') === true ? { returnsResult: true as const } : {}),
      };
    }
    case 'serviceTask':
      return { type, ...common, ...readServiceCall(context, extensions['mc:ServiceCall'], id) };
    case 'sendTask':
      return { type, ...common, message: messageName(context, activity, id) };
    case 'receiveTask': {
      const step = extensions['mc:Step'];
      return { type, ...common, message: messageName(context, activity, id), supplementation: (step && flag(step, 'supplementation')) === true };
    }
    case 'callActivity': {
      const procedureCode = text(activity, 'calledElement')?.trim() || MISSING;
      if (procedureCode === MISSING) context.report('missing-called-procedure', id);
      const version = readCalledVersion(context, extensions['mc:CalledProcedure'], id);
      checkCalledProcedure(context, id, procedureCode, version);
      return { type, ...common, procedureCode, version };
    }
    case 'subProcess':
      return { type, ...common, scope: buildNestedScope(activity, id) };
  }
}
