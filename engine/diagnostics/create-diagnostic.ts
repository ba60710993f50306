import { catalogue, type DiagnosticCode, type DiagnosticParams } from './catalogue.js';
import type { Diagnostic } from './diagnostic.js';

type Extra = Pick<Diagnostic, 'relatedElementIds' | 'location'>;

/** A diagnostic with its catalogue severity and texts. */
export function createDiagnostic<C extends DiagnosticCode>(
  code: C,
  elementId: string | null,
  ...[params, extra]: undefined extends DiagnosticParams<C> ? [params?: undefined, extra?: Extra] : [params: DiagnosticParams<C>, extra?: Extra]
): Diagnostic {
  const described = catalogue[code] as unknown as {
    severity: Diagnostic['severity'];
    message: (params: DiagnosticParams<C>) => Diagnostic['message'];
    hint: (params: DiagnosticParams<C>) => Diagnostic['hint'];
  };
  const given = (params ?? {}) as DiagnosticParams<C>;
  return {
    code,
    severity: described.severity,
    elementId,
    message: described.message(given),
    hint: described.hint(given),
    ...(extra?.relatedElementIds?.length ? { relatedElementIds: extra.relatedElementIds } : {}),
    ...(extra?.location ? { location: extra.location } : {}),
  };
}
