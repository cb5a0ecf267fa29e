// Walks from one point (a youth worker's address, a facility, a clicked point) to a few places:
// the partner search and the reach at a point. A place the network does not reach from the point
// (not attached, or on a piece of network not connected to the point's) is measured straight x detour.
import { type Snap, type WalkGraph, byEdge } from './walkGraph.ts';

export type Measured = { metres: number; onNetwork: boolean };

// Facilities are attached to the same graph again and again (every partner search): their
// attachments are kept with the graph, by position (a moved facility is attached anew).
const attached = new WeakMap<WalkGraph, Map<string, Snap | null>>();
function snapOf(graph: WalkGraph, x: number, y: number): Snap | null {
  let kept = attached.get(graph);
  if (!kept) {
    kept = new Map();
    attached.set(graph, kept);
  }
  const key = `${x},${y}`;
  let snap = kept.get(key);
  if (snap === undefined) {
    snap = graph.snap(x, y);
    if (kept.size >= 100_000) kept.clear();
    kept.set(key, snap);
  }
  return snap;
}

/** Walks from `origin` to each target; a walk longer than `bound` is Infinity (beyond). */
export function walksFrom(graph: WalkGraph, origin: { x: number; y: number }, targets: { x: number; y: number }[], detour: number, bound: number): Measured[] {
  const straight = (t: { x: number; y: number }): Measured => ({ metres: Math.hypot(t.x - origin.x, t.y - origin.y) * detour, onNetwork: false });
  const from = graph.snap(origin.x, origin.y);
  if (!from) return targets.map(straight);
  const dist = graph.search([from], bound);
  const onEdge = byEdge([from]);
  return targets.map((t) => {
    const at = snapOf(graph, t.x, t.y);
    if (!at || graph.component[at.edge] !== graph.component[from.edge]) return straight(t);
    const d = graph.distanceTo(dist, at, onEdge);
    return { metres: d <= bound ? d : Number.POSITIVE_INFINITY, onNetwork: true };
  });
}
