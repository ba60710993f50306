import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from 'vitest';
import { actionLabels } from '../../../api/dossiers/timeline.js';
import { projectRoot } from '../../../scripts/runtime/config.js';

async function sources(folder: string): Promise<string[]> {
  const root = path.join(projectRoot, folder);
  const files = (await readdir(root, { recursive: true })).filter((file) => file.endsWith('.ts'));
  return Promise.all(files.map((file) => readFile(path.join(root, file), 'utf8')));
}

/**
 * Every action a dossier's timeline can show: the workflow's `record.audit('…')`, the dossier routes'
 * `audit(principal, code, '…')` and the task routes' `act(task, principal, '…')`.
 */
async function dossierActions(): Promise<Set<string>> {
  const actions = new Set<string>();
  for (const source of await sources('workflows')) {
    for (const match of source.matchAll(/\.audit\(\s*'([a-z-]+)'/g)) actions.add(match[1]!);
  }
  const dossierRoutes = await readFile(path.join(projectRoot, 'api/dossiers/dossier-routes.ts'), 'utf8');
  for (const match of dossierRoutes.matchAll(/audit\(principal, [\w.]+, '([a-z-]+)'/g)) actions.add(match[1]!);
  const taskRoutes = await readFile(path.join(projectRoot, 'api/tasks/task-routes.ts'), 'utf8');
  for (const match of taskRoutes.matchAll(/act\(\s*\w+,\s*principal,\s*'([a-z-]+)'/g)) actions.add(match[1]!);
  for (const match of taskRoutes.matchAll(/^\s*'(task-[a-z-]+-requested)',$/gm)) actions.add(match[1]!);
  // The workflow audits `payment-${outcome}` for each outcome of activities/payments/payment-gateway.ts.
  for (const outcome of ['paid', 'failed', 'expired']) actions.add(`payment-${outcome}`);
  return actions;
}

test('every action of a dossier timeline is named in Vietnamese, never shown as its code', async () => {
  const actions = await dossierActions();
  expect(actions).toContain('supplement-sent');
  expect(actions.size).toBeGreaterThan(30);
  const unnamed = [...actions].filter((action) => !(action in actionLabels));
  expect(unnamed).toEqual([]);
  for (const action of actions) expect(actionLabels[action]!.vi).not.toMatch(/^[a-z-]+$/);
});
