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
  /** Elements outside those ranges: what bpmn-moddle will build objects for. */
  elements: number;
}

interface Tag {
  text: string;
  end: number;
  selfClosing: boolean;
}

const namespaceDeclaration = /\sxmlns(?::([\w.-]+))?\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/**
 * Finds where markup ends, honouring quoted attribute values. The next quote of each kind is
 * remembered between calls, so the whole document is scanned for quotes once, not once per tag.
 */
class TagReader {
  private nextDouble = -1;
  private nextSingle = -1;

  constructor(private readonly xml: string) {}

  private quoteAfter(from: number): number {
    if (this.nextDouble !== Number.POSITIVE_INFINITY && this.nextDouble < from) this.nextDouble = this.find('"', from);
    if (this.nextSingle !== Number.POSITIVE_INFINITY && this.nextSingle < from) this.nextSingle = this.find("'", from);
    return Math.min(this.nextDouble, this.nextSingle);
  }

  private find(quote: string, from: number): number {
    const found = this.xml.indexOf(quote, from);
    return found === -1 ? Number.POSITIVE_INFINITY : found;
  }

  /** The start tag at `start` (which holds `<`), or null when it never ends. */
  read(start: number): Tag | null {
    let from = start + 1;
    for (;;) {
      const close = this.xml.indexOf('>', from);
      if (close === -1) return null;
      const quote = this.quoteAfter(from);
      if (quote > close) {
        return { text: this.xml.slice(start, close), end: close + 1, selfClosing: this.xml.charCodeAt(close - 1) === 47 };
      }
      const closingQuote = this.xml.indexOf(this.xml[quote]!, quote + 1);
      if (closingQuote === -1) return null;
      from = closingQuote + 1;
    }
  }
}

function nameOf(tag: Tag): string {
  const match = /^<([^\s/>]+)/.exec(tag.text);
  return match ? match[1]! : '';
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
  let elements = 0;
  let rootNamespaces: Map<string, string> | null = null;
  let depth = 0;
  let diagramStart: number | null = null;
  const tags = new TagReader(xml);
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
      return { declarationAt: index, diagramRanges, elements };
    } else if (xml.startsWith('</', index)) {
      next = skipPast(xml, index + 2, '>');
      depth -= 1;
      if (depth === 1 && diagramStart !== null && next !== -1) {
        diagramRanges.push([diagramStart, next]);
        diagramStart = null;
      }
    } else {
      const tag = tags.read(index);
      if (!tag) break;
      next = tag.end;
      if (rootNamespaces === null) {
        rootNamespaces = namespacesOf(tag);
        elements += 1;
      } else if (depth === 1 && isDiagram(tag, rootNamespaces)) {
        if (tag.selfClosing) diagramRanges.push([index, tag.end]);
        else diagramStart = index;
      } else if (diagramStart === null) {
        elements += 1;
      }
      if (!tag.selfClosing) depth += 1;
    }
    if (next === -1) break;
    index = xml.indexOf('<', next);
  }
  return { declarationAt: null, diagramRanges, elements };
}

function isDiagram(tag: Tag, rootNamespaces: Map<string, string>): boolean {
  const name = nameOf(tag);
  const separator = name.indexOf(':');
  const prefix = separator === -1 ? '' : name.slice(0, separator);
  const localName = name.slice(separator + 1);
  if (localName !== 'BPMNDiagram') return false;
  return (namespacesOf(tag).get(prefix) ?? rootNamespaces.get(prefix)) === BPMN_DI_NAMESPACE;
}

/** The text with the given ranges blanked out, keeping their line breaks so positions stay true. */
export function withoutRanges(xml: string, ranges: ReadonlyArray<[number, number]>): string {
  if (ranges.length === 0) return xml;
  const parts: string[] = [];
  let cursor = 0;
  for (const [start, end] of ranges) {
    let lineBreaks = 0;
    for (let at = xml.indexOf('\n', start); at !== -1 && at < end; at = xml.indexOf('\n', at + 1)) lineBreaks += 1;
    parts.push(xml.slice(cursor, start), '\n'.repeat(lineBreaks));
    cursor = end;
  }
  parts.push(xml.slice(cursor));
  return parts.join('');
}
