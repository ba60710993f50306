import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { clientTypesFile, generatedClientTypes } from '../../../scripts/api-types/client-types.js';

describe('the designer client types', () => {
  it('are what openapi-typescript makes of the API document now: a route schema changed without npm run api:types fails here', async () => {
    const committed = await readFile(clientTypesFile, 'utf8');
    expect(committed).toContain('"/api/dossiers/{code}"');
    expect(await generatedClientTypes(), 'designer/src/api/generated/api-schema.ts is stale: run npm run api:types').toBe(committed);
  });
});
