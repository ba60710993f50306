import fc from 'fast-check';

/**
 * Random FEEL for fuzzing the evaluator: expressions built from the grammar (paths, calls of
 * built-in functions, lists, contexts, filters, loops, quantifiers, ranges) over the dossier's
 * variable names and names that would reach JavaScript's objects if the evaluator let them, and
 * deeply nested ones.
 */

export const dossierNames = ['soTien', 'loaiHoSo', 'danhSach', 'nguoiNop', 'dongY'];
const hostileNames = ['constructor', '__proto__', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', 'globalThis', 'process', 'require', 'this', 'Function', 'eval', 'Object', 'global', 'window', 'length'];
const functionNames = [
  'count', 'sum', 'min', 'max', 'string length', 'substring', 'string join', 'get value', 'get entries', 'context put', 'context merge', 'list contains',
  'append', 'concatenate', 'flatten', 'sort', 'reverse', 'index of', 'distinct values', 'product', 'mean', 'date', 'duration', 'string', 'number',
  'upper case', 'matches', 'replace', 'split', 'is defined', 'now', 'today', 'abs', 'floor', 'decimal', 'sublist', 'insert before', 'remove', 'union',
];

const literal = fc.oneof(
  fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }).map(String),
  fc.constantFrom('0', '-0', '0.1', '1e308', '9999999999999999999999', '-1', 'true', 'false', 'null', '""', '"a"', '"__proto__"', '"constructor"', '"2026-02-30"', '"P1D"', `"${'x'.repeat(1000)}"`),
  fc.string({ maxLength: 6 }).map((text) => JSON.stringify(text)),
);
const name = fc.constantFrom(...dossierNames, ...hostileNames);

export const feelExpression: fc.Arbitrary<string> = fc.letrec<{ expression: string }>((tie) => ({
  expression: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    literal,
    name,
    fc.tuple(tie('expression'), name).map(([target, property]) => `(${target}).${property}`),
    fc.tuple(tie('expression'), fc.constantFrom('+', '-', '*', '/', '**', 'and', 'or', '=', '!=', '<', '>', '<=', '>='), tie('expression')).map(([a, op, b]) => `(${a}) ${op} (${b})`),
    fc.tuple(fc.constantFrom(...functionNames), fc.array(tie('expression'), { maxLength: 3 })).map(([fn, args]) => `${fn}(${args.join(', ')})`),
    fc.array(tie('expression'), { maxLength: 4 }).map((items) => `[${items.join(', ')}]`),
    fc.array(fc.tuple(fc.constantFrom('a', '__proto__', '"__proto__"', 'constructor', 'toString'), tie('expression')), { maxLength: 3 }).map((entries) => `{${entries.map(([key, value]) => `${key}: ${value}`).join(', ')}}`),
    fc.tuple(tie('expression'), tie('expression')).map(([list, filter]) => `(${list})[${filter}]`),
    fc.tuple(tie('expression'), tie('expression'), tie('expression')).map(([test, yes, no]) => `if ${test} then ${yes} else ${no}`),
    fc.tuple(tie('expression'), tie('expression')).map(([list, body]) => `for x in ${list} return ${body}`),
    fc.tuple(fc.constantFrom('some', 'every'), tie('expression'), tie('expression')).map(([quantifier, list, test]) => `${quantifier} x in ${list} satisfies ${test}`),
    // Ranges: iterated ones the compiler refuses, intervals are tests.
    fc.tuple(literal, literal).map(([from, to]) => `for i in ${from}..${to} return i`),
    fc.tuple(tie('expression'), literal, literal).map(([value, from, to]) => `(${value}) in [${from}..${to}]`),
    tie('expression').map((body) => `function(a) ${body}`),
  ),
})).expression;

/** Nesting far deeper than anyone writes: brackets, negations, calls. */
export const deepFeelExpression: fc.Arbitrary<string> = fc
  .tuple(fc.integer({ min: 1, max: 400 }), fc.constantFrom(['(', ')'], ['[', ']'], ['not(', ')'], ['count([', '])'], ['-(', ')'], ['{a: ', '}']), literal)
  .map(([depth, [open, close], inner]) => open.repeat(depth) + inner + close.repeat(depth));

/** The dossier's variables as the API keeps them: JSON, with own keys that name JavaScript's prototype members. */
export const dossierVariables: fc.Arbitrary<Record<string, unknown>> = fc
  .record({
    soTien: fc.oneof(fc.integer(), fc.double({ noNaN: true }), fc.constant(null)),
    loaiHoSo: fc.string({ maxLength: 8 }),
    danhSach: fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 5 }),
    nguoiNop: fc.dictionary(fc.constantFrom('ten', '__proto__', 'constructor', 'toString'), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 }),
    dongY: fc.boolean(),
  })
  // Through JSON, as a request body arrives: "__proto__" becomes an own key, not the prototype.
  .map((variables) => JSON.parse(JSON.stringify(variables)) as Record<string, unknown>);
