import { describe, expect, it } from 'vitest';
import { checkSoundness } from '../../../../engine/analysis/soundness/check-soundness.js';
import { ScopeBuilder, wideParallelScope } from './random-models.js';

/** Builds a scope from "A>B" edges, creating nodes of the given kinds on first mention. */
function scopeOf(kinds: Record<string, Parameters<ScopeBuilder['add']>[0]>, edges: string[], boundaries: Record<string, [host: string, interrupting: boolean]> = {}) {
  const builder = new ScopeBuilder();
  for (const [id, kind] of Object.entries(kinds)) builder.add(kind, id);
  const ids = new Map<string, string>();
  for (const [id, [host, interrupting]] of Object.entries(boundaries)) ids.set(id, builder.boundary(host, interrupting));
  for (const edge of edges) {
    const [source, target] = edge.split('>') as [string, string];
    builder.connect(ids.get(source) ?? source, ids.get(target) ?? target);
  }
  return builder.scope();
}

const findingsOf = (scope: ReturnType<typeof scopeOf>) => checkSoundness(scope, new Set()).findings.map(({ kind, elementId }) => `${kind}@${elementId}`);

describe('soundness', () => {
  it('finds a parallel join fed by an exclusive split deadlocked, at the join', () => {
    const scope = scopeOf({ S: 'start', X: 'xor', A: 'task', B: 'task', J: 'and', E: 'end' }, ['S>X', 'X>A', 'X>B', 'A>J', 'B>J', 'J>E']);
    expect(findingsOf(scope)).toEqual(['deadlock@J']);
  });

  it('finds an exclusive merge of parallel branches unsynchronised, at the merge', () => {
    const scope = scopeOf({ S: 'start', P: 'and', A: 'task', B: 'task', M: 'xor', T: 'task', E: 'end' }, ['S>P', 'P>A', 'P>B', 'A>M', 'B>M', 'M>T', 'T>E']);
    expect(findingsOf(scope)).toEqual(['lack-of-synchronization@M']);
  });

  it('finds a token circling for ever', () => {
    const scope = scopeOf({ S: 'start', T: 'task', E: 'end' }, ['S>T', 'T>T']);
    expect(findingsOf(scope)).toEqual(['livelock@T']);
  });

  it('lets an inclusive join wait for every branch its split started, and no more', () => {
    const scope = scopeOf({ S: 'start', O: 'or', A: 'task', B: 'task', C: 'task', J: 'or', E: 'end' }, ['S>O', 'O>A', 'O>B', 'O>C', 'A>J', 'B>J', 'C>J', 'J>E']);
    expect(checkSoundness(scope, new Set()).verdict).toBe('sound');
    const afterParallel = scopeOf({ S: 'start', P: 'and', A: 'task', B: 'task', J: 'or', E: 'end' }, ['S>P', 'P>A', 'P>B', 'A>J', 'B>J', 'J>E']);
    expect(checkSoundness(afterParallel, new Set()).verdict).toBe('sound');
  });

  it('accepts a consultation deemed agreed by its boundary timer, merged before the join, and folds it away', () => {
    const scope = scopeOf(
      { S: 'start', P: 'and', Appraise: 'task', Wait: 'task', M: 'xor', J: 'and', E: 'end' },
      ['S>P', 'P>Appraise', 'P>Wait', 'Wait>M', 'Deemed>M', 'M>J', 'Appraise>J', 'J>E'],
      { Deemed: ['Wait', true] },
    );
    const report = checkSoundness(scope, new Set());
    expect(report.verdict).toBe('sound');
    expect(report.scopes[0]!.reducedNodes).toBe(2);
  });

  it('keeps a deadline whose path leads elsewhere, and finds the join it starves', () => {
    const scope = scopeOf(
      { S: 'start', P: 'and', Appraise: 'task', Wait: 'task', J: 'and', Refuse: 'task', E: 'end', E2: 'end' },
      ['S>P', 'P>Appraise', 'P>Wait', 'Wait>J', 'Appraise>J', 'J>E', 'Late>Refuse', 'Refuse>E2'],
      { Late: ['Wait', true] },
    );
    expect(findingsOf(scope)).toEqual(['deadlock@J']);
  });

  it('sees that a non-interrupting boundary path into a parallel join leaves the join waiting', () => {
    const scope = scopeOf({ S: 'start', T: 'task', J: 'and', E: 'end' }, ['S>T', 'T>J', 'Remind>J', 'J>E'], { Remind: ['T', false] });
    expect(findingsOf(scope)).toEqual(['deadlock@J']);
  });

  it('leaves reminder side branches out, even on a step that runs again in a rework loop', () => {
    const scope = scopeOf(
      { S: 'start', M: 'xor', T: 'task', X: 'xor', Notify: 'task', R: 'end', E: 'end' },
      ['S>M', 'M>T', 'T>X', 'X>M', 'X>E', 'Remind>Notify', 'Notify>R'],
      { Remind: ['T', false] },
    );
    const report = checkSoundness(scope, new Set());
    expect(report.verdict).toBe('sound');
    expect(report.scopes[0]!.reducedNodes).toBe(2);
  });

  it('lets a terminate end event end the branches still running', () => {
    const scope = scopeOf({ S: 'start', P: 'and', A: 'task', B: 'task', Stop: 'terminate', E: 'end' }, ['S>P', 'P>A', 'P>B', 'A>Stop', 'B>E']);
    expect(checkSoundness(scope, new Set()).verdict).toBe('sound');
  });

  it('collapses a wide block-structured parallel split before exploring it', () => {
    const report = checkSoundness(wideParallelScope(200, 3), new Set());
    expect(report.verdict).toBe('sound');
    expect(report.scopes[0]).toMatchObject({ nodes: 604, reducedNodes: 2, states: 2 });
  });

  it('stops at the state bound on a wide split it cannot reduce, and says so', () => {
    expect(checkSoundness(wideParallelScope(2, 2, true), new Set()).verdict).toBe('sound');
    const report = checkSoundness(wideParallelScope(30, 2, true), new Set(), 5_000);
    expect(report.verdict).toBe('inconclusive');
    expect(report.scopes[0]!.states).toBeLessThanOrEqual(5_000);
    expect(report.findings).toEqual([]);
  });

  it('checks each subprocess as a scope of its own, and skips the scopes it is told to', () => {
    const inner = scopeOf({ S2: 'start', X: 'xor', A: 'task', B: 'task', J: 'and', E2: 'end' }, ['S2>X', 'X>A', 'X>B', 'A>J', 'B>J', 'J>E2']);
    const outer = scopeOf({ S: 'start', E: 'end' }, ['S>E']);
    outer.nodes.push({ type: 'subProcess', id: 'Sub', incoming: [], outgoing: [], citizenFacing: false, scope: { ...inner, id: 'Sub' } });
    const report = checkSoundness(outer, new Set());
    expect(report.scopes.map((scope) => [scope.scopeId, scope.verdict])).toEqual([
      ['Scope', 'sound'],
      ['Sub', 'unsound'],
    ]);
    expect(report.findings).toEqual([expect.objectContaining({ kind: 'deadlock', scopeId: 'Sub', elementId: 'J' })]);
    expect(checkSoundness(outer, new Set(['Sub'])).scopes[1]!.verdict).toBe('not-checked');
  });
});
