import { feelSyntaxErrorColumn } from '../feel/feel-expression.js';
import { juelToFeel } from '../feel/juel-to-feel.js';
import type { LocalizedText } from '../diagnostics/localized-text.js';
import { child, children, extensionValues, idOf, text, type ModdleElement } from '../moddle/moddle-element.js';
import { readBpmn } from '../moddle/read-bpmn.js';
import { bpmnElement, writeBpmn } from '../moddle/write-bpmn.js';
import { convertForm } from './convert-form.js';
import { foreignDuration } from './convert-duration.js';
import { dialectReaders, type DialectReader } from './dialects.js';
import { ForeignMarkup } from './foreign-markup.js';
import type { ForeignTask } from './foreign-task.js';
import type { Assignment, ConversionLine, ConversionOutcome, Dialect, ImportMapping, ImportOptions, ImportOutcome, SeenAssignee } from './import-types.js';
import { dialects } from './import-types.js';

/** The tool a model was written with, from the namespaces it binds; undefined for none of them. */
export function detectDialect(xml: string): Dialect | undefined {
  const declared = new Set([...xml.matchAll(/xmlns:[\w.-]+\s*=\s*["']([^"']+)["']/g)].map((match) => match[1]));
  return dialects.find((dialect) => dialectReaders[dialect].namespaces.some((namespace) => declared.has(namespace)));
}

const emptyMapping: ImportMapping = { groups: {}, users: {} };

/** Converts one model; collects the report and the people the file names as it goes. */
class Conversion {
  readonly report: ConversionLine[] = [];
  private readonly seen = new Map<string, SeenAssignee>();

  constructor(
    readonly reader: DialectReader,
    readonly markup: ForeignMarkup,
    private readonly mapping: ImportMapping,
    private readonly options: ImportOptions,
  ) {}

  line(elementId: string | null, outcome: ConversionOutcome, subject: string, text: LocalizedText): void {
    this.report.push({ elementId, outcome, subject, text });
  }

  get assignees(): SeenAssignee[] {
    return [...this.seen.values()];
  }

  process(process: ModdleElement): void {
    const processId = idOf(process) ?? null;
    this.procedure(process, processId);
    this.walk(process);
    this.codeHooks(process, processId);
    this.leftOver(process, processId);
  }

  private walk(container: ModdleElement): void {
    for (const element of children(container, 'flowElements')) {
      const id = idOf(element) ?? null;
      if (element.$type === 'bpmn:UserTask') this.userTask(element, id, container);
      if (element.$type === 'bpmn:StartEvent') this.startForm(element, id, container);
      if (element.$type === 'bpmn:SequenceFlow') this.condition(element, id);
      if (element.$type === 'bpmn:ScriptTask') this.line(id, 'needs-person', 'bpmn:scriptTask', scriptText);
      for (const definition of children(element, 'eventDefinitions')) this.timer(definition, id);
      this.codeHooks(element, id);
      this.leftOver(element, id);
      if (children(element, 'flowElements').length > 0) this.walk(element);
    }
  }

  private procedure(process: ModdleElement, processId: string | null): void {
    const defaults = this.options.procedure ?? {};
    const existing = extensionValues(process).find((value) => value.$type === 'mc:Procedure');
    const procedure = existing ?? addExtension(process, bpmnElement('mc:Procedure'));
    const fill = (attribute: 'code' | 'agency' | 'calendarId' | 'legalLimit', value: string | undefined, said: (value: string) => LocalizedText) => {
      if (text(procedure, attribute) || !value) return;
      (procedure as Record<string, unknown>)[attribute] = value;
      this.line(processId, 'converted', `mc:procedure ${attribute}`, said(value));
    };
    fill('code', defaults.code ?? processId ?? undefined, (value) => ({ vi: `Mã thủ tục: ${value}.`, en: `Procedure code: ${value}.` }));
    fill('agency', defaults.agency, (value) => ({ vi: `Cơ quan giải quyết: ${value}.`, en: `Agency: ${value}.` }));
    fill('calendarId', defaults.calendarId, (value) => ({ vi: `Lịch làm việc: ${value}.`, en: `Calendar: ${value}.` }));
    fill('legalLimit', defaults.legalLimit, (value) => ({ vi: `Thời hạn giải quyết: ${value}.`, en: `Legal time limit: ${value}.` }));
    if (!text(process, 'name') && defaults.name) (process as Record<string, unknown>).name = defaults.name;
    if (!text(process, 'name')) this.line(processId, 'needs-person', 'bpmn:process name', { vi: 'Thủ tục chưa có tên.', en: 'The procedure has no name.' });
    if (!text(procedure, 'agency')) {
      this.line(processId, 'needs-person', 'mc:procedure agency', {
        vi: 'Thủ tục chưa có cơ quan giải quyết; tệp của công cụ cũ không nói.',
        en: 'The procedure lacks the agency that handles it; the old tool’s file does not say.',
      });
    }
    if (!text(procedure, 'legalLimit')) {
      this.line(processId, 'needs-person', 'mc:procedure legalLimit', {
        vi: 'Thủ tục chưa có thời hạn giải quyết theo luật (ví dụ 5WD); tệp của công cụ cũ không nói.',
        en: 'The procedure lacks its legal time limit (e.g. 5WD); the old tool’s file does not say.',
      });
    }
  }

  private userTask(task: ModdleElement, id: string | null, process: ModdleElement): void {
    const foreign = this.reader.userTask(this.markup, task, this.processOf(process));
    const existing = extensionValues(task).find((value) => value.$type === 'mc:Step');
    const step = existing ?? addExtension(task, bpmnElement('mc:Step'));
    this.assignment(step, foreign, id);
    this.deadline(step, foreign, id);
    this.form(task, foreign, id);
  }

  /** MotCua has no start form: what is submitted is asked for by the first step's form. */
  private startForm(start: ModdleElement, id: string | null, process: ModdleElement): void {
    const { form, subjects } = this.reader.userTask(this.markup, start, this.processOf(process));
    if (!form) return;
    const what = 'link' in form ? `"${form.link}"` : form.fields.map((field) => field.key).join(', ');
    this.line(id, 'needs-person', subjects.form, {
      vi: `Biểu mẫu khởi đầu (${what}): MotCua nhận dữ liệu nộp qua biểu mẫu của bước đầu tiên; hãy chuyển các trường sang đó.`,
      en: `Start form (${what}): MotCua takes what is submitted through the first step’s form; move the fields there.`,
    });
  }

  private processOf(container: ModdleElement): ModdleElement {
    let current: ModdleElement = container;
    while (current.$type !== 'bpmn:Process' && current.$parent) current = current.$parent;
    return current;
  }

  private assignment(step: ModdleElement, foreign: ForeignTask, id: string | null): void {
    const mapped = foreign.people.map((person) => ({ ...person, to: this.mapped(person.kind, person.name) }));
    for (const person of mapped) this.see(person.kind, person.name, id, person.to !== undefined);
    if (text(step, 'role') && text(step, 'unit')) return;
    if (mapped.length === 0) {
      this.line(id, 'needs-person', 'mc:step role, unit', { vi: 'Tệp không nói ai làm bước này; hãy chọn chức danh và đơn vị.', en: 'The file does not say who does this step; give it a role and unit.' });
      return;
    }
    const chosen = mapped.find((person) => person.to !== undefined);
    const names = mapped.map((person) => person.name).join(', ');
    if (!chosen) {
      this.line(id, 'needs-person', [...new Set(mapped.map((person) => person.source))].join(', '), {
        vi: `Tệp giao bước này cho ${names}; hãy ánh xạ sang chức danh và đơn vị của MotCua.`,
        en: `The file gives this step to ${names}; map them to a MotCua role and unit.`,
      });
      return;
    }
    const { role, unit } = chosen.to!;
    if (!text(step, 'role')) (step as Record<string, unknown>).role = role;
    if (!text(step, 'unit')) (step as Record<string, unknown>).unit = unit;
    const others = mapped.length > 1 ? { vi: ` (trong số ${names})`, en: ` (of ${names})` } : { vi: '', en: '' };
    this.line(id, 'converted', chosen.source, {
      vi: `${chosen.name}${others.vi} → chức danh ${role}, đơn vị ${unit}.`,
      en: `${chosen.name}${others.en} → role ${role}, unit ${unit}.`,
    });
  }

  private mapped(kind: 'group' | 'user', name: string): Assignment | undefined {
    const table = kind === 'group' ? this.mapping.groups : this.mapping.users;
    return Object.hasOwn(table, name) ? table[name] : undefined;
  }

  private see(kind: 'group' | 'user', name: string, id: string | null, mapped: boolean): void {
    const key = `${kind}:${name}`;
    const seen = this.seen.get(key) ?? { kind, name, elementIds: [], mapped };
    if (id && !seen.elementIds.includes(id)) seen.elementIds.push(id);
    this.seen.set(key, seen);
  }

  private deadline(step: ModdleElement, foreign: ForeignTask, id: string | null): void {
    if (text(step, 'deadline')) return;
    const set = (deadline: string) => ((step as Record<string, unknown>).deadline = deadline);
    if (foreign.dueDate !== undefined) {
      const deadline = foreignDuration(foreign.dueDate);
      if (deadline === undefined) {
        this.line(id, 'needs-person', foreign.subjects.dueDate, {
          vi: `Hạn "${foreign.dueDate}" không phải một khoảng thời gian; hãy đặt thời hạn của bước (ví dụ 1WD).`,
          en: `The due date "${foreign.dueDate}" is not a duration; give the step a deadline (e.g. 1WD).`,
        });
      } else {
        set(deadline);
        this.line(id, 'converted', foreign.subjects.dueDate, {
          vi: `Hạn ${foreign.dueDate} → thời hạn bước ${deadline} (ngày theo lịch; thời hạn theo luật thường tính ngày làm việc, ví dụ 3WD).`,
          en: `Due date ${foreign.dueDate} → step deadline ${deadline} (calendar time; legal deadlines usually count working days, e.g. 3WD).`,
        });
      }
      return;
    }
    const fallback = this.options.procedure?.stepDeadline;
    if (fallback) {
      set(fallback);
      this.line(id, 'converted', 'mc:step deadline', { vi: `Tệp không có hạn; dùng thời hạn mặc định ${fallback}.`, en: `The file gives no due date; the default deadline ${fallback} applies.` });
    }
  }

  private form(task: ModdleElement, foreign: ForeignTask, id: string | null): void {
    if (extensionValues(task).some((value) => value.$type === 'mc:Form')) return;
    if (!foreign.form) {
      this.line(id, 'needs-person', 'mc:form', { vi: 'Tệp không có biểu mẫu cho bước này; hãy thêm các trường cán bộ điền.', en: 'The file has no form for this step; add the fields the officer fills in.' });
      return;
    }
    if ('link' in foreign.form) {
      this.line(id, 'needs-person', foreign.subjects.form, {
        vi: `Biểu mẫu "${foreign.form.link}" nằm ngoài tệp; hãy khai báo các trường của nó trong MotCua.`,
        en: `The form "${foreign.form.link}" lives outside the file; declare its fields in MotCua.`,
      });
      return;
    }
    const { form, keys, guesses } = convertForm(foreign.form.fields);
    addExtension(task, form);
    this.line(id, 'converted', foreign.subjects.form, { vi: `Biểu mẫu: ${keys.join(', ')}.`, en: `Form: ${keys.join(', ')}.` });
    for (const guess of guesses) this.line(id, 'needs-person', foreign.subjects.form, guess);
  }

  private condition(flow: ModdleElement, id: string | null): void {
    const expression = child(flow, 'conditionExpression');
    const body = expression && text(expression, 'body');
    if (!expression || body === undefined) return;
    const language = text(expression, 'language');
    if (language && !/feel/i.test(language)) {
      this.line(id, 'needs-person', 'conditionExpression', {
        vi: `Điều kiện viết bằng ${language}; hãy viết lại bằng FEEL.`,
        en: `The condition is written in ${language}; rewrite it in FEEL.`,
      });
      return;
    }
    const feel = this.reader.feelWithEquals ? (body.trim().startsWith('=') ? body.trim().slice(1).trim() : null) : juelToFeel(body);
    if (feel === null) return;
    // A method call (`execution.getVariable("x")`) parses as FEEL but means nothing there.
    if (feel === '' || javaCall.test(feel) || feelSyntaxErrorColumn(feel) !== null) {
      this.line(id, 'needs-person', 'conditionExpression', {
        vi: `Điều kiện ${body.trim()} không chuyển được sang FEEL một cách máy móc; hãy viết lại.`,
        en: `The condition ${body.trim()} has no mechanical FEEL rewrite; rewrite it.`,
      });
      return;
    }
    (expression as Record<string, unknown>).body = feel;
    if (language) delete (expression as Record<string, unknown>).language;
    this.line(id, 'converted', 'conditionExpression', { vi: `Điều kiện ${body.trim()} → ${feel}.`, en: `Condition ${body.trim()} → ${feel}.` });
  }

  private timer(definition: ModdleElement, id: string | null): void {
    if (definition.$type !== 'bpmn:TimerEventDefinition') return;
    for (const property of ['timeDuration', 'timeDate', 'timeCycle'] as const) {
      const expression = child(definition, property);
      const body = expression && text(expression, 'body');
      if (!expression || body === undefined || !/^\s*(=|\$\{|#\{)/.test(body)) continue;
      const duration = property === 'timeDuration' ? foreignDuration(body) : undefined;
      if (duration === undefined) {
        this.line(id, 'needs-person', property, {
          vi: `Hẹn giờ "${body.trim()}" là một biểu thức; hãy đặt một khoảng thời gian cố định.`,
          en: `The timer "${body.trim()}" is an expression; give a fixed duration.`,
        });
        continue;
      }
      (expression as Record<string, unknown>).body = duration;
      this.line(id, 'converted', property, { vi: `Hẹn giờ ${body.trim()} → ${duration}.`, en: `Timer ${body.trim()} → ${duration}.` });
    }
  }

  private codeHooks(element: ModdleElement, id: string | null): void {
    for (const [name, advice] of Object.entries(this.reader.codeHooks)) {
      const value = this.markup.attribute(element, name);
      if (value !== undefined) this.line(id, 'needs-person', `${this.reader.prefix}:${name}="${value}"`, advice);
      for (const extension of this.markup.extensions(element, name)) this.line(id, 'needs-person', this.markup.canonical(extension.$type), advice);
    }
  }

  private leftOver(element: ModdleElement, id: string | null): void {
    const tool = this.reader.label;
    for (const name of this.markup.unused(element)) {
      this.line(
        id,
        'dropped',
        name,
        this.options.stripForeign
          ? { vi: `${name} không có tương đương trong MotCua; đã bỏ.`, en: `${name} has no MotCua equivalent; removed.` }
          : { vi: `${name} không có tương đương trong MotCua; giữ lại trong tệp cho ${tool}.`, en: `${name} has no MotCua equivalent; kept in the file for ${tool}.` },
      );
    }
  }

}

const javaCall = /\.\s*[\p{L}_$][\p{L}\p{N}_$]*\s*\(/u;

const scriptText: LocalizedText = {
  vi: 'Bước kịch bản (script task) không chạy trong MotCua; thay bằng một bước tự động hoặc một bước của cán bộ.',
  en: 'A script task does not run in MotCua; replace it with an automated step or an officer’s step.',
};

function addExtension(element: ModdleElement, extension: ModdleElement): ModdleElement {
  let extensions = child(element, 'extensionElements');
  if (!extensions) {
    extensions = bpmnElement('bpmn:ExtensionElements', { values: [] });
    (element as Record<string, unknown>).extensionElements = extensions;
  }
  (extensions as Record<string, unknown>).values ??= [];
  (extensions.values as ModdleElement[]).push(extension);
  return extension;
}

function allElements(definitions: ModdleElement): ModdleElement[] {
  const found: ModdleElement[] = [];
  const visit = (element: ModdleElement) => {
    found.push(element);
    for (const inner of [...children(element, 'rootElements'), ...children(element, 'flowElements')]) visit(inner);
  };
  visit(definitions);
  return found;
}

/**
 * Converts a Camunda 7, Camunda 8 or Flowable model into a MotCua procedure: people through the
 * mapping, due dates into step deadlines, forms into MotCua fields, JUEL conditions into FEEL where
 * the rewrite is mechanical; every element the tool's markup concerns gets a report line saying what
 * was converted, dropped, or needs a person. The tool's own markup stays in the file (it still
 * opens there) unless `stripForeign`.
 */
export async function importModel(xml: string, options: ImportOptions): Promise<ImportOutcome> {
  const { definitions, diagnostics } = await readBpmn(xml, { keepDiagram: true });
  if (!definitions) return { ok: false, diagnostics };
  const reader = dialectReaders[options.from];
  const markup = new ForeignMarkup(definitions, reader.namespaces, reader.prefix);
  const conversion = new Conversion(reader, markup, options.mapping ?? emptyMapping, options);
  if (!markup.present) {
    conversion.line(null, 'dropped', reader.namespaces[0]!, {
      vi: `Tệp không dùng không gian tên của ${reader.label}; không có gì của công cụ đó để chuyển.`,
      en: `The file binds no ${reader.label} namespace; nothing of that tool to convert.`,
    });
  }
  for (const process of children(definitions, 'rootElements').filter((element) => element.$type === 'bpmn:Process')) {
    conversion.process(process);
  }
  if (options.stripForeign) markup.strip(allElements(definitions));
  return { ok: true, xml: await writeBpmn(definitions), report: conversion.report, assignees: conversion.assignees };
}
