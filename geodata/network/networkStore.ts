// The walking network in the database (walk_edge, walk_network) and back: written by the import in
// its transaction, loaded as a graph by whoever measures distances (import, edits, scenarios,
// partner search), once per imported network and process.
import type { Db } from '../../db/connect.ts';
import { inStorage } from '../../db/geometrySql.ts';
import type { NetworkFile } from './readNetworkFile.ts';
import { type Edge, WalkGraph } from './walkGraph.ts';

export const OSM_LICENCE = 'ODbL 1.0 (Open Database License)';
export const OSM_ATTRIBUTION = '© OpenStreetMap contributors';

export type NetworkRow = {
  file: string;
  format: string;
  sha256: string;
  bytes: number;
  data_date: string | null;
  licence: string;
  attribution: string;
  edges: number;
  length_m: number;
  imported_at: string;
};

/** The network in use, or null (distances are straight lines). */
export async function networkInUse(db: Db): Promise<NetworkRow | null> {
  const result = await db.raw(
    /* network.inUse */ `select file, format, sha256, bytes::float8 as bytes, data_date, licence, attribution, edges, length_m,
            to_char(imported_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as imported_at from walk_network`,
  );
  return result.rows[0] ?? null;
}

/** Replaces the network (inside the import's transaction): its edges and where they came from. */
export async function replaceNetwork(db: Db, file: NetworkFile, edges: Edge[], licence: { licence: string; attribution: string }) {
  await clearNetwork(db);
  const batch = 20_000;
  for (let start = 0; start < edges.length; start += batch) {
    const part = edges.slice(start, start + batch);
    await db.raw(
      /* network.insertEdges */ `
      insert into walk_edge (id, source, target, length_m, highway, osm_way_id, geom)
      select e.id, e.source, e.target, e.length_m, e.highway, e.way, ${inStorage('ST_GeomFromText(e.wkt)')}
        from unnest(?::int[], ?::int[], ?::int[], ?::float8[], ?::text[], ?::bigint[], ?::text[]) as e(id, source, target, length_m, highway, way, wkt)`,
      [
        part.map((_, i) => start + i),
        part.map((e) => e.source),
        part.map((e) => e.target),
        part.map((e) => e.length),
        part.map((e) => e.highway),
        part.map((e) => e.wayId) as number[],
        part.map((e) => lineWkt(e.coords)),
      ],
    );
  }
  await db.raw(
    /* network.record */ `
    insert into walk_network (file, format, sha256, bytes, data_date, licence, attribution, edges, length_m)
    values (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [file.path.split(/[\\/]/).pop() ?? file.path, file.format, file.sha256, file.bytes, file.dataDate, licence.licence, licence.attribution, edges.length, edges.reduce((s, e) => s + e.length, 0)],
  );
}

export async function clearNetwork(db: Db) {
  await db.raw(/* network.clearEdges */ 'truncate walk_edge');
  await db.raw(/* network.clear */ 'delete from walk_network');
}

function lineWkt(c: Float64Array): string {
  const points: string[] = [];
  for (let i = 0; i < c.length; i += 2) points.push(`${c[i]} ${c[i + 1]}`);
  return `LINESTRING(${points.join(',')})`;
}

const loaded = new Map<string, WalkGraph>();

/** The graph of the network in use (loaded once per imported network), or null without one. */
export async function loadGraph(db: Db): Promise<WalkGraph | null> {
  const network = await networkInUse(db);
  if (!network) return null;
  const stamp = `${network.sha256}@${network.imported_at}`;
  const cached = loaded.get(stamp);
  if (cached) return cached;
  const result = await db.raw(
    /* network.loadEdges */ `select source, target, length_m, highway, osm_way_id::float8 as way, ST_AsText(geom) as wkt from walk_edge order by id`,
  );
  let nodeCount = 0;
  const edges: Edge[] = result.rows.map((r: { source: number; target: number; length_m: number; highway: string; way: number | null; wkt: string }) => {
    nodeCount = Math.max(nodeCount, r.source + 1, r.target + 1);
    const inner = r.wkt.slice(r.wkt.indexOf('(') + 1, r.wkt.lastIndexOf(')'));
    const coords = new Float64Array(inner.split(/[ ,]/).map(Number));
    return { source: r.source, target: r.target, length: r.length_m, coords, highway: r.highway, wayId: r.way };
  });
  const graph = new WalkGraph(edges, nodeCount);
  // One network per database is the rule; tests hold a few databases: keep the last few graphs.
  if (loaded.size >= 4) loaded.delete(loaded.keys().next().value!);
  loaded.set(stamp, graph);
  return graph;
}

/** Seeds the cache with a graph just written (the import holds it already). */
export function rememberGraph(network: Pick<NetworkRow, 'sha256' | 'imported_at'>, graph: WalkGraph) {
  loaded.set(`${network.sha256}@${network.imported_at}`, graph);
}
