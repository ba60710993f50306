import fc from 'fast-check';
import type { PlanFlow, PlanNode, PlanScope } from '../../../../engine/plan/procedure-plan.js';

/**
 * Small random scopes for the property tests: arbitrary graphs (which the reductions rarely
 * simplify) and block-structured models whose joins may not match their splits, with an optional
 * stray flow (which the reductions simplify a lot, and which are sound or not in every way).
 */
type Kind = 'task' | 'xor' | 'and' | 'or' | 'end' | 'terminate';

export class ScopeBuilder {
  readonly nodes: PlanNode[] = [];
  readonly flows: PlanFlow[] = [];

  add(kind: Kind | 'start', id = `N${this.nodes.length}`): string {
    const base = { id, incoming: [], outgoing: [] };
    const node: PlanNode =
      kind === 'start'
        ? { ...base, type: 'startEvent', trigger: { kind: 'none' } }
        : kind === 'end' || kind === 'terminate'
          ? { ...base, type: 'endEvent', result: { kind: kind === 'end' ? 'none' : 'terminate' } }
          : kind === 'xor'
            ? { ...base, type: 'exclusiveGateway' }
            : kind === 'and'
              ? { ...base, type: 'parallelGateway' }
              : kind === 'or'
                ? { ...base, type: 'inclusiveGateway' }
                : { ...base, type: 'serviceTask', citizenFacing: false, activityType: 'x', input: [] };
    this.nodes.push(node);
    return id;
  }

  boundary(host: string, interrupting: boolean): string {
    const id = `B_${host}`;
    this.nodes.push({ type: 'boundaryEvent', id, incoming: [], outgoing: [], attachedTo: host, interrupting, trigger: { kind: 'timer', duration: '1WD' } });
    return id;
  }

  connect(source: string, target: string): string {
    const id = `F${this.flows.length}`;
    this.flows.push({ id, source, target });
    this.nodes.find((node) => node.id === source)!.outgoing.push(id);
    this.nodes.find((node) => node.id === target)!.incoming.push(id);
    return id;
  }

  scope(): PlanScope {
    return { id: 'Scope', nodes: this.nodes, flows: this.flows };
  }
}

const kinds: Kind[] = ['task', 'task', 'xor', 'and', 'or', 'end', 'terminate'];

export const randomGraphScope: fc.Arbitrary<PlanScope> = fc
  .record({
    middle: fc.array(fc.constantFrom(...kinds), { minLength: 2, maxLength: 5 }),
    edges: fc.array(fc.array(fc.nat(), { minLength: 1, maxLength: 2 }), { minLength: 8, maxLength: 8 }),
    boundaries: fc.array(fc.option(fc.record({ interrupting: fc.boolean(), target: fc.nat() })), { minLength: 8, maxLength: 8 }),
    defaults: fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
  })
  .map(({ middle, edges, boundaries, defaults }) => {
    const builder = new ScopeBuilder();
    const start = builder.add('start', 'S');
    const ids = [...middle, 'end' as const].map((kind) => builder.add(kind));
    const targetOf = (pick: number) => ids[pick % ids.length]!;
    edges[0]!.forEach((pick) => builder.connect(start, targetOf(pick)));
    ids.forEach((id, at) => {
      const node = builder.nodes.find((candidate) => candidate.id === id)!;
      if (node.type === 'endEvent') return;
      edges[at + 1]!.forEach((pick) => builder.connect(id, targetOf(pick)));
      if (node.type === 'inclusiveGateway' && defaults[at] && node.outgoing.length > 1) node.default = node.outgoing[0];
      const boundary = boundaries[at];
      if (node.type === 'serviceTask' && boundary) builder.connect(builder.boundary(id, boundary.interrupting), targetOf(boundary.target));
    });
    return builder.scope();
  });

type Tree =
  | { shape: 'task' }
  | { shape: 'sequence'; items: Tree[] }
  | { shape: 'split'; split: 'and' | 'xor' | 'or'; join: 'and' | 'xor' | 'or'; branches: Tree[] }
  | { shape: 'loop'; body: Tree };

const gatewayKind = fc.constantFrom('and' as const, 'xor' as const, 'or' as const);

const { tree } = fc.letrec<{ tree: Tree }>((tie) => ({
  tree: fc.oneof(
    { maxDepth: 3, depthSize: 'small' },
    fc.constant({ shape: 'task' as const }),
    fc.record({ shape: fc.constant('sequence' as const), items: fc.array(tie('tree'), { minLength: 2, maxLength: 3 }) }),
    gatewayKind.chain((split) =>
      fc.record({
        shape: fc.constant('split' as const),
        split: fc.constant(split),
        join: fc.oneof({ weight: 3, arbitrary: fc.constant(split) }, { weight: 1, arbitrary: gatewayKind }),
        branches: fc.array(tie('tree'), { minLength: 2, maxLength: 3 }),
      }),
    ),
    fc.record({ shape: fc.constant('loop' as const), body: tie('tree') }),
  ),
}));

function build(builder: ScopeBuilder, shape: Tree): { entry: string; exit: string } {
  switch (shape.shape) {
    case 'task': {
      const id = builder.add('task');
      return { entry: id, exit: id };
    }
    case 'sequence': {
      const parts = shape.items.map((item) => build(builder, item));
      parts.slice(1).forEach((part, at) => builder.connect(parts[at]!.exit, part.entry));
      return { entry: parts[0]!.entry, exit: parts[parts.length - 1]!.exit };
    }
    case 'split': {
      const split = builder.add(shape.split);
      const join = builder.add(shape.join);
      for (const branch of shape.branches) {
        const part = build(builder, branch);
        builder.connect(split, part.entry);
        builder.connect(part.exit, join);
      }
      return { entry: split, exit: join };
    }
    case 'loop': {
      const merge = builder.add('xor');
      const body = build(builder, shape.body);
      const decide = builder.add('xor');
      builder.connect(merge, body.entry);
      builder.connect(body.exit, decide);
      builder.connect(decide, merge);
      return { entry: merge, exit: decide };
    }
  }
}

export const blockStructuredScope: fc.Arbitrary<PlanScope> = fc
  .record({ shape: tree, stray: fc.option(fc.tuple(fc.nat(), fc.nat()), { freq: 3 }) })
  .map(({ shape, stray }) => {
    const builder = new ScopeBuilder();
    const start = builder.add('start', 'S');
    const body = build(builder, shape);
    const end = builder.add('end', 'E');
    builder.connect(start, body.entry);
    builder.connect(body.exit, end);
    if (stray) {
      const candidates = builder.nodes.filter((node) => node.type !== 'startEvent' && node.type !== 'endEvent');
      builder.connect(candidates[stray[0] % candidates.length]!.id, builder.nodes[1 + (stray[1] % (builder.nodes.length - 1))]!.id);
    }
    return builder.scope();
  });

/**
 * A procedure with `width` parallel branches of `length` steps each. With escalations, each
 * branch's first step has a non-interrupting escalation timer whose own step rejoins the branch at
 * an inclusive join: nothing the reductions can fold, so the branches stay interleaved.
 */
export function wideParallelScope(width: number, length: number, withEscalations = false): PlanScope {
  const builder = new ScopeBuilder();
  const start = builder.add('start', 'S');
  const split = builder.add('and');
  const join = builder.add('and');
  const end = builder.add('end', 'E');
  builder.connect(start, split);
  builder.connect(join, end);
  for (let branch = 0; branch < width; branch += 1) {
    let previous = split;
    for (let step = 0; step < length; step += 1) {
      const task = builder.add('task');
      builder.connect(previous, task);
      previous = task;
      if (withEscalations && step === 0) {
        const escalate = builder.add('task');
        const rejoin = builder.add('or');
        builder.connect(builder.boundary(task, false), escalate);
        builder.connect(escalate, rejoin);
        builder.connect(task, rejoin);
        previous = rejoin;
      }
    }
    builder.connect(previous, join);
  }
  return builder.scope();
}
