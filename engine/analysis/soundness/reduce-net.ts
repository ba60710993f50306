import type { NetNode, NetNodeKind, TokenNet } from './token-net.js';

/**
 * Shrinks a token net before its state space is explored, with fusion rules that keep deadlocks,
 * lack of synchronisation and endless cycles exactly as they were (Murata's series and parallel
 * fusions, specialised to BPMN's nodes):
 *
 *   series     a node with one incoming and one outgoing flow (other than a boundary host) merely
 *              passes a token on: its two flows become one place
 *   parallel   two flows from one node to another collapse when the source picks one of them and
 *              the target accepts a token from either (exclusive choice into a merge), or when the
 *              source fills both and the target waits for both (parallel split into a join)
 *   self-loop  an exclusive gateway with other ways in and out loses a flow back to itself
 *   fusion     a node that merges its inputs into one flow, followed by a node with that flow as
 *              its only input, become one node
 *   deadline   an activity whose interrupting boundary events all lead where its own outgoing
 *              flow leads, into a merge, is a plain step: whichever way it ends, one token arrives
 *   side branch a non-interrupting boundary event whose flows (once their steps are fused away)
 *              each end at an end event of their own — a notice, a reminder — never synchronises
 *              with anything: it is left out, and a host left without boundary events is a plain
 *              step again. (This is the one place where the check is deliberately more lenient
 *              than the raw token game: a second reminder still on its way to its end event when
 *              the step runs again in a rework loop is harmless, not a lack of synchronisation.)
 *
 * Block-structured parts collapse completely, so a wide parallel split of ordinary branches costs
 * nothing to explore; what is left is the unstructured core (or the defect itself), which is
 * small. The reductions are checked against a plain exploration of the unreduced net by
 * property-based tests.
 */
export function reduceTokenNet(original: TokenNet): TokenNet {
  const nodes: NetNode[] = original.nodes.map((node) => ({
    ...node,
    inputs: [...node.inputs],
    outputs: [...node.outputs],
    boundaries: node.boundaries && [...node.boundaries],
  }));
  const places = original.places.map((place) => ({ ...place }));
  const nodeGone = new Uint8Array(nodes.length);
  const placeGone = new Uint8Array(places.length);

  // Which surviving node or place each original one was folded into (union-find over nodes, then
  // places), so the elements behind a defect can be named without copying lists at every fusion.
  const owner = Int32Array.from({ length: nodes.length + places.length }, (_, item) => item);
  const ownerOf = (item: number): number => {
    while (owner[item] !== item) item = owner[item] = owner[owner[item]!]!;
    return item;
  };
  const fold = (item: number, into: number) => (owner[ownerOf(item)] = ownerOf(into));
  const placeItem = (place: number) => nodes.length + place;

  const plain = (node: NetNode) => node.kind === 'task' || node.kind === 'xor' || node.kind === 'and' || node.kind === 'or';
  const merging = (node: NetNode) => node.kind === 'task' || node.kind === 'xor' || ((node.kind === 'and' || node.kind === 'or') && node.inputs.length === 1);
  const mergesAnyInput = (node: NetNode) => node.kind === 'task' || node.kind === 'xor' || node.kind === 'end' || node.kind === 'terminate' || node.kind === 'host';
  const passOnKind = (node: NetNode): NetNodeKind | null => {
    if (node.inputs.length !== 1) return null;
    if (node.kind === 'xor' || node.kind === 'task') return node.kind;
    if (node.kind === 'and' || (node.kind === 'or' && node.outputs.length === 1)) return 'task';
    return null;
  };
  const drop = (list: number[], item: number) => list.splice(list.indexOf(item), 1);

  const queue: number[] = nodes.map((_, at) => at);
  const touch = (...indices: number[]) => queue.push(...indices);

  const series = (at: number, node: NetNode): boolean => {
    if (!plain(node) || node.inputs.length !== 1 || node.outputs.length !== 1 || node.inputs[0] === node.outputs[0]) return false;
    const kept = node.inputs[0]!;
    const removed = node.outputs[0]!;
    const target = places[removed]!.target;
    const targetInputs = nodes[target]!.inputs;
    targetInputs[targetInputs.indexOf(removed)] = kept;
    places[kept]!.target = target;
    fold(at, placeItem(kept));
    fold(placeItem(removed), placeItem(kept));
    nodeGone[at] = 1;
    placeGone[removed] = 1;
    touch(places[kept]!.source, target);
    return true;
  };

  const parallel = (at: number, node: NetNode): boolean => {
    const byTarget = new Map<number, number>();
    for (const place of node.outputs) {
      const target = places[place]!.target;
      const twin = byTarget.get(target);
      if (twin === undefined) {
        byTarget.set(target, place);
        continue;
      }
      const targetNode = nodes[target]!;
      const choiceIntoMerge = node.kind === 'xor' && mergesAnyInput(targetNode);
      const splitIntoJoin = (node.kind === 'task' || node.kind === 'and') && targetNode.kind === 'and';
      if (!choiceIntoMerge && !splitIntoJoin) continue;
      drop(node.outputs, place);
      drop(targetNode.inputs, place);
      if (node.defaultOutput === place) node.defaultOutput = twin;
      fold(placeItem(place), placeItem(twin));
      placeGone[place] = 1;
      touch(at, target);
      return true;
    }
    return false;
  };

  const selfLoop = (at: number, node: NetNode): boolean => {
    if (node.kind !== 'xor' || node.inputs.length < 2 || node.outputs.length < 2) return false;
    const loop = node.outputs.find((place) => places[place]!.target === at);
    if (loop === undefined) return false;
    drop(node.outputs, loop);
    drop(node.inputs, loop);
    fold(placeItem(loop), at);
    placeGone[loop] = 1;
    touch(at);
    return true;
  };

  const fusion = (at: number, node: NetNode): boolean => {
    if (!merging(node) || node.outputs.length !== 1) return false;
    const link = node.outputs[0]!;
    const next = places[link]!.target;
    const following = nodes[next]!;
    const kind = next === at ? null : passOnKind(following);
    if (!kind) return false;
    node.kind = kind;
    node.outputs = following.outputs;
    node.defaultOutput = following.defaultOutput;
    for (const place of node.outputs) places[place]!.source = at;
    fold(placeItem(link), at);
    fold(next, at);
    nodeGone[next] = 1;
    placeGone[link] = 1;
    touch(at, ...node.outputs.map((place) => places[place]!.target));
    return true;
  };

  const sideBranch = (at: number, node: NetNode): boolean => {
    if (node.kind !== 'boundary' || node.interrupting || node.host === undefined) return false;
    const ends = node.outputs.map((place) => places[place]!.target);
    if (!ends.every((end) => nodes[end]!.kind === 'end' && nodes[end]!.inputs.length === 1)) return false;
    for (const place of node.outputs) placeGone[place] = 1;
    for (const end of ends) nodeGone[end] = 1;
    nodeGone[at] = 1;
    for (const item of [at, ...ends, ...node.outputs.map(placeItem)]) fold(item, node.host);
    const host = nodes[node.host]!;
    drop(host.boundaries!, at);
    if (host.boundaries!.length === 0) host.kind = 'task';
    touch(node.host);
    return true;
  };

  const deadline = (at: number, node: NetNode): boolean => {
    if (node.kind !== 'host' || node.outputs.length !== 1) return false;
    const merge = places[node.outputs[0]!]!.target;
    const boundaries = node.boundaries!.map((boundary) => nodes[boundary]!);
    const rejoins = (boundary: NetNode) => boundary.interrupting && boundary.outputs.length === 1 && places[boundary.outputs[0]!]!.target === merge;
    if (!mergesAnyInput(nodes[merge]!) || !boundaries.every(rejoins)) return false;
    for (const boundary of node.boundaries!) {
      const place = nodes[boundary]!.outputs[0]!;
      drop(nodes[merge]!.inputs, place);
      placeGone[place] = 1;
      nodeGone[boundary] = 1;
      fold(placeItem(place), at);
      fold(boundary, at);
    }
    node.boundaries = [];
    node.kind = 'task';
    touch(at, merge);
    return true;
  };

  while (queue.length > 0) {
    const at = queue.pop()!;
    if (nodeGone[at]) continue;
    const node = nodes[at]!;
    if (series(at, node) || parallel(at, node) || selfLoop(at, node) || fusion(at, node) || deadline(at, node)) touch(at);
    else sideBranch(at, node);
  }

  const nodeIndex = new Int32Array(nodes.length).fill(-1);
  const placeIndex = new Int32Array(places.length).fill(-1);
  let nodeCount = 0;
  let placeCount = 0;
  nodes.forEach((_, at) => nodeGone[at] || (nodeIndex[at] = nodeCount++));
  places.forEach((_, at) => placeGone[at] || (placeIndex[at] = placeCount++));
  const folded = new Map<number, string[]>();
  for (let item = 0; item < owner.length; item += 1) {
    const root = ownerOf(item);
    if (root === item) continue;
    const id = item < nodes.length ? original.nodes[item]!.id : original.places[item - nodes.length]!.through.join(' ');
    const list = folded.get(root);
    if (list) list.push(id);
    else folded.set(root, [id]);
  }
  const mapPlace = (place: number) => placeIndex[place]!;
  return {
    nodes: nodes
      .map((node, at) => ({ node, at }))
      .filter(({ at }) => !nodeGone[at])
      .map(({ node, at }) => ({
        ...node,
        inputs: node.inputs.map(mapPlace),
        outputs: node.outputs.map(mapPlace),
        defaultOutput: node.defaultOutput === undefined ? undefined : mapPlace(node.defaultOutput),
        boundaries: node.boundaries?.map((boundary) => nodeIndex[boundary]!),
        host: node.host === undefined ? undefined : nodeIndex[node.host]!,
        absorbed: [...node.absorbed, ...(folded.get(at) ?? [])],
      })),
    places: places
      .map((place, at) => ({ place, at }))
      .filter(({ at }) => !placeGone[at])
      .map(({ place, at }) => ({
        ...place,
        source: nodeIndex[place.source]!,
        target: nodeIndex[place.target]!,
        through: [...place.through, ...(folded.get(placeItem(at)) ?? [])],
      })),
  };
}
