import { ActivityFailure, ApplicationFailure, ChildWorkflowFailure, proxyActivities, startChild } from '@temporalio/workflow';
import type { PlanNodeOf } from '../../engine/plan/procedure-plan.js';
import type { createProcedureActivities } from '../../activities/procedures/procedure-activities.js';
import { serviceTaskType } from '../../engine/service-tasks/catalogue.js';
import { bpmnErrorFailureType, dossierWorkflowType, type DossierInput, type DossierResult, type PaymentReport, type Variables } from '../contract.js';
import { BpmnError } from './bpmn-signals.js';
import { evaluateFeel } from './feel.js';
import { paymentMessage, supplementMessage } from './mailbox.js';
import type { ActivityBody } from './node-host.js';

const { resolveCalledProcedure } = proxyActivities<ReturnType<typeof createProcedureActivities>>({ startToCloseTimeout: '10 seconds' });

function asBpmnError(error: unknown): unknown {
  const cause = error instanceof ActivityFailure || error instanceof ChildWorkflowFailure ? error.cause : undefined;
  if (cause instanceof ApplicationFailure && cause.type === bpmnErrorFailureType) {
    return new BpmnError(String(cause.details?.[0] ?? 'error'), cause.message);
  }
  return error;
}

/**
 * A service task: the Temporal activity named by its type, with its FEEL input mapping; its result
 * joins the variables. A fee task (catalogue `waitsFor: 'payment'`) then waits for the gateway.
 */
export async function runServiceTask(node: PlanNodeOf<'serviceTask'>, { runtime, scope, token, setWait }: ActivityBody): Promise<void> {
  const waitsForPayment = serviceTaskType(node.activityType)?.waitsFor === 'payment';
  const resumedPayment = token.resumeFrom?.kind === 'payment' ? String(token.resumeFrom.paymentId) : undefined;
  if (resumedPayment === undefined) {
    const variables = runtime.variablesFor(scope);
    const input = Object.fromEntries(node.input.map((mapping) => [mapping.target, evaluateFeel(mapping.expression, variables)]));
    const activity = proxyActivities<Record<string, (request: unknown) => Promise<Variables | undefined>>>({
      startToCloseTimeout: '30 seconds',
      retry: { nonRetryableErrorTypes: [bpmnErrorFailureType] },
    })[node.activityType]!;
    try {
      runtime.record.mergeVariables((await activity({ dossierId: runtime.dossierId, elementId: node.id, input })) ?? {});
    } catch (error) {
      throw asBpmnError(error);
    }
  }
  if (waitsForPayment) await awaitPayment(node, runtime, resumedPayment ?? String(runtime.record.variables.paymentId), setWait);
  runtime.record.audit('service-task-completed', { target: { kind: 'element', id: node.id }, details: { activityType: node.activityType } });
}

/**
 * The dossier waits as "payment requested" (portal status 6) until the gateway reports. Paid: the
 * payment joins the variables and processing goes on. Failed or expired: BPMN error
 * `payment-failed` / `payment-expired`, which an error boundary on the task can catch.
 */
async function awaitPayment(node: PlanNodeOf<'serviceTask'>, runtime: ActivityBody['runtime'], paymentId: string, setWait: ActivityBody['setWait']): Promise<void> {
  const { record } = runtime;
  const previousStatus = record.status;
  record.setStatus('payment-requested');
  record.audit('payment-requested', { target: { kind: 'element', id: node.id }, details: { paymentId } });
  await record.flush();
  setWait({ kind: 'payment', paymentId });
  const report = (await runtime.mailbox.receive([paymentMessage(paymentId)])) as unknown as PaymentReport;
  setWait(undefined);
  record.setStatus(previousStatus === 'payment-requested' ? 'processing' : previousStatus);
  record.audit(`payment-${report.outcome}`, { target: { kind: 'element', id: node.id }, details: { paymentId, amount: report.amount, reference: report.reference } });
  if (report.outcome !== 'paid') {
    await record.flush();
    throw new BpmnError(`payment-${report.outcome}`, `payment ${paymentId} ${report.outcome}`);
  }
  record.mergeVariables({ payment: { paymentId, amount: report.amount, reference: report.reference, paidAt: report.at } });
  await record.flush();
}

/** A send task: the message goes to the citizen through the notification outbox. */
export async function runSendTask(node: PlanNodeOf<'sendTask'>, { runtime }: ActivityBody): Promise<void> {
  runtime.record.notify('message', { citizen: true }, { message: node.message, elementId: node.id });
  runtime.record.audit('message-sent', { target: { kind: 'element', id: node.id }, details: { message: node.message } });
  await runtime.record.flush();
}

/**
 * A receive task waits for its message. The supplementation wait also stops the legal clock and
 * shows the dossier as waiting for the citizen until the supplement arrives.
 */
export async function runReceiveTask(node: PlanNodeOf<'receiveTask'>, { runtime, token, setWait }: ActivityBody): Promise<void> {
  const { record, clock } = runtime;
  const names = node.supplementation ? [node.message, supplementMessage] : [node.message];
  if (node.supplementation && token.resumeFrom === undefined) {
    clock.pause(Date.now());
    record.setStatus('supplement-requested');
    record.factsChanged();
    record.audit('supplement-requested', { rule: `supplementationClock=${runtime.plan.procedure.supplementationClock}`, target: { kind: 'element', id: node.id } });
    record.notify('supplement-requested', { citizen: true }, { elementId: node.id, name: node.name ?? node.id });
    await record.flush();
  }
  setWait({ kind: 'receive', elementId: node.id });
  const variables = await runtime.mailbox.receive(names);
  setWait(undefined);
  record.mergeVariables(variables);
  if (node.supplementation) {
    // The legal instant is when the office received the supplement, not when the workflow ran.
    clock.resume(Math.min(runtime.supplementReceivedAt ?? Date.now(), Date.now()));
    runtime.clockChanged();
    record.setStatus('processing');
    record.factsChanged({ dueAtMoved: true });
    record.audit('supplement-received', { rule: `supplementationClock=${runtime.plan.procedure.supplementationClock}`, details: { dueAt: clock.dueAt } });
  } else {
    record.audit('message-received', { target: { kind: 'element', id: node.id }, details: { message: node.message } });
  }
  await record.flush();
}

/**
 * A call activity: the called procedure (by code and version policy) runs as a child dossier
 * workflow on this dossier — its tasks join this dossier's worklist — and its variables come back.
 */
export async function runCallActivity(node: PlanNodeOf<'callActivity'>, { runtime }: ActivityBody): Promise<void> {
  const called = await resolveCalledProcedure({
    procedureCode: node.procedureCode,
    version: node.version,
    callerProcedureCode: runtime.plan.procedure.code,
    callerVersion: runtime.input.procedureVersion,
  });
  const instance = runtime.record.nextInstance(node.id);
  const childInput: DossierInput = {
    dossierId: runtime.dossierId,
    procedureVersion: called.version,
    planHash: called.planHash,
    plan: called.plan,
    calendar: runtime.clock.calendar.data,
    receivedAt: Date.now(),
    variables: { ...runtime.record.variables },
    calledBy: { auditStream: `${runtime.record.identity.auditStream}/${node.id}:${instance}` },
    searchAttributes: runtime.input.searchAttributes,
  };
  runtime.record.audit('procedure-called', { target: { kind: 'element', id: node.id }, details: { procedureCode: node.procedureCode, version: called.version } });
  await runtime.record.flush();
  try {
    const child = await startChild<(input: DossierInput) => Promise<DossierResult>>(dossierWorkflowType, {
      workflowId: `${runtime.dossierId}/${node.id}/${instance}`,
      args: [childInput],
    });
    const result = await child.result();
    runtime.record.mergeVariables(result.variables);
  } catch (error) {
    throw asBpmnError(error);
  }
}
