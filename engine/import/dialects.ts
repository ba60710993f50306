import type { LocalizedText } from '../diagnostics/localized-text.js';
import type { ModdleElement } from '../moddle/moddle-element.js';
import type { ForeignMarkup, GenericElement } from './foreign-markup.js';
import { attributeAssignment, attributeText, commaList, peopleOf, type ForeignField, type ForeignTask } from './foreign-task.js';
import type { Dialect } from './import-types.js';

/** How one tool writes what the import converts, and what of it needs a person. */
export interface DialectReader {
  label: string;
  namespaces: readonly string[];
  /** The prefix the tool writes for its namespace. */
  prefix: string;
  /** Whether conditions and timer durations are FEEL written `=expression` (Camunda 8) rather than JUEL. */
  feelWithEquals: boolean;
  /** What a user task (or, for its form, a start event) says. */
  userTask(markup: ForeignMarkup, task: ModdleElement, process: ModdleElement): ForeignTask;
  /** The tool's attributes and extensions that run code MotCua cannot run, and what to do instead. */
  codeHooks: Readonly<Record<string, LocalizedText>>;
}

const listener: LocalizedText = {
  vi: 'Listener chạy mã của công cụ cũ; MotCua không chạy được. Thay bằng một bước tự động (service task MotCua) hoặc bỏ đi.',
  en: 'A listener runs the old tool’s code, which MotCua cannot run. Replace it with an automated step (a MotCua service task) or remove it.',
};
const javaCode: LocalizedText = {
  vi: 'Mã Java (class, delegate, biểu thức) của công cụ cũ không chạy trong MotCua. Chọn một loại bước tự động của MotCua (gọi HTTP, gửi thông báo…) và khai báo đầu vào.',
  en: 'The old tool’s Java code (class, delegate, expression) does not run in MotCua. Choose a MotCua automated step type (HTTP call, notification…) and give its inputs.',
};
const worker: LocalizedText = {
  vi: 'Bước do một job worker bên ngoài thực hiện; chọn một loại bước tự động của MotCua thay thế.',
  en: 'A step done by an outside job worker; choose a MotCua automated step type instead.',
};
const script: LocalizedText = {
  vi: 'Kịch bản (script) không chạy trong MotCua; viết lại thành điều kiện FEEL, một bước tự động hoặc một bước của cán bộ.',
  en: 'Scripts do not run in MotCua; rewrite it as a FEEL condition, an automated step or an officer’s step.',
};

const javaHooks = { taskListener: listener, executionListener: listener, class: javaCode, delegateExpression: javaCode, expression: javaCode, topic: worker };

function camunda7Fields(markup: ForeignMarkup, formData: GenericElement): ForeignField[] {
  return markup.childrenOf(formData, 'formField').map((field) => ({
    key: attributeText(field, 'id') ?? '',
    ...(attributeText(field, 'label') ? { label: attributeText(field, 'label') } : {}),
    type: attributeText(field, 'type') ?? 'string',
    required: markup
      .childrenOf(field, 'validation')
      .flatMap((validation) => markup.childrenOf(validation, 'constraint'))
      .some((constraint) => attributeText(constraint, 'name') === 'required'),
    options: markup.childrenOf(field, 'value').map((value) => ({ value: attributeText(value, 'id') ?? '', label: attributeText(value, 'name') ?? attributeText(value, 'id') ?? '' })),
  }));
}

function flowableFields(markup: ForeignMarkup, properties: GenericElement[]): ForeignField[] {
  return properties.map((property) => ({
    key: attributeText(property, 'id') ?? '',
    ...(attributeText(property, 'name') ? { label: attributeText(property, 'name') } : {}),
    type: attributeText(property, 'type') ?? 'string',
    required: attributeText(property, 'required') === 'true',
    options: markup.childrenOf(property, 'value').map((value) => ({ value: attributeText(value, 'id') ?? '', label: attributeText(value, 'name') ?? attributeText(value, 'id') ?? '' })),
  }));
}

interface FormComponent {
  type?: unknown;
  key?: unknown;
  label?: unknown;
  validate?: { required?: unknown };
  values?: Array<{ label?: unknown; value?: unknown }>;
  components?: FormComponent[];
}

/** The input fields of a Camunda form (form-js JSON), groups flattened; undefined when the JSON does not parse. */
function camundaFormFields(body: string): ForeignField[] | undefined {
  let schema: { components?: FormComponent[] };
  try {
    schema = JSON.parse(body) as { components?: FormComponent[] };
  } catch {
    return undefined;
  }
  const flatten = (components: FormComponent[] = []): FormComponent[] => components.flatMap((component) => [component, ...flatten(component.components)]);
  return flatten(schema.components)
    .filter((component) => typeof component.key === 'string')
    .map((component) => ({
      key: component.key as string,
      ...(typeof component.label === 'string' ? { label: component.label } : {}),
      type: typeof component.type === 'string' ? component.type : 'textfield',
      required: component.validate?.required === true,
      options: (component.values ?? []).map((option) => ({ value: String(option.value ?? ''), label: String(option.label ?? option.value ?? '') })),
    }));
}

/** Camunda 8 writes a static list as `a, b` and a FEEL one as `=["a", "b"]`; anything else is an expression to map by hand. */
function zeebeList(value: string | undefined): string[] {
  if (value === undefined) return [];
  const feel = /^=\s*\[(.*)\]\s*$/s.exec(value);
  if (!feel) return value.startsWith('=') ? [value] : commaList(value);
  return [...feel[1]!.matchAll(/"([^"]*)"/g)].map((match) => match[1]!);
}

const camunda7: DialectReader = {
  label: 'Camunda 7',
  namespaces: ['http://camunda.org/schema/1.0/bpmn'],
  prefix: 'camunda',
  feelWithEquals: false,
  userTask(markup, task) {
    const formData = markup.extensions(task, 'formData')[0];
    // A form key beside form data names a page of the old tool's own: left over, reported as such.
    const formKey = formData ? undefined : markup.attribute(task, 'formKey');
    return {
      ...attributeAssignment(markup, task, 'camunda'),
      subjects: { dueDate: 'camunda:dueDate', form: formData ? 'camunda:formData' : 'camunda:formKey' },
      ...(formData ? { form: { fields: camunda7Fields(markup, formData) } } : formKey ? { form: { link: formKey } } : {}),
    };
  },
  codeHooks: { ...javaHooks, type: worker },
};

const flowable: DialectReader = {
  label: 'Flowable',
  // Flowable reads Activiti's namespace too, and so do the models it inherited.
  namespaces: ['http://flowable.org/bpmn', 'http://activiti.org/bpmn'],
  prefix: 'flowable',
  feelWithEquals: false,
  userTask(markup, task) {
    const properties = markup.extensions(task, 'formProperty');
    const formKey = properties.length > 0 ? undefined : markup.attribute(task, 'formKey');
    return {
      ...attributeAssignment(markup, task, 'flowable'),
      subjects: { dueDate: 'flowable:dueDate', form: properties.length > 0 ? 'flowable:formProperty' : 'flowable:formKey' },
      ...(properties.length > 0 ? { form: { fields: flowableFields(markup, properties) } } : formKey ? { form: { link: formKey } } : {}),
    };
  },
  codeHooks: { ...javaHooks, type: javaCode },
};

const camunda8: DialectReader = {
  label: 'Camunda 8',
  namespaces: ['http://camunda.org/schema/zeebe/1.0'],
  prefix: 'zeebe',
  feelWithEquals: true,
  userTask(markup, task, process) {
    const assignment = markup.extensions(task, 'assignmentDefinition')[0];
    const schedule = markup.extensions(task, 'taskSchedule')[0];
    const definition = markup.extensions(task, 'formDefinition')[0];
    const dueDate = schedule && attributeText(schedule, 'dueDate');
    const embeddedId = definition && /^camunda-forms:bpmn:(.+)$/.exec(attributeText(definition, 'formKey') ?? '')?.[1];
    const embedded = embeddedId
      ? markup.extensions(process, 'userTaskForm').find((form) => attributeText(form, 'id') === embeddedId)
      : undefined;
    const fields = embedded?.$body === undefined ? undefined : camundaFormFields(embedded.$body);
    const link = definition && (attributeText(definition, 'formId') ?? attributeText(definition, 'formKey') ?? attributeText(definition, 'externalReference'));
    return {
      people: peopleOf('zeebe:assignmentDefinition', {
        candidateGroups: zeebeList(assignment && attributeText(assignment, 'candidateGroups')),
        assignee: zeebeList(assignment && attributeText(assignment, 'assignee')),
        candidateUsers: zeebeList(assignment && attributeText(assignment, 'candidateUsers')),
      }),
      ...(dueDate ? { dueDate } : {}),
      subjects: { dueDate: 'zeebe:taskSchedule dueDate', form: 'zeebe:formDefinition' },
      ...(fields ? { form: { fields } } : link ? { form: { link } } : {}),
    };
  },
  codeHooks: { taskDefinition: worker, executionListeners: listener, taskListeners: listener, script, calledDecision: script },
};

export const dialectReaders: Readonly<Record<Dialect, DialectReader>> = { camunda7, camunda8, flowable };
