import type { ProcedureRegistry } from '@engine/plan/procedure-registry.js';
import type { Agency, Position, Unit } from '../api/types.js';
import type { Locale } from '../i18n/i18n.js';

/** The organisation's directory, for the role, unit and agency pickers (from the API). */
export interface OrganisationDirectory {
  agencies: Pick<Agency, 'id' | 'name'>[];
  units: Pick<Unit, 'id' | 'agencyId' | 'name'>[];
  positions: Position[];
}

export const EMPTY_DIRECTORY: OrganisationDirectory = { agencies: [], units: [], positions: [] };

/**
 * What the app hands the modeler (as bpmn-js's `motcua` config): its translations, in the locale
 * currently chosen, and the organisation's directory, which may arrive after the modeler is made.
 */
export interface MotcuaConfig {
  t(key: string, values?: Record<string, unknown>): string;
  locale(): Locale;
  directory(): OrganisationDirectory;
  /** Deployed procedures, so that live validation checks call activities as deployment will. */
  procedures(): ProcedureRegistry | undefined;
}
