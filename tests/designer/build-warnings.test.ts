import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build, createLogger } from 'vite';
import { reportBuildWarning } from '../../designer/build-warnings.js';
import { designerRoot } from '../../scripts/runtime/designer-build.js';

describe('the designer build', () => {
  it('leaves out only zod’s misplaced-annotation comments', () => {
    const reported: string[] = [];
    const report = (warning: { message: string }) => void reported.push(warning.message);
    reportBuildWarning({ code: 'INVALID_ANNOTATION', id: '/app/node_modules/zod/v4/core/util.js', message: 'zod comment' }, report);
    reportBuildWarning({ code: 'INVALID_ANNOTATION', id: '/app/node_modules/other/index.js', message: 'other comment' }, report);
    reportBuildWarning({ code: 'CIRCULAR_DEPENDENCY', id: '/app/node_modules/zod/v4/core/util.js', message: 'cycle' }, report);
    expect(reported).toEqual(['other comment', 'cycle']);
  });

  it('prints no warning', async () => {
    const outDir = await mkdtemp(path.join(os.tmpdir(), 'motcua-designer-build-'));
    const logger = createLogger('warn');
    const warnings: string[] = [];
    logger.warn = (message) => void warnings.push(message);
    logger.warnOnce = logger.warn;
    try {
      await build({ configFile: path.join(designerRoot, 'vite.config.ts'), customLogger: logger, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
    } finally {
      await rm(outDir, { recursive: true, force: true });
    }
    expect(warnings).toEqual([]);
  }, 300_000);
});
