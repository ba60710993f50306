/**
 * One linear pass over an XML text that finds what must be settled before bpmn-moddle parses it:
 * a DOCTYPE (entity declarations are refused outright, so no entity bomb can expand), and the
 * ranges of the BPMN diagram-interchange elements (`bpmndi:BPMNDiagram`, children of the root).
 * The compiler never reads diagram interchange, and building moddle objects for it is three
 * quarters of the parse time, so `withoutDiagrams` cuts it out before parsing.
 *
 * Only markup is looked at: comments, CDATA sections and processing instructions are skipped, and
 * attribute values are read with their quotes, so text that merely looks like a tag is left alone.
 * Anything the pass cannot make sense of (an unterminated comment, a tag without its end) stops it
 * with the ranges found so far; bpmn-moddle then reports the malformed XML itself.
 */

const BPMN_DI_NAMESPACE = 'http://www.omg.org/spec/BPMN/20100524/DI';

export interface XmlOutline {
  /** Offset of `<!DOCTYPE` (or any other `<!` declaration), if the document has one. */
  declarationAt: number | null;
  /** Half-open [start, end) ranges of the root's BPMNDiagram children. */
  diagramRanges: Array<[number, number]>;
}

interface Tag {
  name: string;
  text: string;
  end: number;
  selfClosing: boolean;
}

const namespaceDeclaration = /\sxmlns(?::([\w.-]+))?\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** Reads the start tag at `start` (which holds `<`), honouring quoted attribute values. */
function readStartTag(xml: string, start: number): Tag | null {
  let index = start + 1;
  while (index < xml.length && !/[\s/>]/.test(xml[index]!)) index += 1;
  const name = xml.slice(start + 1, index);
  let quote: string | null = null;
  for (; index < xml.length; index += 1) {
    const character = xml[index]!;
    if (quote) {
      if (character === quote) quote = null;
    } else if (character === '"' || character === "'") {
      quote = character;
    } else if (character === '>') {
      return { name, text: xml.slice(start, index), end: index + 1, selfClosing: xml[index - 1] === '/' };
    }
  }
  return null;
}

function namespacesOf(tag: Tag): Map<string, string> {
  const namespaces = new Map<string, string>();
  for (const match of tag.text.matchAll(namespaceDeclaration)) namespaces.set(match[1] ?? '', match[2] ?? match[3] ?? '');
  return namespaces;
}

function skipPast(xml: string, from: number, terminator: string): number {
  const found = xml.indexOf(terminator, from);
  return found === -1 ? -1 : found + terminator.length;
}

export function outlineXml(xml: string): XmlOutline {
  const diagramRanges: Array<[number, number]> = [];
  let rootNamespaces: Map<string, string> | null = null;
  let depth = 0;
  let diagramStart: number | null = null;
  let index = xml.indexOf('<');
  while (index !== -1) {
    let next: number;
    if (xml.startsWith('<!--', index)) {
      next = skipPast(xml, index + 4, '-->');
    } else if (xml.startsWith('<![CDATA[', index)) {
      next = skipPast(xml, index + 9, ']]>');
    } else if (xml.startsWith('<?', index)) {
      next = skipPast(xml, index + 2, '?>');
    } else if (xml.startsWith('<!', index)) {
      return { declarationAt: index, diagramRanges };
    } else if (xml.startsWith('</', index)) {
      next = skipPast(xml, index + 2, '>');
      depth -= 1;
      if (depth === 1 && diagramStart !== null && next !== -1) {
        diagramRanges.push([diagramStart, next]);
        diagramStart = null;
      }
    } else {
      const tag = readStartTag(xml, index);
      if (!tag) break;
      next = tag.end;
      if (rootNamespaces === null) {
        rootNamespaces = namespacesOf(tag);
      } else if (depth === 1 && isDiagram(tag, rootNamespaces)) {
        if (tag.selfClosing) diagramRanges.push([index, tag.end]);
        else diagramStart = index;
      }
      if (!tag.selfClosing) depth += 1;
    }
    if (next === -1) break;
    index = xml.indexOf('<', next);
  }
  return { declarationAt: null, diagramRanges };
}

function isDiagram(tag: Tag, rootNamespaces: Map<string, string>): boolean {
  const separator = tag.name.indexOf(':');
  const prefix = separator === -1 ? '' : tag.name.slice(0, separator);
  const localName = tag.name.slice(separator + 1);
  if (localName !== 'BPMNDiagram') return false;
  return (namespacesOf(tag).get(prefix) ?? rootNamespaces.get(prefix)) === BPMN_DI_NAMESPACE;
}

/** The text with the given ranges blanked out, keeping their line breaks so positions stay true. */
export function withoutRanges(xml: string, ranges: ReadonlyArray<[number, number]>): string {
  if (ranges.length === 0) return xml;
  const parts: string[] = [];
  let cursor = 0;
  for (const [start, end] of ranges) {
    parts.push(xml.slice(cursor, start), xml.slice(start, end).replace(/[^\n]/g, ''));
    cursor = end;
  }
  parts.push(xml.slice(cursor));
  return parts.join('');
}
