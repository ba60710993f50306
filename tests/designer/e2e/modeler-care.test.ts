/**
 * The modeler does not lose a reformer's work: the sample opens wholly in view, beside the palette
 * and the minimap; a flow deleted with the keyboard alone gives one error and a budget that is not
 * computable; Ctrl+Z brings it back; leaving with unsaved changes asks first.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { openDesignerApp, type DesignerApp } from '../support/designer-app.js';
import { screenshot } from '../support/screenshots.js';

let app: DesignerApp;
let page: Page;

beforeAll(async () => {
  app = await openDesignerApp();
  page = app.page;
}, 240_000);

afterAll(() => app?.close());

const rectOf = (selector: string) => page.locator(selector).first().evaluate((element) => element.getBoundingClientRect().toJSON() as DOMRect);

test('reformer: fully in view, delete with the keyboard, one error, undo, asked before leaving', async () => {
  await page.goto(`${app.server.url}/procedures`);
  await page.waitForURL(/\/sign-in/);
  await page.fill('input[name="username"]', 'reformer');
  await page.fill('input[name="password"]', 'motcua-demo');
  await page.click('form button[type="submit"]');
  await page.waitForURL(/\/procedures$/);
  await page.selectOption('[data-test="sample"]', 'household-business-registration');
  await page.click('[data-test="open-sample"]');
  await page.locator('.djs-element[data-element-id="Task_ThamDinh"]').waitFor();
  await page.locator('.no-problems').waitFor();

  // Every shape lies inside the canvas, right of the palette and clear of the minimap.
  const canvas = await rectOf('[data-test="canvas"]');
  const palette = await rectOf('.djs-palette');
  const minimap = await rectOf('.djs-minimap');
  const shapes = await page.locator('.djs-shape:not(.djs-frame)').evaluateAll((elements) => elements.map((element) => element.getBoundingClientRect().toJSON() as DOMRect));
  expect(shapes.length).toBeGreaterThan(10);
  for (const shape of shapes) {
    expect(shape.left).toBeGreaterThanOrEqual(palette.right);
    expect(shape.right).toBeLessThanOrEqual(minimap.left);
    expect(shape.top).toBeGreaterThanOrEqual(canvas.top);
    expect(shape.bottom).toBeLessThanOrEqual(canvas.bottom);
  }

  // Focus elsewhere on the page, select the flow without a pointer press on the canvas, press Delete.
  await page.locator('[data-test="procedure-name"]').click();
  await page.locator('.djs-connection[data-element-id="Flow_HopNhat_ThamDinh"]').dispatchEvent('click');
  await page.keyboard.press('Delete');
  await page.locator('[data-test="problem"][data-code="missing-flow"][data-element-id="Gateway_HopNhat"]').waitFor();
  await expect(page.locator('[data-test="problem"].error').count()).resolves.toBe(1);
  await expect(page.locator('[data-test="budget-verdict"]').textContent()).resolves.toBe('Không tính được: sửa các lỗi của thủ tục trước');
  await expect(page.locator('[data-test="budget-total"]').textContent()).resolves.toBe('Thời gian xấu nhất: không tính được');
  await screenshot(page, 'modeler-root-cause');

  await page.keyboard.press('Control+z');
  await page.locator('.no-problems').waitFor();
  await expect(page.locator('[data-test="budget-verdict"]').textContent()).resolves.toBe('Trong thời hạn');

  // Unsaved changes: leaving asks; declining stays on the page.
  const dialogs: string[] = [];
  page.once('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.evaluate(() => history.back());
  await expect.poll(() => dialogs).toEqual(['Thủ tục có thay đổi chưa lưu. Rời trang và bỏ các thay đổi này?']);
  await expect(page.locator('.djs-element[data-element-id="Task_ThamDinh"]').count()).resolves.toBe(1);
});
