/**
 * The rule of the untranslated-string test: a string a Vietnamese reader sees is accepted when it is
 * made only of
 * - texts of the Vietnamese catalogue (designer/src/i18n/messages/vi.ts, bpmn-js's Vietnamese texts,
 *   the timeline's Vietnamese action names, the `vi` halves the engine writes — diagnostics, budget,
 *   comparison — since the designer runs the engine itself), a text with placeholders counting for its
 *   fixed words;
 * - data: strings the API answered in its JSON (names, codes, labels, dates), except enumerations the
 *   page must translate (status, action, kind…), English halves of bilingual texts, bilingual texts
 *   that are only a code (an action the API has no words for) and problem answers; names written in
 *   the BPMN models the walk opens;
 * - anything without a letter (numbers, dates, times, amounts, punctuation).
 * Whatever letters remain after taking those out is untranslated.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { actionLabels } from '../../../api/dossiers/timeline.js';
import { vi } from '../../../designer/src/i18n/messages/vi.js';
import { vietnameseTexts } from '../../../designer/src/modeler/i18n/translate.js';

/** Keys of the API's JSON whose values are codes of a closed list: the page shows their translation, never the code. */
const ENUMERATION_KEYS = new Set(['status', 'action', 'kind', 'state', 'channel', 'role', 'roles', 'view', 'source', 'severity', 'outcome', 'level', 'figure', 'purpose', 'punctuality', 'type']);
/** Keys whose values are written for developers, in English: never shown, so never data. */
const DEVELOPER_KEYS = new Set(['detail']);

function stringsOf(value: unknown, into: string[] = []): string[] {
  if (typeof value === 'string') into.push(value);
  else if (Array.isArray(value)) for (const item of value) stringsOf(item, into);
  else if (value && typeof value === 'object') for (const item of Object.values(value)) stringsOf(item, into);
  return into;
}

/** A code of a closed list (`supplement-sent`): never Vietnamese words, whatever key it comes under. */
const CODE = /^[a-z][a-z0-9]*(-[a-z0-9]+)+$/;

/** Every Vietnamese text the app may show, placeholders included. */
export function vietnameseCatalogue(projectRoot: string): string[] {
  return [...stringsOf(vi), ...Object.values(vietnameseTexts), ...Object.values(actionLabels).map((label) => label.vi), ...engineVietnameseTexts(join(projectRoot, 'engine'))];
}

/**
 * The `vi:` texts written in the engine's sources (quoted or template literals), each `${…}` read as
 * a placeholder: the engine's bilingual findings, budget and comparison texts the designer shows.
 */
export function engineVietnameseTexts(directory: string): string[] {
  const texts: string[] = [];
  for (const entry of readdirSync(directory, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.ts')) continue;
    const source = readFileSync(join(entry.parentPath, entry.name), 'utf8');
    for (const match of source.matchAll(/\bvi:\s*(['"`])((?:\\.|(?!\1)[^\\])*)\1/g)) texts.push(match[2]!.replace(/\$\{[^}]*\}/g, '{value}').replace(/\\(.)/g, '$1'));
  }
  return texts;
}

/** The data strings of one JSON answer of the API. */
export function dataStringsOf(json: unknown, into: Set<string>, key = ''): void {
  if (typeof json === 'string') {
    if (DEVELOPER_KEYS.has(key)) return;
    if (ENUMERATION_KEYS.has(key) && /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(json)) return;
    into.add(json);
    if (json.trimStart().startsWith('<?xml') || json.includes('<bpmn:definitions')) for (const name of bpmnNames(json)) into.add(name);
    return;
  }
  if (Array.isArray(json)) {
    for (const item of json) dataStringsOf(item, into, key);
    return;
  }
  if (!json || typeof json !== 'object') return;
  const entries = Object.entries(json);
  const bilingual = 'vi' in json && 'en' in json;
  for (const [child, value] of entries) {
    if (bilingual && (child !== 'vi' || (typeof value === 'string' && CODE.test(value)))) continue;
    dataStringsOf(value, into, Array.isArray(json) ? key : child);
  }
}

/** The names and texts a BPMN model carries (element names, labels, documentation, MotCua attributes). */
export function bpmnNames(xml: string): string[] {
  const names = [...xml.matchAll(/\s[\w:]+="([^"]*)"/g)].map((match) => unescapeXml(match[1]!));
  const texts = [...xml.matchAll(/>([^<>]*\p{L}[^<>]*)</gu)].map((match) => unescapeXml(match[1]!.trim()));
  return [...names, ...texts].filter((text) => text.length > 0);
}

function unescapeXml(text: string): string {
  return text.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&#10;/g, '\n').replace(/&amp;/g, '&');
}

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Cuts out whole-word occurrences of known texts, longest first, so that what remains is unexplained. */
export class TextRule {
  private readonly pieces: RegExp[];

  constructor(catalogue: Iterable<string>, data: Iterable<string>) {
    const fragments = new Set<string>();
    // A catalogue text with placeholders counts for its fixed words: "Phiên bản {version}" explains "Phiên bản".
    for (const text of catalogue) for (const fragment of text.split(/\{[^}]*\}/)) addFragment(fragments, fragment);
    for (const text of data) addFragment(fragments, text);
    // Whole words: no letter or digit may touch an end of the fragment that is itself a letter or digit ("Camunda 7: …" holds ": …").
    const word = /[\p{L}\p{N}]/u;
    this.pieces = [...fragments]
      .sort((a, b) => b.length - a.length)
      .map((fragment) => new RegExp(`${word.test(fragment[0]!) ? '(?<![\\p{L}\\p{N}])' : ''}${escapeRegex(fragment)}${word.test(fragment.at(-1)!) ? '(?![\\p{L}\\p{N}])' : ''}`, 'gu'));
  }

  /** The letters of `text` no catalogue text or data explains ('' when all is explained). */
  unexplained(text: string): string {
    let rest = text.replace(/\s+/g, ' ').trim();
    if (!/\p{L}/u.test(rest)) return '';
    for (const piece of this.pieces) {
      rest = rest.replace(piece, ' ');
      if (!/\p{L}/u.test(rest)) return '';
    }
    return rest.replace(/\s+/g, ' ').trim();
  }
}

function addFragment(into: Set<string>, fragment: string): void {
  const text = fragment.replace(/\s+/g, ' ').trim();
  if (/\p{L}/u.test(text)) into.add(text);
}
