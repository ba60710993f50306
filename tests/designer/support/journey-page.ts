import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';

/** How long a step's task may take to reach the worklist (the workflow runs it on a worker). */
export const stepWait = 60_000;

/** The household-business dossier's request form, as a citizen attaches it. */
export const requestFormPdf = { name: 'giay-de-nghi.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n') };

/** Today in Vietnam as an officer types a date into a form (dd/mm/yyyy). */
export function todayTyped(): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric' }).format(new Date());
}

/**
 * What the browser journeys do on MotCua's pages at `appUrl`, whichever stack serves them
 * (`npm start`'s or the cluster's proxy): sign in, find a step in the worklist, fill a form, finish a step.
 */
export function journeyPage(page: Page, appUrl: string) {
  /** Signs in through the sign-in page (signing out whoever was in) and lands on `path`. */
  async function signIn(username: string, path: string) {
    if (await page.locator('[data-test="sign-out"]').isVisible().catch(() => false)) {
      await page.click('[data-test="sign-out"]');
      await page.waitForURL(/\/sign-in/);
    }
    await page.goto(`${appUrl}/sign-in?next=${encodeURIComponent(path)}`);
    await page.fill('input[name="username"]', username);
    await page.fill('input[name="password"]', 'motcua-demo');
    await page.click('form button[type="submit"]');
    await page.waitForURL((url) => url.pathname === path.split('?')[0]);
  }

  const taskRow = (dossier: string, elementId: string): Locator => page.locator(`[data-test="task"][data-dossier-id="${dossier}"][data-element-id="${elementId}"]`);

  const field = (key: string) => page.locator(`[data-field="${key}"] input, [data-field="${key}"] textarea, [data-field="${key}"] select`).first();

  /**
   * An officer takes a step of `dossier` from their unit's queue and opens it. The row arrives by
   * the worklist's live updates: the page is never reloaded while waiting.
   */
  async function claimFromQueue(username: string, dossier: string, elementId: string) {
    await signIn(username, '/worklist');
    await page.click('[data-test="view-unit"]');
    const row = taskRow(dossier, elementId);
    await row.waitFor({ timeout: stepWait });
    await row.locator('[data-test="claim"]').click();
    await expect.poll(() => page.locator('[data-test="worklist-message"]').textContent()).toContain(dossier);
    await page.click('[data-test="view-mine"]');
    await taskRow(dossier, elementId).locator('[data-test="open-task"]').click();
    await page.locator('[data-test="task-form"]').waitFor();
    await expect.poll(() => page.locator('[data-test="task-status"]').textContent()).toContain('Đang xử lý');
  }

  /** Completes the open step of `dossier` by `action` and lands back on the worklist, which names the dossier. */
  async function finishStep(dossier: string, action: () => Promise<void>) {
    await action();
    await page.waitForURL(/\/worklist\?completed=/);
    await expect(page.locator('[data-test="worklist-message"]').textContent()).resolves.toContain(dossier);
  }

  /** The citizen's tracking page of `dossier` until it shows `status`. */
  async function trackUntil(dossier: string, status: string) {
    await signIn('an', `/track/${dossier}`);
    await expect.poll(() => page.locator('[data-test="tracked-dossier"]').getAttribute('data-status'), { timeout: stepWait }).toBe(status);
  }

  return { signIn, taskRow, field, claimFromQueue, finishStep, trackUntil };
}
