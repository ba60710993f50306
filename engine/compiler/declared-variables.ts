import { contextKeys } from '../feel/feel-names.js';
import type { PlanNode, PlanScope } from '../plan/procedure-plan.js';
import { allScopes } from '../plan/scope-index.js';
import { serviceTaskType } from '../service-tasks/catalogue.js';
import { MISSING } from './compile-context.js';

/** What a condition may compare a variable with: `values` are the only texts it takes (a choice field's options, a step's outcomes). */
export interface DeclaredVariable {
  kind: 'string' | 'number' | 'boolean' | 'any';
  values?: readonly string[];
}

/**
 * The dossier variables a plan declares, for checking its conditions. `complete` is false when
 * something may add variables the plan does not name (a form stored elsewhere, a called procedure,
 * a message from outside, an HTTP call whose outputs are not written out): names are then not checked.
 */
export interface DeclaredVariables {
  variables: ReadonlyMap<string, DeclaredVariable>;
  complete: boolean;
}

/** What the API puts into every dossier at submission: the applicant, the channel, the attachments, a fee paid at the counter. */
const submissionVariables: ReadonlyArray<[string, DeclaredVariable]> = [
  ['applicant', { kind: 'any' }],
  ['channel', { kind: 'string' }],
  ['attachments', { kind: 'any' }],
  ['counterFee', { kind: 'any' }],
];

const fieldKinds = { text: 'string', textarea: 'string', choice: 'string', number: 'number', boolean: 'boolean', date: 'any', file: 'any' } as const;

/** Two declarations of one name: the same kind stays (with both sets of values), different kinds read as anything. */
function merged(earlier: DeclaredVariable | undefined, later: DeclaredVariable): DeclaredVariable {
  if (!earlier) return later;
  if (earlier.kind !== later.kind) return { kind: 'any' };
  return earlier.values && later.values ? { kind: earlier.kind, values: [...new Set([...earlier.values, ...later.values])] } : { kind: earlier.kind };
}

/** What one node declares; false when it may bring variables nobody can name from the plan. */
function declare(node: PlanNode, add: (name: string, variable: DeclaredVariable) => void): boolean {
  if ('multiInstance' in node && node.multiInstance) add(node.multiInstance.elementVariable, { kind: 'any' });
  switch (node.type) {
    case 'userTask': {
      add(node.id, { kind: 'any' });
      if (node.outcomes) add(node.outcomeVariable ?? 'outcome', { kind: 'string', values: node.outcomes.map((outcome) => outcome.value) });
      for (const field of 'fields' in node.form ? node.form.fields : []) {
        const kind = fieldKinds[field.type];
        add(field.key, field.type === 'choice' && field.options ? { kind, values: field.options.map((option) => option.value) } : { kind });
      }
      // A form stored elsewhere has keys of its own; outcomes without their variable are reported already.
      return 'fields' in node.form && node.outcomeVariable !== MISSING;
    }
    case 'serviceTask': {
      for (const output of serviceTaskType(node.activityType)?.outputs ?? []) add(output.replace('{id}', node.id), { kind: 'any' });
      if (node.activityType !== 'goi-http') return true;
      const outputs = node.input.find((mapping) => mapping.target === 'outputs');
      const keys = outputs ? contextKeys(outputs.expression) : [];
      for (const key of keys ?? []) add(key, { kind: 'any' });
      return keys !== null;
    }
    case 'receiveTask':
      return node.supplementation;
    case 'startEvent':
      return node.trigger.kind === 'none';
    case 'boundaryEvent':
      return node.trigger.kind !== 'message';
    case 'messageCatchEvent':
    case 'callActivity':
      return false;
    default:
      return true;
  }
}

export function declaredVariables(process: PlanScope): DeclaredVariables {
  const variables = new Map<string, DeclaredVariable>(submissionVariables);
  const add = (name: string, variable: DeclaredVariable) => variables.set(name, merged(variables.get(name), variable));
  let complete = true;
  for (const scope of allScopes(process)) {
    for (const node of scope.nodes) if (!declare(node, add)) complete = false;
  }
  return { variables, complete };
}
