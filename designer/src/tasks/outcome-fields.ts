import type { FormField, TaskOutcome } from '../api/types.js';

/** The fields an outcome requires when chosen: the documents to supplement, then the reason (as the API checks them). */
export function requiredFieldsOf(outcome: TaskOutcome | undefined): string[] {
  return outcome ? [outcome.documentsField, outcome.reasonField].filter((key): key is string => key !== undefined) : [];
}

/**
 * The form as it reads once an outcome is chosen: the step's own fields, plus the fields the chosen
 * outcome requires, marked required; fields that belong to the other outcomes stay hidden.
 */
export function fieldsForOutcome(form: readonly FormField[], outcomes: readonly TaskOutcome[], chosen: string | undefined): FormField[] {
  const outcomeFields = new Set(outcomes.flatMap(requiredFieldsOf));
  const required = new Set(requiredFieldsOf(outcomes.find((outcome) => outcome.value === chosen)));
  return form.filter((field) => !outcomeFields.has(field.key) || required.has(field.key)).map((field) => (required.has(field.key) ? { ...field, required: true } : field));
}
