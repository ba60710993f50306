import { CancellationScope, isCancellation, sleep } from '@temporalio/workflow';
import type { ActivityNode, PlanNodeOf } from '../../engine/plan/procedure-plan.js';
import type { Variables } from '../contract.js';
import { BpmnError } from './bpmn-signals.js';
import { evaluateFeelList, feelConditionHolds } from './feel.js';
import { chooseUncontrolled } from './gateways.js';
import type { ActivityBody, NodeHost } from './node-host.js';
import type { NodeResult, ResumableWait, ScopeRun, Token } from './scope-run.js';

type BoundaryNode = PlanNodeOf<'boundaryEvent'>;

export type ActivityBehaviour = (node: ActivityNode, body: ActivityBody) => Promise<void>;

function boundariesOf(scope: ScopeRun, node: ActivityNode): BoundaryNode[] {
  return scope.scope.nodes.filter((candidate): candidate is BoundaryNode => candidate.type === 'boundaryEvent' && candidate.attachedTo === node.id);
}

function catches(boundary: BoundaryNode, kind: 'error' | 'escalation', code: string): boolean {
  const { trigger } = boundary;
  if (trigger.kind !== kind) return false;
  const expected = trigger.kind === 'error' ? trigger.errorCode : trigger.kind === 'escalation' ? trigger.escalationCode : undefined;
  return expected === undefined || expected === code;
}

/**
 * Runs an activity node — its multi-instance loop if it has one — with its boundary events armed:
 * timers and messages race the activity (interrupting ones cancel it, the others start a token
 * beside it), BPMN errors thrown inside are caught by a matching error boundary, escalations by an
 * escalation boundary. Returns the flows the token leaves by.
 */
export async function runActivity(runtime: NodeHost, scope: ScopeRun, node: ActivityNode, token: Token, behaviour: ActivityBehaviour): Promise<NodeResult> {
  const boundaries = boundariesOf(scope, node);
  const resumed = token.resumeFrom?.kind === 'activity' ? token.resumeFrom : undefined;
  const boundaryDueAt: Record<string, number> = (resumed?.boundaryDueAt as Record<string, number> | undefined) ?? {};
  const activityScope = new CancellationScope();
  const watchers = new CancellationScope();
  let interruptedBy: BoundaryNode | undefined;

  const interrupt = (boundary: BoundaryNode) => {
    if (interruptedBy) return;
    interruptedBy = boundary;
    activityScope.cancel();
  };
  const fire = (boundary: BoundaryNode) => {
    runtime.record.audit('boundary-event', { target: { kind: 'element', id: boundary.id }, details: { attachedTo: node.id, interrupting: boundary.interrupting } });
    if (boundary.interrupting) interrupt(boundary);
    else scope.leave(chooseUncontrolled(boundary, scope.flows, runtime.variablesFor(scope)));
  };

  for (const boundary of boundaries) {
    const { trigger } = boundary;
    if (trigger.kind === 'timer') {
      boundaryDueAt[boundary.id] ??= runtime.clock.stepDueAt(Date.now(), trigger.duration);
      const dueAt = boundaryDueAt[boundary.id]!;
      void watchers.run(async () => {
        await sleep(Math.max(0, dueAt - Date.now()));
        fire(boundary);
      }).catch(ignoreCancellation);
    } else if (trigger.kind === 'message') {
      void watchers.run(async () => {
        runtime.record.mergeVariables(await runtime.mailbox.receive([trigger.message]));
        fire(boundary);
      }).catch(ignoreCancellation);
    }
  }

  const body: ActivityBody = {
    runtime,
    scope,
    token,
    local: scope.local,
    setWait: (wait) => {
      token.wait = wait === undefined ? undefined : { kind: 'activity', boundaryDueAt, body: wait };
    },
    onEscalation: (code) => {
      const boundary = boundaries.find((candidate) => catches(candidate, 'escalation', code));
      if (boundary) fire(boundary);
    },
  };
  const bodyToken: Token = { ...token, resumeFrom: resumed?.body as ResumableWait | undefined };

  try {
    await activityScope.run(() => runInstances(runtime, node, { ...body, token: bodyToken }, behaviour));
  } catch (error) {
    if (interruptedBy && isCancellation(error)) return { leaveBy: chooseUncontrolled(interruptedBy, scope.flows, runtime.variablesFor(scope)) };
    if (error instanceof BpmnError) {
      const boundary = boundaries.find((candidate) => catches(candidate, 'error', error.errorCode));
      if (boundary) {
        runtime.record.audit('error-caught', { target: { kind: 'element', id: boundary.id }, details: { errorCode: error.errorCode, attachedTo: node.id } });
        return { leaveBy: chooseUncontrolled(boundary, scope.flows, runtime.variablesFor(scope)) };
      }
    }
    throw error;
  } finally {
    watchers.cancel();
    token.wait = undefined;
  }
  if (interruptedBy) return { leaveBy: chooseUncontrolled(interruptedBy, scope.flows, runtime.variablesFor(scope)) };
  return { leaveBy: chooseUncontrolled(node, scope.flows, runtime.variablesFor(scope)) };
}

function ignoreCancellation(error: unknown): void {
  if (!isCancellation(error)) throw error;
}

/** One instance, or a multi-instance loop over a FEEL collection (sequential or in parallel). */
async function runInstances(runtime: NodeHost, node: ActivityNode, body: ActivityBody, behaviour: ActivityBehaviour): Promise<void> {
  const loop = node.multiInstance;
  if (!loop) return behaviour(node, body);

  const items = evaluateFeelList(loop.collection, runtime.variablesFor(body.scope));
  let completed = 0;
  const local = (item: unknown, index: number): Variables => ({
    ...body.local,
    [loop.elementVariable]: item,
    loopCounter: index + 1,
  });
  const completionReached = () =>
    loop.completionCondition !== undefined &&
    feelConditionHolds(loop.completionCondition, {
      ...runtime.variablesFor(body.scope),
      nrOfInstances: items.length,
      nrOfCompletedInstances: completed,
      nrOfActiveInstances: items.length - completed,
    });
  // Instances are not carried over by continue-as-new: while one runs, the dossier continues in this run.
  const instanceBody = (item: unknown, index: number): ActivityBody => ({ ...body, local: local(item, index), setWait: () => {}, token: { ...body.token, resumeFrom: undefined } });

  if (loop.sequential) {
    for (const [index, item] of items.entries()) {
      await behaviour(node, instanceBody(item, index));
      completed += 1;
      if (completionReached()) return;
    }
    return;
  }
  const instances = new CancellationScope();
  let done = false;
  // allSettled, not all: instances cancelled by the completion condition finish closing their tasks first.
  const outcomes = await instances.run(() =>
    Promise.allSettled(
      items.map(async (item, index) => {
        await behaviour(node, instanceBody(item, index));
        completed += 1;
        if (!done && completionReached()) {
          done = true;
          instances.cancel();
        }
      }),
    ),
  );
  const failure = outcomes.find((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected' && !(done && isCancellation(outcome.reason)));
  if (failure) throw failure.reason;
}

