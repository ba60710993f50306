/**
 * Strongly connected components of a directed graph (Tarjan's algorithm, iterative so deep graphs
 * cannot overflow the stack). Vertices are 0..count-1; components come out in reverse topological
 * order of the condensation (a component is emitted after every component it reaches).
 */
export function stronglyConnectedComponents(count: number, successors: (vertex: number) => readonly number[]): number[][] {
  const index = new Int32Array(count).fill(-1);
  const lowLink = new Int32Array(count);
  const onStack = new Uint8Array(count);
  const stack: number[] = [];
  const components: number[][] = [];
  let nextIndex = 0;

  for (let root = 0; root < count; root += 1) {
    if (index[root] !== -1) continue;
    const work: Array<{ vertex: number; edge: number; next: readonly number[] }> = [];
    const enter = (vertex: number) => {
      index[vertex] = lowLink[vertex] = nextIndex++;
      stack.push(vertex);
      onStack[vertex] = 1;
      work.push({ vertex, edge: 0, next: successors(vertex) });
    };
    enter(root);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      if (frame.edge < frame.next.length) {
        const target = frame.next[frame.edge++]!;
        if (index[target] === -1) enter(target);
        else if (onStack[target]) lowLink[frame.vertex] = Math.min(lowLink[frame.vertex]!, index[target]!);
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) lowLink[parent.vertex] = Math.min(lowLink[parent.vertex]!, lowLink[frame.vertex]!);
      if (lowLink[frame.vertex] === index[frame.vertex]) {
        const component: number[] = [];
        let member: number;
        do {
          member = stack.pop()!;
          onStack[member] = 0;
          component.push(member);
        } while (member !== frame.vertex);
        components.push(component);
      }
    }
  }
  return components;
}
