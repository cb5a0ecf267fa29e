// The two-step floating catchment (2SFCA) on the walking network: per facility, the grid pieces
// within the threshold as the distance model measures each pair (domain/distance.ts pairDistance:
// the walk where the network joins piece and facility, else the straight line x detour); then each
// facility's amount over the children in its catchment, summed per piece. The twin of
// va_cell_coverage's `pair`/`ratio`/`access`, which measures every pair straight.
import Flatbush from 'flatbush';
import { pairDistance } from '../../domain/distance.ts';
import type { Place } from './networkReach.ts';
import type { Snap, WalkGraph } from './walkGraph.ts';

/** Per source, the indices of the pieces in its catchment (each once). */
export function catchments(graph: WalkGraph, pieces: Place[], pieceSnaps: (Snap | null)[], sources: Place[], threshold: number, detour: number): number[][] {
  if (pieces.length === 0) return sources.map(() => []);
  const index = new Flatbush(pieces.length);
  for (const p of pieces) index.add(p.x, p.y, p.x, p.y);
  index.finish();
  const onEdge = new Map<number, number[]>();
  pieceSnaps.forEach((s, j) => {
    if (s) onEdge.set(s.edge, [...(onEdge.get(s.edge) ?? []), j]);
  });
  const componentOf = (s: Snap | null) => (s ? graph.component[s.edge] : -1);
  const dist = new Float64Array(graph.nodeCount).fill(Number.POSITIVE_INFINITY);
  const seen = new Int32Array(pieces.length).fill(-1);
  const radius = threshold / detour;
  return sources.map((f, i) => {
    const inside: number[] = [];
    const snap = graph.snap(f.x, f.y);
    const own = componentOf(snap);
    const straight = (j: number) => Math.hypot(pieces[j].x - f.x, pieces[j].y - f.y);
    // Pairs the network does not join: the straight line x detour.
    for (const j of index.search(f.x - radius, f.y - radius, f.x + radius, f.y + radius)) {
      if (own !== -1 && componentOf(pieceSnaps[j]) === own) continue;
      if (pairDistance({ straight: straight(j), walk: null }, detour) <= threshold) inside.push(j);
    }
    if (!snap) return inside;
    // Pairs it joins: the walk, from a search bounded by the threshold.
    const reached: number[] = [];
    graph.search([snap], threshold, { dist, reached });
    const sourceOnEdge = new Map([[snap.edge, [snap]]]);
    const visit = (edge: number) => {
      for (const j of onEdge.get(edge) ?? []) {
        if (seen[j] === i) continue;
        seen[j] = i;
        const walk = graph.distanceTo(dist, pieceSnaps[j]!, sourceOnEdge);
        if (pairDistance({ straight: straight(j), walk }, detour) <= threshold) inside.push(j);
      }
    };
    visit(snap.edge);
    for (const v of reached) for (const edge of graph.edgesAt(v)) visit(edge);
    for (const v of reached) dist[v] = Number.POSITIVE_INFINITY;
    return inside;
  });
}

/** Supply per 1,000 children per piece: each source's amount over the children in its catchment, summed over the catchments a piece lies in. */
export function floatingCatchmentSupply(children: ArrayLike<number>, catchmentOf: number[][], amounts: number[]): Float64Array {
  const supply = new Float64Array(children.length);
  catchmentOf.forEach((pieces, i) => {
    let sum = 0;
    for (const j of pieces) sum += children[j];
    if (!(sum > 0)) return;
    const perChild = (amounts[i] / sum) * 1000;
    for (const j of pieces) supply[j] += perChild;
  });
  return supply;
}
