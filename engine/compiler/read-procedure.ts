import { child, text, type ModdleElement } from '../moddle/moddle-element.js';
import { DEFAULT_ONLINE_LEVEL, NATIONAL_CODE_PATTERN, onlineLevels } from '../plan/online-level.js';
import type { ProcedureSettings } from '../plan/procedure-plan.js';
import { MISSING, type CompileContext } from './compile-context.js';
import { readAmount, readChoice, readDuration, readTimeOfDay, reportInvalid } from './read-attributes.js';
import { readExtensions } from './read-extensions.js';

/** The national calendar the calendar engine ships (engine/calendar/data/vn-national). */
const DEFAULT_CALENDAR_ID = 'vn-national';

/** The decree's rule: the legal deadline restarts once the supplemented dossier is complete. */
const DEFAULT_SUPPLEMENTATION_CLOCK = 'restart';

/** Calendar ids as the calendar data names them: lower-case letters, digits and dashes. */
function readCalendarId(context: CompileContext, processId: string, value: string | undefined): string {
  const id = value?.trim();
  if (!id) return DEFAULT_CALENDAR_ID;
  if (/^[a-z0-9][a-z0-9-]{0,62}$/.test(id)) return id;
  reportInvalid(context, processId, 'mc:procedure calendarId', id, {
    vi: 'cần mã lịch gồm chữ thường, chữ số và dấu gạch ngang, ví dụ vn-national.',
    en: 'expected a calendar id of lower-case letters, digits and dashes, e.g. vn-national.',
  });
  return DEFAULT_CALENDAR_ID;
}

/** Mã TTHC, in the national database's short form. */
function readNationalCode(context: CompileContext, processId: string, value: string | undefined): string | undefined {
  const code = value?.trim();
  if (!code) return undefined;
  if (NATIONAL_CODE_PATTERN.test(code)) return code;
  reportInvalid(context, processId, 'mc:procedure nationalCode', code, {
    vi: 'cần mã thủ tục hành chính trên Cơ sở dữ liệu quốc gia, dạng 1.001193.',
    en: 'expected the procedure’s code in the national database, like 1.001193.',
  });
  return undefined;
}

/** Process-level legal settings, from the process's name and its `mc:procedure`. */
export function readProcedure(context: CompileContext, process: ModdleElement, processId: string): ProcedureSettings {
  const procedure = readExtensions(context, process, processId)['mc:Procedure'];
  const name = text(process, 'name')?.trim();
  if (!name) context.report('missing-procedure-attribute', processId, { attribute: 'name' });
  if (!procedure) {
    context.report('missing-procedure-attribute', processId, { attribute: 'extension' });
    return {
      code: MISSING,
      name: name ?? MISSING,
      agency: MISSING,
      calendarId: DEFAULT_CALENDAR_ID,
      legalLimit: MISSING,
      supplementationClock: DEFAULT_SUPPLEMENTATION_CLOCK,
    };
  }

  const required = (attribute: 'code' | 'agency' | 'legalLimit'): string | undefined => {
    const value = text(procedure, attribute)?.trim();
    if (!value) context.report('missing-procedure-attribute', processId, { attribute });
    return value || undefined;
  };
  const code = required('code');
  const agency = required('agency');
  const limitText = required('legalLimit');
  const legalLimit = readDuration(context, processId, 'mc:procedure legalLimit', limitText);

  const basis = child(procedure, 'legalBasis');
  const basisText = basis && text(basis, 'text')?.trim();
  const basisHref = basis && text(basis, 'href')?.trim();

  const volumes = child(procedure, 'costModel');
  const volume = (attribute: string): number | undefined =>
    volumes && readAmount(context, processId, `mc:costModel ${attribute}`, text(volumes, attribute));

  return {
    code: code ?? MISSING,
    name: name ?? MISSING,
    agency: agency ?? MISSING,
    calendarId: readCalendarId(context, processId, text(procedure, 'calendarId')),
    legalLimit: legalLimit ?? MISSING,
    cutOff: readTimeOfDay(context, processId, 'mc:procedure cutOff', text(procedure, 'cutOff')),
    supplementationClock:
      readChoice(context, processId, 'mc:procedure supplementationClock', text(procedure, 'supplementationClock'), ['pause', 'restart'] as const) ??
      DEFAULT_SUPPLEMENTATION_CLOCK,
    legalBasis: basisText ? { text: basisText, href: basisHref || undefined } : undefined,
    nationalCode: readNationalCode(context, processId, text(procedure, 'nationalCode')),
    field: text(procedure, 'field')?.trim() || undefined,
    onlineLevel: readChoice(context, processId, 'mc:procedure onlineLevel', text(procedure, 'onlineLevel'), onlineLevels) ?? DEFAULT_ONLINE_LEVEL,
    costModel: volumes
      ? { hourlyIncome: volume('hourlyIncome') ?? 0, timesPerYear: volume('timesPerYear') ?? 1, subjectsPerYear: volume('subjectsPerYear') ?? 0 }
      : undefined,
  };
}
