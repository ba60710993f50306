import type { ModdleElement } from '../moddle/moddle-element.js';
import type { ForeignMarkup, GenericElement } from './foreign-markup.js';

/** A form field as another tool declares it, before it becomes MotCua's. */
export interface ForeignField {
  key: string;
  label?: string;
  /** The tool's own type name: string, long, enum, textfield, checkbox… */
  type: string;
  required: boolean;
  options: Array<{ value: string; label: string }>;
}

/** A group or person a task is given to, and the attribute that says so, as the report names it. */
export interface ForeignPerson {
  kind: 'group' | 'user';
  name: string;
  source: string;
}

/** What a user task says about who does it, by when and with which form, in any tool's terms. */
export interface ForeignTask {
  /** Candidate groups first, then the assignee, then candidate users: the order a mapping is tried in. */
  people: ForeignPerson[];
  /** The attribute read for the due date and the form, as the report names them. */
  subjects: { dueDate: string; form: string };
  dueDate?: string;
  /** Fields read from the file, or the name of a form the file only links to. */
  form?: { fields: ForeignField[] } | { link: string };
}

export function commaList(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/** The people of a task in mapping order, from the lists each attribute names; `holder` is what holds the attributes (`camunda`, `zeebe:assignmentDefinition`). */
export function peopleOf(holder: string, lists: { candidateGroups: string[]; assignee: string[]; candidateUsers: string[] }): ForeignPerson[] {
  const separator = holder.includes(':') ? ' ' : ':';
  const source = (attribute: string) => `${holder}${separator}${attribute}`;
  return [
    ...lists.candidateGroups.map((name) => ({ kind: 'group' as const, name, source: source('candidateGroups') })),
    ...lists.assignee.map((name) => ({ kind: 'user' as const, name, source: source('assignee') })),
    ...lists.candidateUsers.map((name) => ({ kind: 'user' as const, name, source: source('candidateUsers') })),
  ];
}

/** Camunda 7, Activiti and Flowable put a user task's people and due date in attributes of the same names. */
export function attributeAssignment(markup: ForeignMarkup, task: ModdleElement, prefix: string): Pick<ForeignTask, 'people' | 'dueDate'> {
  const dueDate = markup.attribute(task, 'dueDate');
  return {
    people: peopleOf(prefix, {
      candidateGroups: commaList(markup.attribute(task, 'candidateGroups')),
      assignee: commaList(markup.attribute(task, 'assignee')),
      candidateUsers: commaList(markup.attribute(task, 'candidateUsers')),
    }),
    ...(dueDate ? { dueDate } : {}),
  };
}

export function attributeText(element: GenericElement, name: string): string | undefined {
  const value = element[name];
  return typeof value === 'string' ? value : undefined;
}
