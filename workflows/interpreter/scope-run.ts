import { CancellationScope, condition, isCancellation } from '@temporalio/workflow';
import type { PlanFlow, PlanNode, PlanScope } from '../../engine/plan/procedure-plan.js';
import type { Variables } from '../contract.js';
import { BpmnError, type ScopeOutcome } from './bpmn-signals.js';

/** Where a token goes next: the flows it leaves by, or nowhere (it ended, or waits at a join). */
export type NodeResult = { leaveBy: PlanFlow[] } | { consumed: true };

/** A wait a token can be resumed in after continue-as-new. */
export interface ResumableWait {
  kind: string;
  [detail: string]: unknown;
}

/** One token: where it is, and what it waits on when it can be resumed from there. */
export interface Token {
  readonly nodeId: string;
  /** Set by a node while the token sits in a wait continue-as-new can carry over. */
  wait?: ResumableWait;
  /** Set when the token was carried over: the node resumes this wait instead of starting afresh. */
  readonly resumeFrom?: ResumableWait;
  /** The token passed a join: arrivals are already counted. */
  readonly joined: boolean;
}

/** Runs one node for one token; provided by the node runner, which knows every node type. */
export type NodeExecutor = (scope: ScopeRun, node: PlanNode, token: Token) => Promise<NodeResult>;

export interface ScopeRunOptions {
  /** Unique within the dossier, e.g. `process` or `process/review:2`. */
  instanceId: string;
  scope: PlanScope;
  /** Variables only this scope sees (a multi-instance element, a loop counter). */
  local: Variables;
  execute: NodeExecutor;
  /** An escalation end event inside reached the scope's edge: the enclosing activity decides. */
  onEscalation: (escalationCode: string) => void;
}

/**
 * One running instance of a scope — the process, or an embedded subprocess — with BPMN token
 * semantics: every token is a coroutine inside the scope's cancellation scope; parallel and
 * inclusive joins count arrivals per incoming flow; the scope completes when no token is left,
 * ends early on terminate, and fails with a BPMN error nothing inside caught.
 */
export class ScopeRun {
  readonly instanceId: string;
  readonly scope: PlanScope;
  readonly local: Variables;
  readonly nodes: Map<string, PlanNode>;
  readonly flows: Map<string, PlanFlow>;
  private readonly cancellation: CancellationScope;
  private readonly options: ScopeRunOptions;
  /** Live tokens (inclusive joins ask where tokens can still go; continue-as-new what they wait on). */
  private readonly tokens = new Set<Token>();
  private readonly arrivals = new Map<string, Map<string, number>>();
  private outcome?: ScopeOutcome;
  private readonly reachCache = new Map<string, boolean>();

  constructor(options: ScopeRunOptions) {
    this.options = options;
    this.instanceId = options.instanceId;
    this.scope = options.scope;
    this.local = options.local;
    this.nodes = new Map(options.scope.nodes.map((node) => [node.id, node]));
    this.flows = new Map(options.scope.flows.map((flow) => [flow.id, flow]));
    // A child of whatever scope creates it: cancelling an enclosing activity or the dossier reaches it.
    this.cancellation = new CancellationScope();
  }

  /** Starts the scope at its start events and resolves with how it ended. */
  async run(): Promise<ScopeOutcome> {
    const starts = this.scope.nodes.filter((node) => node.type === 'startEvent' && node.incoming.length === 0);
    for (const start of starts) this.spawn(start.id);
    return this.settle();
  }

  /** Resumes tokens where a previous run (before continue-as-new) left them. */
  async resume(tokens: Array<{ nodeId: string; wait: ResumableWait }>, arrivals: Record<string, Record<string, number>>): Promise<ScopeOutcome> {
    for (const [nodeId, counts] of Object.entries(arrivals)) this.arrivals.set(nodeId, new Map(Object.entries(counts)));
    for (const token of tokens) this.start({ nodeId: token.nodeId, resumeFrom: token.wait, joined: false });
    return this.settle();
  }

  /** Puts a new token on `nodeId`, arriving through `viaFlow`. */
  spawn(nodeId: string, viaFlow?: string): void {
    const node = this.nodes.get(nodeId);
    if (!node) throw new Error(`plan has no node ${nodeId} in scope ${this.scope.id}`);
    if (isJoin(node)) {
      this.arrive(node.id, viaFlow!);
      if (!this.joinReady(node)) {
        return;
      }
      this.consumeArrivals(node);
      this.start({ nodeId, joined: true });
      return;
    }
    this.start({ nodeId, joined: false });
  }

  /** Takes flows out of a node (a boundary event's, an event-based gateway's winner). */
  leave(flows: PlanFlow[]): void {
    for (const flow of flows) this.spawn(flow.target, flow.id);
  }

  /** Ends the scope now (terminate end event): every other token is cancelled and cleans up. */
  terminate(): void {
    this.finish({ kind: 'terminated' });
  }

  /** Cancels every token (withdrawal, an interrupting event outside). */
  cancel(): void {
    this.finish({ kind: 'cancelled' });
  }

  escalate(escalationCode: string): void {
    this.options.onEscalation(escalationCode);
  }

  /** Every live token sits in a wait it can be resumed from. */
  get quiescent(): boolean {
    return [...this.tokens].every((token) => token.wait !== undefined);
  }

  snapshotTokens(): { tokens: Array<{ nodeId: string; wait: ResumableWait }>; arrivals: Record<string, Record<string, number>> } {
    return {
      tokens: [...this.tokens].map((token) => ({ nodeId: token.nodeId, wait: token.wait! })),
      arrivals: Object.fromEntries([...this.arrivals].map(([nodeId, counts]) => [nodeId, Object.fromEntries(counts)])),
    };
  }

  private start(token: Token): void {
    if (this.outcome) return;
    this.tokens.add(token);
    const node = this.nodes.get(token.nodeId)!;
    this.cancellation
      .run(async () => {
        const result = await this.options.execute(this, node, token);
        if ('leaveBy' in result) this.leave(result.leaveBy);
      })
      .catch((error: unknown) => this.absorb(error))
      .finally(() => {
        this.tokens.delete(token);
        this.fireReadyInclusiveJoins();
      });
  }

  private absorb(error: unknown): void {
    if (error instanceof BpmnError) {
      this.finish({ kind: 'error', errorCode: error.errorCode });
      return;
    }
    // Tokens cancelled with this scope or an enclosing one end quietly; anything else is a bug
    // and fails the workflow task, where Temporal shows it and retries once the worker is fixed.
    if (isCancellation(error)) {
      this.outcome ??= { kind: 'cancelled' };
      return;
    }
    throw error;
  }

  private finish(outcome: ScopeOutcome): void {
    if (this.outcome) return;
    this.outcome = outcome;
    this.cancellation.cancel();
  }

  /** Resolves once no token is left (each cancelled token has finished cleaning up). */
  private async settle(): Promise<ScopeOutcome> {
    await condition(() => this.tokens.size === 0);
    return this.outcome ?? { kind: 'completed' };
  }

  private arrive(nodeId: string, flowId: string): void {
    const counts = this.arrivals.get(nodeId) ?? new Map<string, number>();
    counts.set(flowId, (counts.get(flowId) ?? 0) + 1);
    this.arrivals.set(nodeId, counts);
  }

  private consumeArrivals(node: PlanNode): void {
    const counts = this.arrivals.get(node.id)!;
    for (const flowId of node.incoming) {
      const count = counts.get(flowId) ?? 0;
      if (count > 1) counts.set(flowId, count - 1);
      else counts.delete(flowId);
    }
    if (counts.size === 0) this.arrivals.delete(node.id);
  }

  private joinReady(node: PlanNode): boolean {
    const counts = this.arrivals.get(node.id) ?? new Map<string, number>();
    if (node.type === 'parallelGateway') return node.incoming.every((flowId) => (counts.get(flowId) ?? 0) > 0);
    // Inclusive join: ready once no live token can still reach an incoming flow that has none.
    const waitingFor = node.incoming.filter((flowId) => !counts.has(flowId));
    return counts.size > 0 && ![...this.tokens].some((token) => waitingFor.some((flowId) => this.canReach(token.nodeId, flowId, node.id)));
  }

  /** An inclusive join may become ready when a token elsewhere ends without coming its way. */
  private fireReadyInclusiveJoins(): void {
    if (this.outcome) return;
    for (const [nodeId, counts] of this.arrivals) {
      const node = this.nodes.get(nodeId)!;
      if (node.type !== 'inclusiveGateway' || counts.size === 0 || !this.joinReady(node)) continue;
      this.consumeArrivals(node);
      this.start({ nodeId, joined: true });
    }
  }

  /** Whether a token at `fromNodeId` can reach flow `flowId` without passing through `joinId`. */
  private canReach(fromNodeId: string, flowId: string, joinId: string): boolean {
    const key = `${fromNodeId}|${flowId}|${joinId}`;
    const cached = this.reachCache.get(key);
    if (cached !== undefined) return cached;
    const seen = new Set<string>();
    const queue = [fromNodeId];
    let found = false;
    while (queue.length > 0 && !found) {
      const current = queue.shift()!;
      if (seen.has(current)) continue;
      seen.add(current);
      const node = this.nodes.get(current);
      if (!node) continue;
      const outgoing = [...node.outgoing, ...this.boundaryFlowsOf(current)];
      for (const id of outgoing) {
        if (id === flowId) {
          found = true;
          break;
        }
        const target = this.flows.get(id)?.target;
        if (target && target !== joinId) queue.push(target);
      }
    }
    this.reachCache.set(key, found);
    return found;
  }

  private boundaryFlowsOf(nodeId: string): string[] {
    return this.scope.nodes.filter((node) => node.type === 'boundaryEvent' && node.attachedTo === nodeId).flatMap((node) => node.outgoing);
  }
}

function isJoin(node: PlanNode): boolean {
  return (node.type === 'parallelGateway' || node.type === 'inclusiveGateway') && node.incoming.length > 1;
}
