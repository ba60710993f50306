import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, parseTemporalSettings, projectRoot, readEnvironment } from '../../../scripts/runtime/config.js';

const shipped = await readFile(path.join(projectRoot, 'temporal.yaml'), 'utf8');

describe('temporal.yaml', () => {
  it('ships valid, with the search attributes MotCua upserts', () => {
    const settings = parseTemporalSettings(shipped);
    expect(settings.searchAttributes).toMatchObject({
      DossierCode: 'Keyword',
      ProcedureCode: 'Keyword',
      AgencyId: 'Keyword',
      DossierStatus: 'Keyword',
      DueAt: 'Datetime',
      Overdue: 'Bool',
    });
  });

  it.each([
    ['a wrong type', shipped.replace('port: 7233', 'port: seven'), 'temporal.yaml: devServer.port: '],
    ['an unknown key', `${shipped}\nsurprise: 1\n`, 'temporal.yaml: (top level): '],
    ['a bad search attribute type', shipped.replace('Overdue: Bool', 'Overdue: Boolean'), 'temporal.yaml: searchAttributes.Overdue: '],
    ['a bad duration', shipped.replace('shutdownGraceTime: 10s', 'shutdownGraceTime: soon'), 'temporal.yaml: worker.shutdownGraceTime: '],
    ['a missing key', shipped.replace(/^namespace: .*$/m, ''), 'temporal.yaml: namespace: '],
    ['broken YAML', 'address: [127.0.0.1', 'temporal.yaml: not valid YAML'],
  ])('rejects %s with one line naming the key', (_case, text, expected) => {
    const error = (() => {
      try {
        parseTemporalSettings(text);
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toContain(expected);
    expect((error as Error).message).not.toContain('\n');
  });
});

describe('environment', () => {
  it('switches to external servers when TEMPORAL_ADDRESS and MONGODB_URI are set', () => {
    const environment = readEnvironment({ TEMPORAL_ADDRESS: 'temporal.agency.vn:7233', MONGODB_URI: 'mongodb://db.agency.vn/motcua' });
    expect(environment.externalTemporalAddress).toBe('temporal.agency.vn:7233');
    expect(environment.externalMongodbUri).toBe('mongodb://db.agency.vn/motcua');
  });

  it('reads the timeouts to the store and Temporal, leaving the defaults to their modules when unset', () => {
    expect(readEnvironment({ MOTCUA_STORE_TIMEOUT_MS: '2500', MOTCUA_TEMPORAL_TIMEOUT_MS: '750' }).timeouts).toEqual({ storeMs: 2500, temporalMs: 750 });
    expect(readEnvironment({}).timeouts).toEqual({ storeMs: undefined, temporalMs: undefined });
  });

  it('names the variable that is wrong', () => {
    expect(() => readEnvironment({ PORT: 'eighty' })).toThrow(/^environment: PORT: /);
    expect(() => readEnvironment({ MOTCUA_STORE_TIMEOUT_MS: 'soon' })).toThrow(/^environment: MOTCUA_STORE_TIMEOUT_MS: /);
    expect(() => readEnvironment({ MOTCUA_TEMPORAL_TIMEOUT_MS: '5' })).toThrow(/^environment: MOTCUA_TEMPORAL_TIMEOUT_MS: /);
    expect(() => readEnvironment({ MONGODB_URI: 'postgres://x' })).toThrow(/^environment: MONGODB_URI: /);
  });
});
