import fc from 'fast-check';

/**
 * Corpus-driven mutation for fuzzing the compiler: a real model with a few edits to its text
 * (slices cut, repeated or moved, markup and escapes inserted, ids swapped, truncation), so
 * the inputs stay close to what the parser and the compiler actually meet.
 */

/** Fragments that stress the XML reader and the compiler when dropped anywhere in a document. */
const fragments = [
  '<', '>', '&', '"', "'", ']]>', '<!--', '-->', '&amp;', '&#0;', '&#x110000;', '&undefined;', '\u0000', '\uFFFF', '\uD800',
  '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">]>', '<?xml version="1.0" encoding="UTF-16"?>', '<![CDATA[x]]>',
  '<bpmn:task id="Fuzz_Task" />', '<bpmn:startEvent id="Fuzz_Start" />', '<bpmn:endEvent id="Fuzz_End" />',
  '<bpmn:sequenceFlow id="Fuzz_Flow" sourceRef="Fuzz_Start" targetRef="Nowhere" />', '</bpmn:process>', '<bpmn:process id="Fuzz_Process">',
  '<bpmn:subProcess id="Fuzz_Sub">', '</bpmn:subProcess>', ' id="Fuzz_Duplicate"', ' xmlns:bpmn="urn:not-bpmn"', ' xsi:type="bpmn:tFormalExpression"',
  '<mc:step role="" unit="" deadline="-1WD" />', '<mc:procedure legalLimit="P99999999D" />', '= __proto__', '= constructor',
  '<x>'.repeat(200), '</x>'.repeat(200),
];

type Mutation =
  | { kind: 'cut'; at: number; length: number }
  | { kind: 'repeat'; at: number; length: number }
  | { kind: 'move'; at: number; length: number; to: number }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'swap-id'; from: number; to: number }
  | { kind: 'truncate'; at: number };

const position = fc.nat();
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('cut' as const), at: position, length: fc.integer({ min: 1, max: 400 }) }),
  fc.record({ kind: fc.constant('repeat' as const), at: position, length: fc.integer({ min: 1, max: 400 }) }),
  fc.record({ kind: fc.constant('move' as const), at: position, length: fc.integer({ min: 1, max: 400 }), to: position }),
  fc.record({ kind: fc.constant('insert' as const), at: position, text: fc.oneof(fc.constantFrom(...fragments), fc.string({ maxLength: 12 })) }),
  fc.record({ kind: fc.constant('swap-id' as const), from: position, to: position }),
  fc.record({ kind: fc.constant('truncate' as const), at: position }),
);

function applyMutation(text: string, edit: Mutation): string {
  const length = Math.max(text.length, 1);
  switch (edit.kind) {
    case 'cut': {
      const at = edit.at % length;
      return text.slice(0, at) + text.slice(at + edit.length);
    }
    case 'repeat': {
      const at = edit.at % length;
      const slice = text.slice(at, at + edit.length);
      return text.slice(0, at) + slice + slice + text.slice(at + edit.length);
    }
    case 'move': {
      const at = edit.at % length;
      const slice = text.slice(at, at + edit.length);
      const rest = text.slice(0, at) + text.slice(at + edit.length);
      const to = edit.to % Math.max(rest.length, 1);
      return rest.slice(0, to) + slice + rest.slice(to);
    }
    case 'insert': {
      const at = edit.at % (text.length + 1);
      return text.slice(0, at) + edit.text + text.slice(at);
    }
    case 'swap-id': {
      // One element takes another's id: duplicate ids, flows pointing at the wrong kind of element.
      const ids = [...text.matchAll(/\bid="([^"]*)"/g)];
      if (ids.length < 2) return text;
      const target = ids[edit.from % ids.length]!;
      const donor = ids[edit.to % ids.length]![1]!;
      return text.slice(0, target.index) + `id="${donor}"` + text.slice(target.index + target[0].length);
    }
    case 'truncate':
      return text.slice(0, edit.at % length);
  }
}

/** A document of `corpus` with one to four edits. */
export function mutatedBpmn(corpus: readonly string[]): fc.Arbitrary<string> {
  return fc
    .record({ original: fc.constantFrom(...corpus), edits: fc.array(mutation, { minLength: 1, maxLength: 4 }) })
    .map(({ original, edits }) => edits.reduce(applyMutation, original));
}
