/**
 * The properties panel's entries for MotCua attributes, as Preact components of
 * @bpmn-io/properties-panel. Each reads and writes through a Binding, so one component serves every
 * attribute of its kind.
 */
import { CheckboxEntry, FeelEntry, SelectEntry, TextAreaEntry, TextFieldEntry } from '@bpmn-io/properties-panel';
import { h } from '@bpmn-io/properties-panel/preact';
import { useService } from 'bpmn-js-properties-panel';
import { formatLegalDuration, parseLegalDuration, type LegalDurationUnit } from '@engine/duration/legal-duration.js';
import { feelSyntaxErrorColumn, normalizeFeelExpression } from '@engine/feel/feel-expression.js';
import type { MotcuaConfig } from '../motcua-config.js';
import { durationUnits, isDurationAmount } from './duration-units.js';
import type { Binding, EditServices, ModdleObject } from './moddle-binding.js';

export interface EntryProps {
  element: { businessObject: ModdleObject };
  id: string;
  /** Message key of the label. */
  label: string;
  binding: Binding;
}

export interface SelectOption {
  value: string;
  label: string;
}

function useEdit(): { services: EditServices; config: MotcuaConfig; debounce: <F>(fn: F) => F } {
  return {
    services: { bpmnFactory: useService('bpmnFactory'), commandStack: useService('commandStack') },
    config: useService('config.motcua'),
    debounce: useService('debounceInput'),
  };
}

const text = (value: unknown) => (value === undefined || value === null ? '' : String(value));

export function TextEntry(props: EntryProps & { validate?: (value: string) => string | null; multiline?: boolean }) {
  const { services, config, debounce } = useEdit();
  return h(props.multiline ? TextAreaEntry : TextFieldEntry, {
    element: props.element,
    id: props.id,
    label: config.t(props.label),
    debounce,
    getValue: () => text(props.binding.read(props.element)),
    // An invalid value is shown with its error and not written: the model keeps its last valid value.
    setValue: (value: string, error?: string | null) => !error && props.binding.write(services, props.element, value.trim()),
    validate: props.validate,
  });
}

/** Non-negative numbers (VND, hours, counts), kept as text in the XML. */
export function NumberEntry(props: EntryProps) {
  const { config } = useEdit();
  return h(TextEntry, { ...props, validate: (value: string) => (value === '' || /^\d+(\.\d+)?$/.test(value) ? null : config.t('validation.number')) });
}

export function CheckEntry(props: EntryProps) {
  const { services, config } = useEdit();
  return h(CheckboxEntry, {
    element: props.element,
    id: props.id,
    label: config.t(props.label),
    getValue: () => props.binding.read(props.element) === true,
    setValue: (value: boolean) => props.binding.write(services, props.element, value ? true : undefined),
  });
}

/**
 * A choice among known values. A value set in the XML but missing from the list (a directory not
 * loaded yet, a unit since renamed) stays shown, marked, rather than silently dropped.
 */
export function ChoiceEntry(props: EntryProps & { options: () => SelectOption[] }) {
  const { services, config } = useEdit();
  return h(SelectEntry, {
    element: props.element,
    id: props.id,
    label: config.t(props.label),
    getValue: () => text(props.binding.read(props.element)),
    setValue: (value: string) => props.binding.write(services, props.element, value),
    getOptions: () => {
      const current = text(props.binding.read(props.element));
      const options = props.options();
      const unknown = current && !options.some((option) => option.value === current) ? [{ value: current, label: config.t('properties.unknownValue', { value: current }) }] : [];
      return [{ value: '', label: config.t('properties.none') }, ...unknown, ...options];
    },
  });
}

function readDuration(value: unknown): { amount: string; unit: LegalDurationUnit; raw: string } {
  const raw = text(value);
  try {
    const duration = parseLegalDuration(raw);
    return { amount: String(duration.amount), unit: duration.unit, raw };
  } catch {
    return { amount: '', unit: 'working-days', raw };
  }
}

/**
 * A legal duration as an amount and a unit — working days first, as the law writes most limits —
 * stored as its canonical text (5WD, 8WH, P20D). Text that is not a duration is reported by the
 * compiler (invalid-duration) and shown here until replaced.
 */
export function DurationEntry(props: EntryProps) {
  const { services, config, debounce } = useEdit();
  const current = () => readDuration(props.binding.read(props.element));
  const write = (amount: string, unit: LegalDurationUnit) =>
    props.binding.write(services, props.element, amount === '' ? undefined : formatLegalDuration({ amount: Number(amount), unit }));
  return h(
    'div',
    { class: 'mc-duration-entry', 'data-entry-id': props.id },
    h('div', { class: 'mc-duration-title' }, config.t(props.label)),
    h(TextFieldEntry, {
      element: props.element,
      id: `${props.id}-amount`,
      label: config.t('properties.amount'),
      debounce,
      getValue: () => current().amount || current().raw,
      setValue: (value: string, error?: string | null) => !error && write(value.trim(), current().unit),
      validate: (value: string) => (value === '' || isDurationAmount(value) ? null : config.t('validation.wholeNumber')),
    }),
    h(SelectEntry, {
      element: props.element,
      id: `${props.id}-unit`,
      label: config.t('properties.durationUnit'),
      getValue: () => current().unit,
      setValue: (unit: LegalDurationUnit) => current().amount !== '' && write(current().amount, unit),
      getOptions: () => durationUnits.map((unit) => ({ value: unit, label: config.t(`units.${unit}`) })),
    }),
  );
}

/** A FEEL expression, with the editor's highlighting and the compiler's own syntax check under it. */
export function FeelExpressionEntry(props: EntryProps) {
  const { services, config, debounce } = useEdit();
  const translate = useService('translate');
  return h(FeelEntry, {
    element: props.element,
    translate,
    id: props.id,
    label: config.t(props.label),
    feel: 'required',
    debounce,
    getValue: () => text(props.binding.read(props.element)),
    setValue: (value: string, error?: string | null) => !error && props.binding.write(services, props.element, value ? (value.startsWith('=') ? value : `=${value}`) : undefined),
    validate: (value: string) => {
      if (!value) return null;
      const column = feelSyntaxErrorColumn(normalizeFeelExpression(value));
      return column === null ? null : config.t('validation.feel', { column });
    },
  });
}
