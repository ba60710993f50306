import type { MotcuaApi } from '../api/motcua-api.js';
import { EMPTY_DIRECTORY, type OrganisationDirectory } from '../modeler/motcua-config.js';

/**
 * The organisation's directory for the pickers. A part the API cannot give leaves that picker with
 * the values already in the model, rather than failing the page.
 */
export async function loadDirectory(api: MotcuaApi): Promise<OrganisationDirectory> {
  const [agencies, units, positions] = await Promise.all([
    api.agencies().catch(() => EMPTY_DIRECTORY.agencies),
    api.units().catch(() => EMPTY_DIRECTORY.units),
    api.positions().catch(() => EMPTY_DIRECTORY.positions),
  ]);
  return {
    agencies,
    units,
    positions: positions.map((position) => (typeof position === 'string' ? { id: position, name: position } : position)),
  };
}
