import { expect, test } from 'vitest';
import { compile } from '../../../../../engine/compiler/compile.js';
import type { PlanFlow } from '../../../../../engine/plan/procedure-plan.js';
import { chooseExclusive } from '../../../../../workflows/interpreter/gateways.js';
import { sampleXml, useModelerPage } from '../../../support/modeler-page-session.js';

const session = useModelerPage();

/**
 * Construction permit: the one-stop officer handing out the permit sends it back to the decision
 * step to be issued again. (The birth registration's same-day limit leaves no room for a round of
 * rework, which the compiler rightly reports as an error.)
 */
const SAMPLE = 'construction-permit';
const TASK = 'Task_TraKetQua';
const EARLIER = 'Task_QuyetDinh';
const EARLIER_NAME = 'Quyết định cấp giấy phép';

/** Selects the task, opens its "return to an earlier step" menu, picks the step named `to`; answers what the menu offered. */
async function returnThroughMenu(task: string, to: string): Promise<string[]> {
  await session.call('select', task);
  const entry = session.page.locator('.djs-context-pad [data-action="motcua.return-to-step"]');
  await expect(entry.getAttribute('title')).resolves.toBe('Trả về bước trước');
  await entry.click();
  const choices = session.page.locator('.djs-popup .entry');
  const offered = await choices.allTextContents();
  await choices.filter({ hasText: to }).click();
  return offered;
}

/** Opens the sample, saves it as the modeler holds it, and returns the handing-out step to an earlier one through the context pad and its menu. */
async function returnHandingOut(to = EARLIER_NAME) {
  await session.open(await sampleXml(SAMPLE));
  // bpmn-js draws the end event's label on two lines, measured on import, but writes the measured
  // height only once the label has moved: moved there and back, the saved model is what is drawn.
  await session.call('move', 'End_DaCapPhep', 10, 0);
  await session.call('move', 'End_DaCapPhep', -10, 0);
  const original = await session.call('saveXml');
  // The steps before handing out, nearest first; not the appraisal, which runs beside the fire
  // service's opinion: sent back into one branch, the dossier would wait at the join for ever.
  await expect(returnThroughMenu(TASK, to)).resolves.toEqual([EARLIER_NAME, 'Tiếp nhận hồ sơ']);
  return { original, changed: await session.call('saveXml') };
}

const elements = (xml: string, tag: string) => [...xml.matchAll(new RegExp(`<bpmn:${tag}\\b[^>]*?(?:/>|>[\\s\\S]*?</bpmn:${tag}>)`, 'g'))].map((match) => match[0]);

test('one click returns a step to an earlier one through a gateway, which the compiler accepts and one undo takes back', async () => {
  const { original, changed } = await returnHandingOut();

  const before = new Set(elements(original, 'exclusiveGateway'));
  const added = elements(changed, 'exclusiveGateway').filter((element) => !before.has(element));
  expect(added).toHaveLength(1);
  const gateway = added[0];
  const gatewayId = /id="([^"]+)"/.exec(gateway!)![1];
  // The step's flow to the end now leaves the gateway, as its default.
  expect(gateway).toContain('default="Flow_Tra_Xong"');
  expect(changed).toMatch(new RegExp(`<bpmn:sequenceFlow id="Flow_Tra_Xong" sourceRef="${gatewayId}" targetRef="End_DaCapPhep"`));
  expect(changed).toMatch(new RegExp(`<bpmn:sequenceFlow id="[^"]+" sourceRef="${TASK}" targetRef="${gatewayId}" />`));
  const back = elements(changed, 'sequenceFlow').find((flow) => flow.includes(`sourceRef="${gatewayId}" targetRef="${EARLIER}"`));
  expect(back).toContain(`name="Trả về ${EARLIER_NAME}"`);
  expect(back).toContain(`<bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">ketQua_${TASK} = "tra-ve-${EARLIER}"</bpmn:conditionExpression>`);
  expect(back).toContain('<mc:rework maxRounds="1" />');
  expect(changed).toContain(`<mc:outcomes variable="ketQua_${TASK}">`);
  expect(changed).toContain(`<mc:outcome value="tra-ve-${EARLIER}" label="Trả về ${EARLIER_NAME}" />`);

  // The live validation has seen the change once its budget counts the round of rework, as the compiler's does.
  const [compiledBefore, compiledAfter] = await Promise.all([compile(original), compile(changed)]);
  expect(compiledAfter.analysis!.budget.text).not.toBe(compiledBefore.analysis!.budget.text);
  await session.page.waitForFunction((text) => (window as any).modelerPage.latest()?.budget?.text === text, compiledAfter.analysis!.budget.text);
  const latest = await session.call('latest');
  expect(latest!.diagnostics.filter((diagnostic) => diagnostic.severity === 'error')).toEqual([]);
  expect(latest!.diagnostics.map((diagnostic) => diagnostic.code)).not.toContain('unbounded-rework');

  await session.call('undo');
  await expect(session.call('saveXml')).resolves.toBe(original);
});

test('in the compiled plan, the return outcome leads from the step back to the earlier one, any other to the next step', async () => {
  const { changed } = await returnHandingOut();
  const result = await compile(changed);
  expect(result.diagnostics.filter((diagnostic) => diagnostic.severity === 'error')).toEqual([]);
  const plan = result.plan!;
  const nodes = new Map(plan.process.nodes.map((node) => [node.id, node]));
  const flows = new Map<string, PlanFlow>(plan.process.flows.map((flow) => [flow.id, flow]));
  const task = nodes.get(TASK)!;
  expect(task).toMatchObject({ type: 'userTask', outcomeVariable: `ketQua_${TASK}` });
  expect(task.type === 'userTask' && task.outcomes!.map((outcome) => outcome.value)).toEqual(['chuyen-tiep', `tra-ve-${EARLIER}`]);
  const gateway = nodes.get(flows.get(task.outgoing[0]!)!.target)!;
  expect(gateway.type).toBe('exclusiveGateway');
  const next = (value: string) => chooseExclusive(gateway, flows, { [`ketQua_${TASK}`]: value }).map((flow) => [flow.target, flow.maxRounds]);
  expect(next(`tra-ve-${EARLIER}`)).toEqual([[EARLIER, 1]]);
  expect(next('chuyen-tiep')).toEqual([['End_DaCapPhep', undefined]]);
});

test('a return across a whole parallel block, to the step before it, keeps the procedure sound', async () => {
  const { changed } = await returnHandingOut('Tiếp nhận hồ sơ');
  const result = await compile(changed);
  const codes = result.diagnostics.map((diagnostic) => diagnostic.code);
  for (const defect of ['deadlock', 'lack-of-synchronization', 'cycle-without-exit', 'soundness-inconclusive']) expect(codes).not.toContain(defect);
  // Its only error is the budget: a second round through the 12-day wait overruns the 20 days.
  expect(result.diagnostics.filter((diagnostic) => diagnostic.severity === 'error').map((diagnostic) => diagnostic.code)).toEqual(['deadline-budget-exceeded']);
  expect(changed).toContain(`<mc:outcome value="tra-ve-Task_TiepNhan" label="Trả về Tiếp nhận hồ sơ" />`);
});

test('a step whose outcomes already lead into a gateway gets one more outcome and one more flow from that gateway', async () => {
  await session.open(await sampleXml('household-business-registration'));
  const original = await session.call('saveXml');
  await expect(returnThroughMenu('Task_ThamDinh', 'Tiếp nhận, kiểm tra hồ sơ')).resolves.toEqual(['Tiếp nhận, kiểm tra hồ sơ']);
  const changed = await session.call('saveXml');
  // No gateway is added: the appraisal's own gains the flow back and keeps its default.
  expect(elements(changed, 'exclusiveGateway')).toHaveLength(elements(original, 'exclusiveGateway').length);
  expect(changed).toContain('<bpmn:exclusiveGateway id="Gateway_KetQua" name="Kết quả thẩm định?" default="Flow_Dat">');
  await expect(session.call('extensionList', 'Task_ThamDinh', 'mc:Outcomes', 'choices')).resolves.toEqual([
    expect.objectContaining({ value: 'dat' }),
    expect.objectContaining({ value: 'bo-sung' }),
    expect.objectContaining({ value: 'tu-choi' }),
    { value: 'tra-ve-Task_TiepNhan', label: 'Trả về Tiếp nhận, kiểm tra hồ sơ' },
  ]);
  const back = elements(changed, 'sequenceFlow').find((flow) => flow.includes('sourceRef="Gateway_KetQua" targetRef="Task_TiepNhan"'));
  expect(back).toContain('<bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">ketQua = "tra-ve-Task_TiepNhan"</bpmn:conditionExpression>');
  expect(back).toContain('<mc:rework maxRounds="1" />');
  await session.call('undo');
  await expect(session.call('saveXml')).resolves.toBe(original);
});
