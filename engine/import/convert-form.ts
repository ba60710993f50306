import type { LocalizedText } from '../diagnostics/localized-text.js';
import type { formFieldTypes } from '../plan/plan-schema.js';
import { bpmnElement } from '../moddle/write-bpmn.js';
import type { ModdleElement } from '../moddle/moddle-element.js';
import type { ForeignField } from './foreign-task.js';

type FormFieldType = (typeof formFieldTypes)[number];

/** Other tools' field types, Camunda 7 / Flowable's and form-js's (Camunda 8), as MotCua's. */
const fieldTypes: Readonly<Record<string, FormFieldType>> = {
  string: 'text',
  long: 'number',
  integer: 'number',
  double: 'number',
  boolean: 'boolean',
  date: 'date',
  enum: 'choice',
  textfield: 'text',
  textarea: 'textarea',
  number: 'number',
  checkbox: 'boolean',
  select: 'choice',
  radio: 'choice',
  datetime: 'date',
  filepicker: 'file',
};

/** form-js components that show or group rather than ask for a value. */
const layoutComponents = new Set(['button', 'text', 'html', 'image', 'spacer', 'separator', 'group', 'iframe', 'table', 'dynamiclist']);

export interface ConvertedForm {
  form: ModdleElement;
  /** The fields' keys, in order (layout components of form-js left out). */
  keys: string[];
  /** A line per field whose type had to be guessed. */
  guesses: LocalizedText[];
}

/** The `mc:form` of the fields another tool declared; a field of an unknown type becomes text, and the guess is told. */
export function convertForm(fields: readonly ForeignField[]): ConvertedForm {
  const guesses: LocalizedText[] = [];
  const inputs = fields.filter((field) => field.key !== '' && !layoutComponents.has(field.type));
  const converted = inputs.map((field) => {
      const known = fieldTypes[field.type];
      if (!known) {
        guesses.push({
          vi: `Trường ${field.key}: kiểu "${field.type}" không có trong MotCua, đã chuyển thành văn bản; hãy chọn lại kiểu.`,
          en: `Field ${field.key}: type "${field.type}" has no MotCua equivalent and became text; choose its type.`,
        });
      }
      const type = known ?? 'text';
      return bpmnElement('mc:Field', {
        key: field.key,
        label: field.label ?? field.key,
        type,
        required: field.required,
        ...(type === 'choice' ? { options: field.options.map((option) => bpmnElement('mc:Option', option)) } : {}),
      });
    });
  return { form: bpmnElement('mc:Form', { fields: converted }), keys: inputs.map((field) => field.key), guesses };
}
