// The walking network as a graph, and the shortest walks on it. Ways are split at their junctions
// into edges; a point (a grid piece, a facility, a youth worker's address) is attached to the
// nearest point of a walkable way, the short access leg measured straight. Distances are planar
// metres of the storage CRS, like every other distance of the atlas. No database: the import, the
// edits, the scenarios and the partner search build or load the same graph, on either database.
import Flatbush from 'flatbush';
import FlatQueue from 'flatqueue';
import { NETWORK_RULES } from '../../domain/distance.ts';

/** A walkable way in the storage CRS; `nodeKeys` are the OSM node ids (junctions), else coordinates decide. */
export type WayLine = { coords: [number, number][]; nodeKeys: number[] | null; highway: string; wayId: number | null };

export type Edge = { source: number; target: number; length: number; coords: Float64Array; highway: string; wayId: number | null };

/** Where a point meets the network: an edge, the metres along it from its source, the straight access leg. */
export type Snap = { edge: number; offset: number; access: number };

const segmentLength = (c: Float64Array, i: number) => Math.hypot(c[2 * i + 2] - c[2 * i], c[2 * i + 3] - c[2 * i + 1]);

/** Splits the ways at every node two ways share (and at their ends) into edges between junctions. */
export function edgesOf(lines: WayLine[]): { edges: Edge[]; nodeCount: number } {
  const keyOf = (line: WayLine, i: number): string | number =>
    line.nodeKeys ? line.nodeKeys[i] : `${line.coords[i][0].toFixed(2)},${line.coords[i][1].toFixed(2)}`;
  const uses = new Map<string | number, number>();
  for (const line of lines) {
    for (let i = 0; i < line.coords.length; i++) {
      const k = keyOf(line, i);
      // A way's ends are always junctions: counted twice.
      uses.set(k, (uses.get(k) ?? 0) + (i === 0 || i === line.coords.length - 1 ? 2 : 1));
    }
  }
  const vertex = new Map<string | number, number>();
  const vertexOf = (k: string | number) => {
    let v = vertex.get(k);
    if (v === undefined) {
      v = vertex.size;
      vertex.set(k, v);
    }
    return v;
  };
  const edges: Edge[] = [];
  for (const line of lines) {
    let start = 0;
    for (let i = 1; i < line.coords.length; i++) {
      if ((uses.get(keyOf(line, i)) ?? 0) < 2 && i < line.coords.length - 1) continue;
      const part = line.coords.slice(start, i + 1);
      const coords = new Float64Array(part.flat());
      let length = 0;
      for (let s = 0; s < part.length - 1; s++) length += segmentLength(coords, s);
      if (length > 0) {
        edges.push({ source: vertexOf(keyOf(line, start)), target: vertexOf(keyOf(line, i)), length, coords, highway: line.highway, wayId: line.wayId });
      }
      start = i;
    }
  }
  return { edges, nodeCount: vertex.size };
}

export class WalkGraph {
  readonly edges: Edge[];
  readonly nodeCount: number;
  /** Per edge: does it belong to a connected piece long enough to lead somewhere (NETWORK_RULES.minComponentMetres)? */
  readonly usable: Uint8Array;
  /** Per edge: its connected piece (an id shared by the edges one can walk between). */
  readonly component: Int32Array;
  private readonly firstOut: Int32Array;
  private readonly outEdge: Int32Array;
  private readonly segments: Flatbush | null;
  private readonly segmentEdge: Int32Array;
  private readonly segmentIndex: Int32Array;
  private readonly segmentStart: Float64Array;

  constructor(edges: Edge[], nodeCount: number) {
    this.edges = edges;
    this.nodeCount = nodeCount;
    // Adjacency in compressed rows: both directions (walking has no one-way streets).
    const degree = new Int32Array(nodeCount + 1);
    for (const e of edges) {
      degree[e.source + 1]++;
      degree[e.target + 1]++;
    }
    for (let v = 0; v < nodeCount; v++) degree[v + 1] += degree[v];
    this.firstOut = degree;
    this.outEdge = new Int32Array(2 * edges.length);
    const fill = degree.slice(0, nodeCount);
    edges.forEach((e, i) => {
      this.outEdge[fill[e.source]++] = i;
      this.outEdge[fill[e.target]++] = i;
    });
    [this.usable, this.component] = this.components();
    let count = 0;
    edges.forEach((e, i) => {
      if (this.usable[i]) count += e.coords.length / 2 - 1;
    });
    this.segmentEdge = new Int32Array(count);
    this.segmentIndex = new Int32Array(count);
    this.segmentStart = new Float64Array(count);
    this.segments = count > 0 ? new Flatbush(count) : null;
    let k = 0;
    edges.forEach((e, i) => {
      if (!this.usable[i]) return;
      let along = 0;
      for (let s = 0; s < e.coords.length / 2 - 1; s++) {
        const [x1, y1, x2, y2] = [e.coords[2 * s], e.coords[2 * s + 1], e.coords[2 * s + 2], e.coords[2 * s + 3]];
        this.segments!.add(Math.min(x1, x2), Math.min(y1, y2), Math.max(x1, x2), Math.max(y1, y2));
        this.segmentEdge[k] = i;
        this.segmentIndex[k] = s;
        this.segmentStart[k] = along;
        along += segmentLength(e.coords, s);
        k++;
      }
    });
    this.segments?.finish();
  }

  /** Marks the edges of connected pieces whose ways add up to at least the documented minimum. */
  private components(): [Uint8Array, Int32Array] {
    const parent = Int32Array.from({ length: this.nodeCount }, (_, i) => i);
    const find = (v: number): number => {
      while (parent[v] !== v) v = parent[v] = parent[parent[v]];
      return v;
    };
    for (const e of this.edges) parent[find(e.source)] = find(e.target);
    const length = new Float64Array(this.nodeCount);
    for (const e of this.edges) length[find(e.source)] += e.length;
    return [
      Uint8Array.from(this.edges, (e) => (length[find(e.source)] >= NETWORK_RULES.minComponentMetres ? 1 : 0)),
      Int32Array.from(this.edges, (e) => find(e.source)),
    ];
  }

  get totalMetres(): number {
    return this.edges.reduce((sum, e) => sum + e.length, 0);
  }

  /** The nearest point of a usable way within `limit` metres (ties: the lower edge), or null. */
  snap(x: number, y: number, limit: number = NETWORK_RULES.snapLimitMetres): Snap | null {
    if (!this.segments) return null;
    let best: Snap | null = null;
    for (const k of this.segments.search(x - limit, y - limit, x + limit, y + limit)) {
      const e = this.edges[this.segmentEdge[k]];
      const s = this.segmentIndex[k];
      const [x1, y1, x2, y2] = [e.coords[2 * s], e.coords[2 * s + 1], e.coords[2 * s + 2], e.coords[2 * s + 3]];
      const dx = x2 - x1;
      const dy = y2 - y1;
      const len2 = dx * dx + dy * dy;
      const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((x - x1) * dx + (y - y1) * dy) / len2));
      const access = Math.hypot(x - (x1 + t * dx), y - (y1 + t * dy));
      if (access > limit) continue;
      const edge = this.segmentEdge[k];
      if (best === null || access < best.access - 1e-9 || (Math.abs(access - best.access) <= 1e-9 && edge < best.edge)) {
        best = { edge, offset: this.segmentStart[k] + t * Math.sqrt(len2), access };
      }
    }
    return best;
  }

  /**
   * The shortest walk from the nearest of the sources to every junction (a multi-source search),
   * each source's access leg included; junctions farther than `bound` stay Infinity.
   */
  search(sources: Snap[], bound = Number.POSITIVE_INFINITY, into?: { dist: Float64Array; reached: number[] }): Float64Array {
    // Many small searches (the 2SFCA's catchments) reuse one array and list what they reached,
    // so that resetting it costs the search's size, not the network's.
    const dist = into?.dist ?? new Float64Array(this.nodeCount).fill(Number.POSITIVE_INFINITY);
    const queue = new FlatQueue<number>();
    const reach = (v: number, d: number) => {
      if (d < dist[v] && d <= bound) {
        if (into && dist[v] === Number.POSITIVE_INFINITY) into.reached.push(v);
        dist[v] = d;
        queue.push(v, d);
      }
    };
    for (const s of sources) {
      const e = this.edges[s.edge];
      reach(e.source, s.access + s.offset);
      reach(e.target, s.access + e.length - s.offset);
    }
    while (queue.length > 0) {
      const d = queue.peekValue()!;
      const v = queue.pop()!;
      if (d > dist[v]) continue;
      for (let k = this.firstOut[v]; k < this.firstOut[v + 1]; k++) {
        const e = this.edges[this.outEdge[k]];
        reach(e.source === v ? e.target : e.source, d + e.length);
      }
    }
    return dist;
  }

  /** The edges that meet at a junction. */
  edgesAt(v: number): Int32Array {
    return this.outEdge.subarray(this.firstOut[v], this.firstOut[v + 1]);
  }

  /** The walk from the searched sources to a snapped point: along its edge from either end, or along the edge itself from a source on it. */
  distanceTo(dist: Float64Array, at: Snap, sourcesOnEdge: Map<number, Snap[]>): number {
    const e = this.edges[at.edge];
    let d = Math.min(dist[e.source] + at.offset, dist[e.target] + e.length - at.offset);
    for (const s of sourcesOnEdge.get(at.edge) ?? []) d = Math.min(d, s.access + Math.abs(s.offset - at.offset));
    return d + at.access;
  }
}

/** The sources grouped by their edge, for `distanceTo`. */
export function byEdge(sources: Snap[]): Map<number, Snap[]> {
  const map = new Map<number, Snap[]>();
  for (const s of sources) map.set(s.edge, [...(map.get(s.edge) ?? []), s]);
  return map;
}
