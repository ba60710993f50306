import type { z } from 'zod';
import type { Diagnostic, LocalizedText } from '../diagnostics/diagnostic.js';
import type { importMappingSchema } from './import-mapping-schema.js';

/** The modelers whose extensions MotCua converts. */
export const dialects = ['camunda7', 'camunda8', 'flowable'] as const;
export type Dialect = (typeof dialects)[number];

/**
 * How the other tool's people become MotCua's: each candidate group, and each assignee or
 * candidate user, to a role (position) in a unit. Saved per agency, edited by the person importing.
 */
export type ImportMapping = z.infer<typeof importMappingSchema>;

/** Who does a step in MotCua: a position (candidate role) in a unit. */
export type Assignment = ImportMapping['groups'][string];

/** What the other tool's file cannot say and a MotCua procedure needs: given by the person importing. */
export interface ProcedureDefaults {
  /** The procedure's name, when the process has none. */
  name?: string;
  /** The procedure's code; the process id when left out. */
  code?: string;
  agency?: string;
  calendarId?: string;
  /** The legal time limit, e.g. 5WD. */
  legalLimit?: string;
  /** The deadline of a step whose file gives none, e.g. 1WD. */
  stepDeadline?: string;
}

export interface ImportOptions {
  from: Dialect;
  mapping?: ImportMapping;
  procedure?: ProcedureDefaults;
  /** Remove the other tool's attributes and extensions from the saved model (kept by default, so it still opens there). */
  stripForeign?: boolean;
}

/** converted: MotCua now does what the file said; dropped: MotCua has no such thing, left out; needs-person: someone must decide. */
export const conversionOutcomes = ['converted', 'dropped', 'needs-person'] as const;
export type ConversionOutcome = (typeof conversionOutcomes)[number];

/** One line of the conversion report, pointing at the element it concerns (null for the document). */
export interface ConversionLine {
  elementId: string | null;
  outcome: ConversionOutcome;
  /** What was read, as the other tool names it: `camunda:candidateGroups`, `flowable:formProperty`, a condition. */
  subject: string;
  text: LocalizedText;
}

/** A group or person the file names, and whether the mapping says who they are in MotCua. */
export interface SeenAssignee {
  kind: 'group' | 'user';
  name: string;
  elementIds: string[];
  mapped: boolean;
}

export interface ImportResult {
  /** The converted model: MotCua's extensions added, the other tool's kept unless stripped. */
  xml: string;
  report: ConversionLine[];
  assignees: SeenAssignee[];
}

/** The result of `importModel`: the converted model, or why the file could not be read at all. */
export type ImportOutcome = ({ ok: true } & ImportResult) | { ok: false; diagnostics: Diagnostic[] };
