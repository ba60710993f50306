import { outcomeOnlyFields, outcomeRequiredFields } from '@engine/plan/outcome-fields.js';
import type { FormField, TaskOutcome } from '../api/types.js';

/**
 * The form as it reads once an outcome is chosen: the step's own fields, plus the fields the chosen
 * outcome requires (as the API checks them), marked required; fields of the other outcomes stay hidden.
 */
export function fieldsForOutcome(form: readonly FormField[], outcomes: readonly TaskOutcome[], chosen: string | undefined): FormField[] {
  const outcomeFields = outcomeOnlyFields(outcomes);
  const chosenOutcome = outcomes.find((outcome) => outcome.value === chosen);
  const required = new Set(chosenOutcome ? outcomeRequiredFields(chosenOutcome) : []);
  return form.filter((field) => !outcomeFields.has(field.key) || required.has(field.key)).map((field) => (required.has(field.key) ? { ...field, required: true } : field));
}
