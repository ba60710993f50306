import { CancellationScope, sleep } from '@temporalio/workflow';
import { isActivity, type PlanNode, type PlanNodeOf } from '../../engine/plan/procedure-plan.js';
import { runActivity, type ActivityBehaviour } from './activity-runner.js';
import { runCallActivity, runReceiveTask, runSendTask, runServiceTask } from './automated-tasks.js';
import { BpmnError } from './bpmn-signals.js';
import type { NodeHost } from './node-host.js';
import { chooseExclusive, chooseInclusive, chooseUncontrolled, IncidentError } from './gateways.js';
import type { NodeResult, ScopeRun, Token } from './scope-run.js';
import { runUserTask } from './user-task.js';

const consumed: NodeResult = { consumed: true };

/** The body of each kind of activity; boundaries and multi-instance are the activity runner's. */
const activityBehaviours: ActivityBehaviour = async (node, body) => {
  switch (node.type) {
    case 'userTask':
      return runUserTask(body.runtime, node, body.token, body.setWait);
    case 'serviceTask':
      return runServiceTask(node, body);
    case 'sendTask':
      return runSendTask(node, body);
    case 'receiveTask':
      return runReceiveTask(node, body);
    case 'callActivity':
      return runCallActivity(node, body);
    case 'subProcess':
      return body.runtime.runSubProcess(node, body);
  }
};

async function runEndEvent(scope: ScopeRun, node: PlanNodeOf<'endEvent'>): Promise<NodeResult> {
  switch (node.result.kind) {
    case 'none':
      return consumed;
    case 'terminate':
      scope.terminate();
      return consumed;
    case 'error':
      throw new BpmnError(node.result.errorCode);
    case 'escalation':
      scope.escalate(node.result.escalationCode);
      return consumed;
  }
}

/** Waits for a timer or message catch event (also as an event-based gateway's alternative). */
async function awaitCatchEvent(runtime: NodeHost, node: PlanNode, token: Token): Promise<void> {
  const target = { kind: 'element', id: node.id };
  if (node.type === 'timerCatchEvent') {
    const dueAt = token.resumeFrom?.kind === 'timer' ? (token.resumeFrom.dueAt as number) : runtime.clock.stepDueAt(Date.now(), node.duration);
    token.wait = { kind: 'timer', dueAt };
    await sleep(Math.max(0, dueAt - Date.now()));
    token.wait = undefined;
    runtime.record.audit('timer-fired', { target, rule: `duration=${node.duration}`, details: { dueAt } });
  } else if (node.type === 'messageCatchEvent' || node.type === 'receiveTask') {
    token.wait = { kind: 'message' };
    runtime.record.mergeVariables(await runtime.mailbox.receive([node.message]));
    token.wait = undefined;
    runtime.record.audit('message-received', { target, details: { message: node.message } });
  } else {
    throw new IncidentError(`${node.type} ${node.id} cannot follow an event-based gateway`);
  }
}

/** Event-based gateway: the first of the following events to happen wins; the others are withdrawn. */
async function raceEvents(runtime: NodeHost, scope: ScopeRun, node: PlanNodeOf<'eventBasedGateway'>, token: Token): Promise<NodeResult> {
  const alternatives = node.outgoing.map((flowId) => scope.nodes.get(scope.flows.get(flowId)!.target)!);
  const scopes = alternatives.map(() => new CancellationScope());
  const runs = alternatives.map((alternative, index) =>
    scopes[index]!.run(async () => {
      await awaitCatchEvent(runtime, alternative, { ...token, nodeId: alternative.id, resumeFrom: undefined });
      return alternative;
    }),
  );
  // The losers end cancelled; the race still sees a real failure.
  for (const run of runs) run.catch(() => undefined);
  const winner = await Promise.race(runs);
  scopes.forEach((alternativeScope, index) => {
    if (alternatives[index] !== winner) alternativeScope.cancel();
  });
  return { leaveBy: chooseUncontrolled(winner, scope.flows, runtime.variablesFor(scope)) };
}

/** Runs one token through one node of any supported type. */
export async function executeNode(runtime: NodeHost, scope: ScopeRun, node: PlanNode, token: Token): Promise<NodeResult> {
  if (isActivity(node)) return runActivity(runtime, scope, node, token, activityBehaviours);
  const variables = () => runtime.variablesFor(scope);
  switch (node.type) {
    case 'startEvent':
      return { leaveBy: chooseUncontrolled(node, scope.flows, variables()) };
    case 'endEvent':
      return runEndEvent(scope, node);
    case 'exclusiveGateway':
      return { leaveBy: chooseExclusive(node, scope.flows, variables()) };
    case 'inclusiveGateway':
      return { leaveBy: chooseInclusive(node, scope.flows, variables()) };
    case 'parallelGateway':
      return { leaveBy: node.outgoing.map((flowId) => scope.flows.get(flowId)!) };
    case 'eventBasedGateway':
      return raceEvents(runtime, scope, node, token);
    case 'timerCatchEvent':
    case 'messageCatchEvent':
      await awaitCatchEvent(runtime, node, token);
      return { leaveBy: chooseUncontrolled(node, scope.flows, variables()) };
    case 'boundaryEvent':
      throw new IncidentError(`boundary event ${node.id} is started by its activity, never by a flow`);
  }
}

