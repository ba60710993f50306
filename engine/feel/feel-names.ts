import { parseExpression } from 'feelin';

type SyntaxNode = ReturnType<typeof parseExpression>['topNode'];

/** A literal a name is compared with: its FEEL type, and its text when it is a string. */
export type FeelLiteral = { type: 'string'; value: string } | { type: 'number' | 'boolean'; text: string };

/** `name <op> literal` (or `literal <op> name`) somewhere in an expression. */
export interface FeelComparison {
  name: string;
  operator: string;
  literal: FeelLiteral;
}

/** What an expression reads from its variables, as far as its text says. */
export interface FeelNames {
  /** Names read as a whole (`approved`, `soTien`): not functions, iteration variables or names inside filters, contexts and function bodies. */
  free: string[];
  /** Comparisons of a free name with a literal. */
  comparisons: FeelComparison[];
  /** It reads no variable at all and calls nothing that changes with time (`now()`, `today()`): its value never changes. */
  constant: boolean;
}

/** Where names may be the items' own properties or the context's own keys (`giayTo[hopLe]`, `{a: 1, b: a}`, `function(x) x`). */
const opaqueParents = new Set(['Context', 'FunctionDefinition']);
const timeFunctions = new Set(['now', 'today']);

function literalOf(node: SyntaxNode, source: string): FeelLiteral | null {
  const text = source.slice(node.from, node.to);
  if (node.name === 'StringLiteral') return { type: 'string', value: unquoted(text) };
  if (node.name === 'NumericLiteral') return { type: 'number', text };
  if (node.name === 'BooleanLiteral') return { type: 'boolean', text };
  return null;
}

/** A FEEL string literal's value; its escapes are JSON's, but for a few JSON lacks, read as written. */
function unquoted(literal: string): string {
  try {
    return JSON.parse(literal) as string;
  } catch {
    return literal.slice(1, -1);
  }
}

function childrenOf(node: SyntaxNode): SyntaxNode[] {
  const nodes: SyntaxNode[] = [];
  for (let child = node.firstChild; child; child = child.nextSibling) nodes.push(child);
  return nodes;
}

/**
 * The names a FEEL expression (one that parses) reads, the comparisons of those names with
 * literals, and whether it is constant. When in doubt a name is left out of `free`: callers report
 * what is there, never what might be.
 */
export function feelNames(expression: string): FeelNames {
  const root = parseExpression(expression, {}, undefined).topNode;
  const bound = new Set<string>();
  root.cursor().iterate((cursor) => {
    if (cursor.name === 'InExpression') {
      const name = cursor.node.getChild('Name');
      if (name) bound.add(expression.slice(name.from, name.to));
    }
  });
  const free = new Set<string>();
  const comparisons: FeelComparison[] = [];
  let varies = false;

  const visit = (node: SyntaxNode, opaque: boolean): void => {
    const children = childrenOf(node);
    if (node.name === 'VariableName') {
      const name = expression.slice(node.from, node.to);
      const parent = node.parent;
      if (parent?.name === 'FunctionInvocation' && parent.firstChild?.from === node.from) {
        if (timeFunctions.has(name)) varies = true;
        return;
      }
      varies = true;
      if (!opaque && !bound.has(name) && parent?.name !== 'PathExpression') free.add(name);
      return;
    }
    if (node.name === 'PathExpression') varies = true;
    if (node.name === 'Comparison' && !opaque) {
      const [left, operator, right] = children;
      const plainName = (side: SyntaxNode | undefined) => side?.name === 'VariableName' && !bound.has(expression.slice(side.from, side.to));
      if (left && operator?.name === 'CompareOp' && right) {
        const [nameNode, literalNode] = plainName(left) ? [left, right] : plainName(right) ? [right, left] : [null, null];
        const literal = literalNode && literalOf(literalNode, expression);
        if (nameNode && literal) comparisons.push({ name: expression.slice(nameNode.from, nameNode.to), operator: expression.slice(operator.from, operator.to), literal });
      }
    }
    children.forEach((child, index) => visit(child, opaque || opaqueParents.has(node.name) || (node.name === 'FilterExpression' && index > 0)));
  };
  visit(root, false);
  return { free: [...free], comparisons, constant: !varies };
}

/**
 * The keys of a FEEL context literal (`{maSoThue: "data.taxCode", "ma so": x}`), or null when the
 * expression is something else or does not parse.
 */
export function contextKeys(expression: string): string[] | null {
  const context = parseExpression(expression, {}, undefined).topNode.firstChild;
  if (context?.name !== 'Context' || context.nextSibling) return null;
  const keys: string[] = [];
  let broken = false;
  context.cursor().iterate((cursor) => {
    if (cursor.type.isError) broken = true;
    if (cursor.name !== 'Key' || cursor.node.parent?.parent?.from !== context.from) return undefined;
    const text = expression.slice(cursor.from, cursor.to);
    keys.push(cursor.node.firstChild?.name === 'StringLiteral' ? unquoted(text) : text);
    return false;
  });
  return broken ? null : keys;
}
