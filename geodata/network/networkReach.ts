// The walking distance from every grid piece to the nearest facility of one category: one search
// from all facilities at once (multi-source), then each piece reads it off the edge it is attached
// to. What the network does not reach is left to the straight line (domain/distance.ts).
import Flatbush from 'flatbush';
import { type Snap, type WalkGraph, byEdge } from './walkGraph.ts';

export type Place = { id: number; x: number; y: number };

/** Per piece (NaN: not measured): the walk to the nearest facility the network joins it to (none: the piece is not attached, or no facility is reachable), and the straight line to the nearest one it does not join it to (not attached, or on another connected piece of network). */
export type PieceReach = { network: Float64Array; offnet: Float64Array };

/** The pieces' attachments, computed once for every category. */
export const snapAll = (graph: WalkGraph, places: Place[]): (Snap | null)[] => places.map((p) => graph.snap(p.x, p.y));

const attachments = new WeakMap<WalkGraph, { fingerprint: string; snaps: (Snap | null)[] }>();

/**
 * The grid pieces' attachments to a graph, kept with the graph: the import, every edit and every
 * scenario on the same network and grid attach the same 35,000 pieces once. The grid is known by
 * its count and the sums of its coordinates (a rebuilt grid is attached anew).
 */
export function pieceSnapsOf(graph: WalkGraph, pieces: Place[]): (Snap | null)[] {
  let sx = 0;
  let sy = 0;
  for (const p of pieces) {
    sx += p.x;
    sy += p.y;
  }
  const fingerprint = `${pieces.length}:${sx}:${sy}`;
  const kept = attachments.get(graph);
  if (kept?.fingerprint === fingerprint) return kept.snaps;
  const snaps = snapAll(graph, pieces);
  attachments.set(graph, { fingerprint, snaps });
  return snaps;
}

export function networkReach(graph: WalkGraph, pieces: Place[], pieceSnaps: (Snap | null)[], facilities: Place[]): PieceReach {
  const network = new Float64Array(pieces.length).fill(Number.NaN);
  const offnet = new Float64Array(pieces.length).fill(Number.NaN);
  const attached: Snap[] = [];
  // Per facility, the connected piece of network it is attached to (-1: none).
  const component = new Int32Array(facilities.length);
  facilities.forEach((f, i) => {
    const s = graph.snap(f.x, f.y);
    component[i] = s ? graph.component[s.edge] : -1;
    if (s) attached.push(s);
  });
  const dist = graph.search(attached);
  const onEdge = byEdge(attached);
  const index = facilities.length > 0 ? new Flatbush(facilities.length) : null;
  if (index) {
    for (const f of facilities) index.add(f.x, f.y, f.x, f.y);
    index.finish();
  }
  pieces.forEach((p, i) => {
    const s = pieceSnaps[i];
    if (!s || !index) return;
    const d = graph.distanceTo(dist, s, onEdge);
    if (Number.isFinite(d)) network[i] = d;
    // The nearest facility a walk on the piece's network cannot reach: not attached, or attached
    // to another connected piece of network. Measured straight (x detour, in the model's choice).
    const own = graph.component[s.edge];
    const [k] = index.neighbors(p.x, p.y, 1, Number.POSITIVE_INFINITY, (j) => component[j] !== own);
    if (k !== undefined) offnet[i] = Math.hypot(facilities[k].x - p.x, facilities[k].y - p.y);
  });
  return { network, offnet };
}

/** NaN (not measured) as null. */
export const orNull = (v: number): number | null => (Number.isNaN(v) ? null : v);
export const nullable = (a: Float64Array): (number | null)[] => Array.from(a, orNull);
