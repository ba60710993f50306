import type { ParseError, ParseWarning, WarningElement } from 'bpmn-moddle';
import { createDiagnostic } from '../diagnostics/create-diagnostic.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { giveFlowsIds } from './generated-flow-ids.js';
import type { ModdleElement } from './moddle-element.js';
import { motcuaModdle } from './motcua-moddle.js';
import { resolveQualifiedReferences } from './qualified-references.js';
import motcuaDescriptor from './motcua.json' with { type: 'json' };
import { outlineXml, withoutRanges } from './xml-outline.js';

/** The MotCua moddle extension, for bpmn-js: `new Modeler({ moddleExtensions: { mc: motcuaModdleDescriptor } })`. */
export const motcuaModdleDescriptor = motcuaDescriptor;

/**
 * Larger documents are refused before parsing, which bounds parse time and memory: bytes bound the
 * first pass over the text, elements (outside the diagram interchange, which is never parsed) what
 * bpmn-moddle builds — about 2 s and 150 MB at the limit, for ten times the largest real procedure.
 */
export const DEFAULT_MAX_INPUT_BYTES = 16 * 1024 * 1024;
export const DEFAULT_MAX_INPUT_ELEMENTS = 100_000;

export interface ReadLimits {
  maxInputBytes?: number;
  maxInputElements?: number;
  /** Parse the diagram interchange too, for a model that is written back (the compiler never needs it). */
  keepDiagram?: boolean;
}

export interface ReadBpmnResult {
  definitions: ModdleElement | null;
  diagnostics: Diagnostic[];
}

function utf8Length(text: string): number {
  let bytes = 0;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code < 0xdc00) {
      bytes += 4;
      index += 1;
    } else bytes += 3;
  }
  return bytes;
}

/** The 1-based position at an offset. */
function positionAt(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: offset - lineStart + 1 };
}

const parseFailure = /^unparsable content (.*?) ?detected\n\tline: (\d+)\n\tcolumn: (\d+)\n\tnested error: ([\s\S]*)$/;

interface ParseFailure {
  content: string;
  location: { line: number; column: number };
  reason: string;
}

function readParseFailure(message: string): ParseFailure | null {
  const match = parseFailure.exec(message);
  if (!match) return null;
  return { content: match[1]!, location: { line: Number(match[2]) + 1, column: Number(match[3]) + 1 }, reason: match[4]! };
}

/** The nearest element with an id holding `element`: an event definition has none, its event does. */
function owningId(element: WarningElement | undefined): string | null {
  for (let current = element; current; current = current.$parent) {
    if (typeof current.id === 'string' && current.id !== '') return current.id;
  }
  return null;
}

function warningDiagnostic(warning: ParseWarning): Diagnostic {
  const unresolved = /^unresolved reference <(.*)>$/.exec(warning.message);
  if (unresolved) {
    const owner = owningId(warning.element);
    return createDiagnostic('unresolved-reference', owner, { reference: unresolved[1]! });
  }
  const encoding = /^unsupported document encoding <(.*)>/.exec(warning.message);
  if (encoding) return createDiagnostic('unsupported-encoding', null, { encoding: encoding[1]! });
  const failure = readParseFailure(warning.message);
  const duplicate = failure && /^duplicate ID <(.*)>$/.exec(failure.reason);
  if (failure && duplicate) return createDiagnostic('duplicate-id', duplicate[1]!, { id: duplicate[1]! }, { location: failure.location });
  const detail = failure ? `${failure.content} (${failure.reason})` : warning.message;
  return createDiagnostic('invalid-content', owningId(warning.element), { detail }, failure ? { location: failure.location } : undefined);
}

function failureDiagnostic(error: ParseError): Diagnostic {
  const unexpectedRoot = (error.warnings ?? [])
    .map((warning) => readParseFailure(warning.message))
    .map((failure) => failure && /^unexpected element <(.*)>$/.exec(failure.reason))
    .find(Boolean);
  if (unexpectedRoot) return createDiagnostic('not-bpmn', null, { root: unexpectedRoot[1]! });
  const failure = readParseFailure(error.message);
  if (!failure) return createDiagnostic('xml-malformed', null, { detail: error.message });
  const at = failure.content ? ` ${failure.content}` : '';
  return createDiagnostic('xml-malformed', null, { detail: `${failure.reason}${at}` }, { location: failure.location });
}

/**
 * Parses BPMN XML into moddle elements, with the MotCua extension. Never throws: a document that
 * cannot be read yields `definitions: null` and the diagnostics saying why.
 */
export async function readBpmn(xml: string, limits: ReadLimits = {}): Promise<ReadBpmnResult> {
  const maxBytes = limits.maxInputBytes ?? DEFAULT_MAX_INPUT_BYTES;
  const bytes = xml.length > maxBytes ? xml.length : utf8Length(xml);
  if (bytes > maxBytes) {
    return { definitions: null, diagnostics: [createDiagnostic('input-too-large', null, { measure: 'bytes', size: bytes, limit: maxBytes })] };
  }

  const outline = outlineXml(xml);
  if (outline.declarationAt !== null) {
    return {
      definitions: null,
      diagnostics: [createDiagnostic('xml-doctype-forbidden', null, undefined, { location: positionAt(xml, outline.declarationAt) })],
    };
  }

  const maxElements = limits.maxInputElements ?? DEFAULT_MAX_INPUT_ELEMENTS;
  if (outline.elements > maxElements) {
    return {
      definitions: null,
      diagnostics: [createDiagnostic('input-too-large', null, { measure: 'elements', size: outline.elements, limit: maxElements })],
    };
  }

  try {
    const { rootElement, warnings, elementsById } = await motcuaModdle().fromXML(limits.keepDiagram ? xml : withoutRanges(xml, outline.diagramRanges));
    const definitions = rootElement as ModdleElement;
    const remaining = resolveQualifiedReferences(definitions, elementsById, warnings);
    giveFlowsIds(definitions, elementsById);
    return { definitions, diagnostics: remaining.map(warningDiagnostic) };
  } catch (error) {
    return { definitions: null, diagnostics: [failureDiagnostic(error as ParseError)] };
  }
}
