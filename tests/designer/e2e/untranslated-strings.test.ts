/**
 * Every screen of the app in Vietnamese, walked in headless Chromium set to English (US) against the
 * API with the built designer, with data so that no list is empty: a deployed sample, a dossier, a
 * claimed task, the modeler with the sample open, an element selected and token simulation on.
 * Each string a reader sees must be explained by the Vietnamese catalogue or be data
 * (tests/designer/support/untranslated-text.ts says how). The routes walked are the router's own: a
 * route added to designer/src/router/routes.ts without a walk here fails the test.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { routes } from '../../../designer/src/router/routes.js';
import { importModel } from '../../../engine/import/import-model.js';
import { projectRoot } from '../../../scripts/runtime/config.js';
import { openDesignerApp, type DesignerApp } from '../support/designer-app.js';
import { screenshot } from '../support/screenshots.js';
import { journeyPage } from '../support/journey-page.js';
import { bpmnNames, dataStringsOf, TextRule, vietnameseCatalogue } from '../support/untranslated-text.js';
import { visibleTexts } from '../support/visible-texts.js';

const SAMPLE = 'household-business-registration';
/** A Camunda 7 model, imported through the dialog with its groups mapped as below. */
const FOREIGN_MODEL = path.join(projectRoot, 'tests/designer/e2e/fixtures/camunda7-signboard-permit.bpmn');
const FOREIGN_MAPPING = { 'front-office': { role: 'can-bo-mot-cua', unit: 'bo-phan-mot-cua' }, appraisers: { role: 'chuyen-vien', unit: 'phong-kinh-te' } };

/** One screen: the page at `path`, seen by `user` (signed out when absent), after `act`. */
interface Screen {
  user?: string;
  path: string;
  act?: (page: Page) => Promise<void>;
}

let app: DesignerApp;
let page: Page;
let procedureCode: string;
let dossierId: string;
let taskId: string;
const data = new Set<string>();

beforeAll(async () => {
  app = await openDesignerApp(async (api) => {
    procedureCode = await api.deploySample(SAMPLE);
    dossierId = (await api.submitOnline(procedureCode, 'an', { name: 'Trần Thị Bình', phone: '0912 345 678' })).body.dossierId;
    taskId = await api.openTask(dossierId, 'Task_TiepNhan');
    expect((await api.request('POST', `/api/tasks/${encodeURIComponent(taskId)}/claim`, { token: await api.token('mot-cua') })).status).toBe(200);
    // A second dossier waits in the unit's queue, unclaimed.
    const waiting = (await api.submitOnline(procedureCode, 'an')).body.dossierId;
    await api.openTask(waiting, 'Task_TiepNhan');
  }, { locale: 'en-US' });
  page = app.page;
  // An imported model is unsaved: leaving its screen asks first, and the walk goes on.
  page.on('dialog', (dialog) => void dialog.accept());
  // The API's answers are the walk's data; problem answers are English for developers, never data.
  page.on('response', async (response) => {
    const type = response.headers()['content-type'] ?? '';
    if (!new URL(response.url()).pathname.startsWith('/api/') || !type.startsWith('application/json')) return;
    dataStringsOf(await response.json().catch(() => null), data);
  });
  const samples = await readdir(`${projectRoot}/engine/samples`);
  for (const sample of samples) for (const name of bpmnNames(await readFile(`${projectRoot}/engine/samples/${sample}`, 'utf8'))) data.add(name);
  // The foreign model and what the import makes of it are models the walk opens; the report names what it read as the other tool does.
  const foreign = await readFile(FOREIGN_MODEL, 'utf8');
  const converted = await importModel(foreign, { from: 'camunda7', mapping: { groups: FOREIGN_MAPPING, users: {} } });
  if (!converted.ok) throw new Error(`${FOREIGN_MODEL} does not convert`);
  for (const text of [...bpmnNames(foreign), ...bpmnNames(converted.xml), ...converted.report.map((line) => line.subject)]) data.add(text);
}, 300_000);

afterAll(() => app?.close());

const catalogue = vietnameseCatalogue(projectRoot);

const shape = (id: string) => page.locator(`.djs-element[data-element-id="${id}"]`);

/** The modeler with the sample's appraisal step selected, so the properties panel and context pad show it. */
async function selectAppraisal() {
  await shape('Task_ThamDinh').waitFor();
  await page.locator('.no-problems').waitFor();
  await shape('Task_ThamDinh').click();
  await page.locator('.bio-properties-panel-header-type').waitFor();
}

/** The blank designer with the Camunda 7 model chosen in “Nhập BPMN”: the import dialog, its groups mapped. */
async function openImportDialog() {
  await page.locator('[data-test="problems"]').waitFor();
  await page.setInputFiles('[data-test="import-file"]', FOREIGN_MODEL);
  for (const [name, { role, unit }] of Object.entries(FOREIGN_MAPPING)) {
    const row = page.locator(`[data-test="import-person"][data-name="${name}"]`);
    await row.locator('select[data-test="import-role"]').selectOption(role);
    await row.locator('select[data-test="import-unit"]').selectOption(unit);
  }
}

/** The walks of every route, by route name. */
const walks: Record<string, () => Screen[]> = {
  'sign-in': () => [
    {
      path: '/sign-in',
      act: async () => {
        await page.fill('input[name="username"]', 'lan');
        await page.fill('input[name="password"]', 'sai-mat-khau');
        await page.click('form button[type="submit"]');
        await page.locator('[data-test="sign-in-error"]').waitFor();
      },
    },
  ],
  home: () => ['reformer', 'admin', 'mot-cua', 'hung', 'an'].map((user) => ({ user, path: '/' })),
  procedures: () => [{ user: 'reformer', path: '/procedures' }],
  'procedure-new': () => [
    {
      user: 'reformer',
      path: `/procedures/new?sample=${SAMPLE}`,
      act: async () => {
        await selectAppraisal();
        await screenshot(page, 'modeler-vietnamese');
      },
    },
    {
      user: 'reformer',
      path: `/procedures/new?sample=${SAMPLE}`,
      act: async () => {
        await selectAppraisal();
        await page.click('.djs-context-pad [data-action="replace"]');
        await page.locator('.djs-popup').waitFor();
      },
    },
    {
      user: 'reformer',
      path: `/procedures/new?sample=${SAMPLE}`,
      act: async () => {
        await selectAppraisal();
        await page.click('[data-test="simulate"]');
        // The simulation's log, opened from the last entry of its palette.
        await page.locator('.bts-palette .bts-entry').last().click();
        await page.locator('.bts-log:not(.hidden)').waitFor();
      },
    },
    { user: 'reformer', path: '/procedures/new', act: openImportDialog },
    {
      user: 'reformer',
      path: '/procedures/new',
      act: async () => {
        await openImportDialog();
        await page.click('[data-test="import-convert"]');
        await page.locator('[data-test="import-report"]').waitFor();
      },
    },
  ],
  procedure: () => [{ user: 'admin', path: `/procedures/${procedureCode}`, act: selectAppraisal }],
  compare: () => [{ user: 'reformer', path: `/compare?code=${procedureCode}&from=1&to=1`, act: async () => void (await page.locator('[data-test="comparison-report"]').waitFor()) }],
  worklist: () => [
    { user: 'mot-cua', path: '/worklist', act: async () => void (await page.locator(`[data-test="task"][data-dossier-id="${dossierId}"]`).waitFor()) },
    {
      user: 'mot-cua',
      path: '/worklist',
      act: async () => {
        await page.click('[data-test="view-unit"]');
        await page.locator('[data-test="task"]').first().waitFor();
      },
    },
  ],
  counter: () => [
    {
      user: 'mot-cua',
      path: '/counter',
      act: async () => {
        await page.selectOption('[data-test="counter-procedure"]', procedureCode);
        await page.locator('[data-test="seen-original"]').first().check();
        await page.locator('[data-test="fee-collected"]').check();
      },
    },
  ],
  task: () => [{ user: 'mot-cua', path: `/tasks/${encodeURIComponent(taskId)}`, act: async () => void (await page.locator('[data-test="task-form"]').waitFor()) }],
  supervision: () => [{ user: 'hung', path: '/supervision' }],
  dashboards: () => [{ user: 'admin', path: '/dashboards', act: async () => void (await page.locator('[data-figure="received"] strong').waitFor()) }],
  organisation: () => [{ user: 'admin', path: '/organisation', act: async () => void (await page.locator('[data-member="lan"]').waitFor()) }],
  reports: () => [
    {
      user: 'admin',
      path: '/reports',
      act: async () => {
        await page.locator('[data-test="report-agency"] option').first().waitFor({ state: 'attached' });
        await page.click('[data-test="report-produce"]');
        await page.locator('[data-test="report-total"]').waitFor();
        await page.locator('[data-test="kept-report"]').first().waitFor();
      },
    },
  ],
  outbox: () => [{ user: 'admin', path: '/outbox', act: async () => void (await page.locator('[data-test="notice"]').first().waitFor()) }],
  catalogue: () => [
    { path: '/catalogue', act: async () => void (await page.locator('[data-test="catalogue-entry"]').first().waitFor()) },
    { user: 'an', path: '/catalogue', act: async () => void (await page.locator('[data-test="catalogue-entry"]').first().waitFor()) },
  ],
  submit: () => [{ user: 'an', path: `/submit/${procedureCode}`, act: async () => void (await page.locator('[data-test="submission-form"]').waitFor()) }],
  track: () => [
    { path: '/track' },
    { user: 'an', path: `/track/${encodeURIComponent(dossierId)}`, act: async () => void (await page.locator('[data-test="tracked-dossier"] [data-test="timeline"] li').first().waitFor()) },
  ],
  'not-found': () => [{ path: '/no-such-page' }],
};

async function signOut() {
  if (await page.locator('[data-test="sign-out"]').isVisible().catch(() => false)) {
    await page.click('[data-test="sign-out"]');
    await page.waitForURL(/\/sign-in/);
  }
}

let signedIn: string | undefined;

async function open(screen: Screen) {
  if (screen.user && screen.user !== signedIn) await journeyPage(page, app.server.url).signIn(screen.user, screen.path.split('?')[0]!);
  if (!screen.user) await signOut();
  signedIn = screen.user;
  await page.goto(`${app.server.url}${screen.path}`);
  await page.waitForLoadState('networkidle');
  await screen.act?.(page);
  // What the last answers bring (live updates, lazy lists) is on the page before it is read.
  await page.waitForLoadState('networkidle');
}

test('every route of the router has a walk', () => {
  const names = routes.map((route) => String(route.name));
  expect(names.filter((name) => !(name in walks)), 'routes of designer/src/router/routes.ts without a walk in this test').toEqual([]);
  expect(Object.keys(walks).filter((name) => !names.includes(name)), 'walks of routes that no longer exist').toEqual([]);
});

for (const route of routes) {
  const name = String(route.name);
  test(`screen “${name}” (${route.path}) shows only Vietnamese`, async () => {
    const screens = walks[name];
    if (!screens) throw new Error(`route “${name}” (${route.path}) has no walk in tests/designer/e2e/untranslated-strings.test.ts`);
    const failures: string[] = [];
    for (const screen of screens()) {
      await open(screen);
      const rule = new TextRule(catalogue, data);
      const untranslated = new Map<string, string>();
      for (const { text, where } of await visibleTexts(page)) {
        const rest = rule.unexplained(text);
        if (rest) untranslated.set(`“${rest}” in ${where}${rest === text ? '' : ` (text “${text.slice(0, 120)}”)`}`, '');
      }
      if (untranslated.size > 0) failures.push(`screen “${name}” at ${screen.path} as ${screen.user ?? 'signed out'}:\n${[...untranslated.keys()].map((line) => `  - ${line}`).join('\n')}`);
    }
    expect(failures.join('\n'), 'strings not in the Vietnamese catalogue (designer/src/i18n/messages/vi.ts)').toBe('');
  }, 120_000);
}
