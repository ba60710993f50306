import type { Problem } from '../api/problem.js';
import type { FormField } from '../api/types.js';

/** What a form's inputs hold: text as typed, checkboxes as booleans, file pickers as lists of ids. */
export type FormInput = Record<string, string | boolean | string[] | undefined>;

/** Field key → message, to show beside each field. */
export type FieldErrors = Record<string, string>;

function isEmpty(value: FormInput[string]): boolean {
  return value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
}

/** The form data the API expects: numbers as numbers, one attachment id as a string, empty fields left out. */
export function formDataOf(fields: readonly FormField[], input: FormInput): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const field of fields) {
    const value = input[field.key];
    if (isEmpty(value)) continue;
    if (field.type === 'number' && typeof value === 'string') data[field.key] = Number(value.replace(/[\s.,](?=\d{3}\b)/g, ''));
    else if (field.type === 'file' && Array.isArray(value)) data[field.key] = value.length === 1 ? value[0] : value;
    else data[field.key] = value;
  }
  return data;
}

/** The inputs showing values the dossier already holds (the inverse of `formDataOf`); values of the wrong shape are left out. */
export function formInputOf(fields: readonly FormField[], values: Record<string, unknown>): FormInput {
  const input: FormInput = {};
  for (const field of fields) {
    const value = values[field.key];
    if (field.type === 'boolean') {
      if (typeof value === 'boolean') input[field.key] = value;
    } else if (field.type === 'file') {
      const ids = typeof value === 'string' ? [value] : value;
      if (Array.isArray(ids) && ids.every((id) => typeof id === 'string')) input[field.key] = ids;
    } else if (typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value))) {
      input[field.key] = String(value);
    }
  }
  return input;
}

/** The problems a browser can see before sending: required fields left empty, numbers that are not numbers. */
export function formErrors(fields: readonly FormField[], input: FormInput, messages: { required: string; number: string }): FieldErrors {
  const errors: FieldErrors = {};
  const data = formDataOf(fields, input);
  for (const field of fields) {
    if (field.required && field.type !== 'boolean' && isEmpty(input[field.key])) errors[field.key] = messages.required;
    else if (field.type === 'number' && field.key in data && !Number.isFinite(data[field.key])) errors[field.key] = messages.number;
  }
  return errors;
}

/**
 * The fields a refused request names: the API calls them `formData.<key>` (the step's form) or
 * `body.variables.<key>`. Its messages are English, for developers: each field gets `message`.
 */
export function fieldErrorsOf(problem: Problem, message: string): FieldErrors {
  const errors: FieldErrors = {};
  for (const error of problem.errors ?? []) {
    const key = error.path.replace(/^(formData|body\.variables|body\.applicant|body)\./, '');
    if (key !== error.path) errors[key] = message;
  }
  return errors;
}
