import { beforeEach, describe, expect, test } from 'vitest';
import { sampleXml, useModelerPage } from '../../../support/modeler-page-session.js';

const directory = {
  agencies: [{ id: 'ubnd-xa', name: 'UBND xã' }],
  units: [
    { id: 'bo-phan-mot-cua', agencyId: 'ubnd-xa', name: 'Bộ phận Một cửa' },
    { id: 'phong-kinh-te', agencyId: 'ubnd-xa', name: 'Phòng Kinh tế' },
  ],
  positions: [
    { id: 'chuyen-vien', name: 'Chuyên viên' },
    { id: 'truong-phong', name: 'Trưởng phòng' },
  ],
};

const session = useModelerPage();
const input = (id: string) => session.page.locator(`#bio-properties-panel-${id}`);

/** Opens a group of the properties panel (they start closed). */
async function openGroup(groupId: string) {
  const header = session.page.locator(`[data-group-id="group-${groupId}"] > .bio-properties-panel-group-header`);
  if (!(await header.evaluate((element) => element.classList.contains('open')))) await header.click();
}

/**
 * Clicks a panel checkbox and waits for it to show the wanted state. The panel's checkbox renders its
 * own `value` attribute ("on") once before it takes the model's answer, so right after a click it can
 * read as checked for a frame: Playwright's check()/uncheck() would take that frame for a failed click.
 */
async function setChecked(id: string, checked: boolean) {
  await input(id).click();
  await session.page.waitForFunction(([selector, wanted]) => (document.querySelector(selector as string) as HTMLInputElement).checked === wanted, [`#bio-properties-panel-${id}`, checked] as const);
}

/** Waits until live validation (debounced) has run again after an edit. */
async function nextValidation(before: number) {
  await session.page.waitForFunction((count) => (window as any).modelerPage.validations() > count, before);
}

describe('properties provider: a service task', () => {
  beforeEach(async () => {
    await session.open(await sampleXml('household-business-registration'), { directory });
    await session.call('select', 'Task_ThongBaoThue');
    await openGroup('mc-service-call');
  });

  test('the type picker offers the catalogue of activities the worker runs, and writes the chosen type', async () => {
    const types = await input('mc-service-type').locator('option').evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value));
    expect(types).toEqual(['', 'gui-thong-bao', 'dong-bo-cong-dvc', 'tao-van-ban', 'thu-phi', 'goi-http']);
    await expect(input('mc-service-type').locator('option[value="thu-phi"]').textContent()).resolves.toBe('Thu phí, lệ phí');
    await input('mc-service-type').selectOption('goi-http');
    await expect(session.call('extension', 'Task_ThongBaoThue', 'mc:ServiceCall', 'type')).resolves.toBe('goi-http');
  });
});

describe('properties provider: MotCua attributes of a step', () => {
  beforeEach(async () => {
    await session.open(await sampleXml('household-business-registration'), { directory });
    await session.call('select', 'Task_ThamDinh');
    await openGroup('mc-step');
  });

  test('shows the step in Vietnamese, with its deadline as an amount and a working-day unit', async () => {
    const group = session.page.locator('[data-group-id="group-mc-step"]');
    await expect(group.textContent()).resolves.toContain('Bước xử lý');
    await expect(input('mc-step-deadline-amount').inputValue()).resolves.toBe('1');
    await expect(input('mc-step-deadline-unit').inputValue()).resolves.toBe('working-days');
    await expect(input('mc-step-deadline-unit').locator('option:checked').textContent()).resolves.toBe('ngày làm việc');
    await expect(input('mc-step-role').inputValue()).resolves.toBe('chuyen-vien');
    await expect(input('mc-step-unit').inputValue()).resolves.toBe('phong-kinh-te');
  });

  test('marks the step that returns the result: only user tasks offer it, and it is written to mc:step', async () => {
    await expect(input('mc-step-returns-result').isChecked()).resolves.toBe(false);
    await setChecked('mc-step-returns-result', true);
    await expect(session.call('extension', 'Task_ThamDinh', 'mc:Step', 'returnsResult')).resolves.toBe(true);
    await session.call('select', 'Task_TraKetQua');
    await openGroup('mc-step');
    await expect(input('mc-step-returns-result').isChecked()).resolves.toBe(true);
    await session.call('select', 'Task_ChoBoSung');
    await openGroup('mc-step');
    await expect(session.page.locator('[data-entry-id="mc-step-returns-result"]').count()).resolves.toBe(0);
  });

  test('a new deadline is written to mc:step, moves the budget, and undoes', async () => {
    const budgetBefore = (await session.call('latest'))!.budget!;
    expect(budgetBefore).toMatchObject({ text: '3WD', legalLimit: '3WD', verdict: 'within' });
    expect(budgetBefore.criticalPath).toContain('Task_ThamDinh');
    const count = await session.call('validations');
    await input('mc-step-deadline-amount').fill('3');
    await nextValidation(count);
    await expect(session.call('extension', 'Task_ThamDinh', 'mc:Step', 'deadline')).resolves.toBe('3WD');
    expect((await session.call('latest'))!.budget).toMatchObject({ text: '5WD', verdict: 'exceeds' });
    expect((await session.call('latest'))!.diagnostics.map((diagnostic) => diagnostic.code)).toContain('deadline-budget-exceeded');
    const deadlineBadge = (await session.call('badges', 'mc-deadline')).find((badge) => badge.elementId === 'Task_ThamDinh');
    expect(deadlineBadge?.text).toBe('3 ngày làm việc');

    await input('mc-step-deadline-unit').selectOption('working-hours');
    await expect(session.call('extension', 'Task_ThamDinh', 'mc:Step', 'deadline')).resolves.toBe('3WH');

    await session.call('undo');
    await session.call('undo');
    await expect(session.call('extension', 'Task_ThamDinh', 'mc:Step', 'deadline')).resolves.toBe('1WD');
  });

  test('an invalid amount shows an error and changes nothing', async () => {
    await input('mc-step-deadline-amount').fill('ba');
    await expect(session.page.locator('[data-entry-id="mc-step-deadline-amount"] .bio-properties-panel-error').textContent()).resolves.toBe('Nhập một số nguyên');
    await expect(session.call('extension', 'Task_ThamDinh', 'mc:Step', 'deadline')).resolves.toBe('1WD');
  });

  test('role and unit pickers list the directory and keep a value it lacks', async () => {
    const roles = await input('mc-step-role').locator('option').allTextContents();
    expect(roles).toEqual(['(không)', 'Chuyên viên', 'Trưởng phòng']);
    await input('mc-step-role').selectOption('truong-phong');
    await expect(session.call('extension', 'Task_ThamDinh', 'mc:Step', 'role')).resolves.toBe('truong-phong');

    await session.call('select', 'Task_TiepNhan');
    await openGroup('mc-escalation');
    const targets = await input('mc-escalation-target').locator('option').allTextContents();
    expect(targets).toContain('truong-bo-phan (không có trong danh mục)');
    await expect(input('mc-escalation-target').inputValue()).resolves.toBe('truong-bo-phan');
  });

  test('overdue actions are checkboxes over mc:onOverdue children', async () => {
    await session.call('select', 'Task_TiepNhan');
    await openGroup('mc-escalation');
    await expect(input('mc-escalation-apology-letter').isChecked()).resolves.toBe(false);
    await setChecked('mc-escalation-apology-letter', true);
    await expect(session.call('extensionList', 'Task_TiepNhan', 'mc:Escalation', 'overdueActions')).resolves.toEqual([
      { action: 'notify' },
      { action: 'mark-overdue' },
      { action: 'apology-letter' },
    ]);
    await setChecked('mc-escalation-notify', false);
    await expect(session.call('extensionList', 'Task_TiepNhan', 'mc:Escalation', 'overdueActions')).resolves.toEqual([{ action: 'mark-overdue' }, { action: 'apology-letter' }]);
  });

  test('form fields: add one, make it a choice with options', async () => {
    await openGroup('mc-form-fields');
    const before = await session.call('extensionList', 'Task_ThamDinh', 'mc:Form', 'fields');
    await session.page.locator('[data-group-id="group-mc-form-fields"] .bio-properties-panel-add-entry').click();
    const after = await session.call('extensionList', 'Task_ThamDinh', 'mc:Form', 'fields');
    expect(after).toEqual([...before, { key: 'truong4', label: 'truong4', type: 'text', required: false }]);
    await input('mc-form-field-3-type').selectOption('choice');
    await input('mc-form-field-3-options').fill('dat=Đạt\nkhong-dat=Không đạt');
    await expect.poll(() => session.call('saveXml')).toMatch(/<mc:field key="truong4" label="truong4" type="choice" required="false">\s*<mc:option value="dat" label="Đạt" \/>\s*<mc:option value="khong-dat" label="Không đạt" \/>/);
  });

  test('outcomes: the variable and each choice', async () => {
    await openGroup('mc-outcomes');
    await expect(input('mc-outcomes-variable').inputValue()).resolves.toBe('ketQua');
    await openGroup('mc-outcome-choices');
    await session.page.locator('[data-group-id="group-mc-outcome-choices"] .bio-properties-panel-add-entry').click();
    await expect(session.call('extensionList', 'Task_ThamDinh', 'mc:Outcomes', 'choices')).resolves.toHaveLength(4);
  });

  test('compliance cost inputs accept numbers only', async () => {
    await openGroup('mc-compliance-cost');
    await input('mc-cost-citizen-hours').fill('3');
    await expect.poll(() => session.call('extension', 'Task_ThamDinh', 'mc:ComplianceCost', 'citizenHours')).toBe('3');
    await input('mc-cost-travel').fill('-5');
    await expect(session.page.locator('[data-entry-id="mc-cost-travel"] .bio-properties-panel-error').textContent()).resolves.toBe('Nhập một số không âm');
    await expect(session.call('extension', 'Task_ThamDinh', 'mc:ComplianceCost', 'travelCost')).resolves.toBeUndefined();
  });
});

describe('properties provider: the procedure and the flows', () => {
  beforeEach(async () => {
    await session.open(await sampleXml('household-business-registration'), { directory });
  });

  test('the process carries the legal settings; a bad cut-off is refused with its reason', async () => {
    await session.call('select', 'Process_DangKyHoKinhDoanh');
    await openGroup('mc-procedure');
    await expect(input('mc-procedure-code').inputValue()).resolves.toBe('dang-ky-ho-kinh-doanh');
    await expect(input('mc-procedure-legal-limit-amount').inputValue()).resolves.toBe('3');
    await expect(input('mc-procedure-agency').inputValue()).resolves.toBe('ubnd-xa');
    await input('mc-procedure-cut-off').fill('25:00');
    await expect(session.page.locator('[data-entry-id="mc-procedure-cut-off"] .bio-properties-panel-error').textContent()).resolves.toBe('Viết giờ dạng HH:MM, ví dụ 15:00');
    await expect(session.call('extension', 'Process_DangKyHoKinhDoanh', 'mc:Procedure', 'cutOff')).resolves.toBeUndefined();
    await input('mc-procedure-cut-off').fill('15:00');
    await expect.poll(() => session.call('extension', 'Process_DangKyHoKinhDoanh', 'mc:Procedure', 'cutOff')).toBe('15:00');

    await openGroup('mc-cost-model');
    await expect(input('mc-cost-subjects-per-year').inputValue()).resolves.toBe('1200');
    await openGroup('mc-legal-basis');
    await expect(input('mc-legal-basis-text').inputValue()).resolves.toContain('Nghị định 01/2021/NĐ-CP');
  });

  test('a gateway flow has a FEEL condition, checked as typed', async () => {
    await session.call('select', 'Flow_BoSung');
    await openGroup('mc-flow');
    const editor = session.page.locator('[data-entry-id="mc-flow-condition"] .cm-content[contenteditable]');
    await expect(editor.textContent()).resolves.toBe('ketQua = "bo-sung"');
    await editor.fill('ketQua = ');
    await expect(session.page.locator('[data-entry-id="mc-flow-condition"] .bio-properties-panel-error').textContent()).resolves.toMatch(/^Biểu thức FEEL (sai cú pháp ở cột \d+|không phân tích được)/);
    const condition = await session.page.evaluate(() => (window as any).modelerPage.saveXml());
    expect(condition).toContain('=ketQua = "bo-sung"</bpmn:conditionExpression>');
    await editor.fill('ketQua = "thieu"');
    await expect.poll(() => session.call('saveXml')).toContain('=ketQua = "thieu"</bpmn:conditionExpression>');
  });

  test('in English when the reformer switches', async () => {
    await session.open(await sampleXml('household-business-registration'), { directory, locale: 'en' });
    await session.call('select', 'Task_ThamDinh');
    await openGroup('mc-step');
    await expect(session.page.locator('[data-group-id="group-mc-step"]').textContent()).resolves.toContain('Step deadline');
    await expect(input('mc-step-deadline-unit').locator('option:checked').textContent()).resolves.toBe('working days');
  });
});
