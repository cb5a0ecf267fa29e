// The nearest facility of every child-related category from every grid piece (cell_reach).
// Computed here with a static k-d index (flatbush) rather than a KNN query per piece: on the
// embedded database one index descent costs about 60 µs (18 categories x 35,000 pieces = 38 s),
// here the whole table takes well under a second. Distances are the same planar storage CRS
// distances ST_Distance gives. With a walking network, each row also holds the walk on it
// (network_m) and the straight line to the nearest facility not attached to it (offnet_m):
// geodata/network/networkReach.ts; va_cell_coverage chooses between them (domain/distance.ts).
import Flatbush from 'flatbush';
import type { Db } from '../../db/connect.ts';
import { loadGraph } from '../network/networkStore.ts';
import { networkReach, nullable, orNull, pieceSnapsOf } from '../network/networkReach.ts';
import type { Snap, WalkGraph } from '../network/walkGraph.ts';
import { gridPieces } from '../network/networkSupply.ts';
import { chooseDistance } from '../../domain/distance.ts';

type Point = { id: number; x: number; y: number };

const cellPoints = gridPieces;

async function facilityPoints(db: Db, category: string): Promise<Point[]> {
  const result = await db.raw(
    /* reach.facilityPoints */ 'select id, ST_X(geom) as x, ST_Y(geom) as y from facility where category = ? order by id',
    [category],
  );
  return result.rows;
}

/** For each cell, the nearest of the given facilities (ties: the lower facility id). */
export function nearestFacilities(cells: Point[], facilities: Point[]): { facilityId: number; distance: number }[] {
  if (facilities.length === 0) return [];
  const index = new Flatbush(facilities.length);
  for (const f of facilities) index.add(f.x, f.y, f.x, f.y);
  index.finish();
  return cells.map((c) => {
    const f = facilities[index.neighbors(c.x, c.y, 1)[0]];
    return { facilityId: f.id, distance: Math.hypot(f.x - c.x, f.y - c.y) };
  });
}

/** Rebuilds cell_reach for the given categories (or only these, when others stay as they are). */
export async function refreshReach(db: Db, categories: string[], { replaceAll = true } = {}): Promise<number> {
  const graph = await loadGraph(db);
  // An edit on the walking network (a facility closed or moved): the categories' walks anew, only
  // the pieces whose figures changed written.
  if (!replaceAll && graph) {
    let changed = 0;
    for (const category of categories) changed += await updateNetworkReach(db, category, graph);
    return changed;
  }
  if (replaceAll) await db.raw(/* reach.clear */ 'truncate cell_reach');
  else await db.raw(/* reach.clearCategories */ 'delete from cell_reach where category = any(?::text[])', [categories]);
  const cells = await cellPoints(db);
  const snaps = graph ? pieceSnapsOf(graph, cells) : null;
  let rows = 0;
  for (const category of categories) {
    const reach = await reachOf(db, category, cells, graph, snaps);
    if (reach) rows += await insertReachRows(db, category, cells, reach);
  }
  return rows;
}

async function insertReachRows(db: Db, category: string, cells: Point[], reach: Reach): Promise<number> {
  await db.raw(
    /* reach.insert */ `
    insert into cell_reach (category, cell_id, distance_m, facility_id, network_m, offnet_m)
    select ?, r.cell_id, r.distance_m, r.facility_id, r.network_m, r.offnet_m
      from unnest(?::int[], ?::float8[], ?::int[], ?::float8[], ?::float8[]) as r(cell_id, distance_m, facility_id, network_m, offnet_m)`,
    [category, cells.map((c) => c.id), reach.distance, reach.facilityId, reach.network, reach.offnet],
  );
  return cells.length;
}

// network and offnet: null without a network (unnest pads a null array with nulls).
type Reach = { distance: number[]; facilityId: number[]; network: number[] | null; offnet: number[] | null };

/** The reach of one category from every piece: straight, and on the network where there is one. */
async function reachOf(db: Db, category: string, cells: Point[], graph: WalkGraph | null, snaps: (Snap | null)[] | null): Promise<Reach | null> {
  const facilities = await facilityPoints(db, category);
  const nearest = nearestFacilities(cells, facilities);
  if (nearest.length === 0) return null;
  const net = graph ? networkReach(graph, cells, snaps!, facilities) : null;
  return {
    distance: nearest.map((n) => n.distance),
    facilityId: nearest.map((n) => n.facilityId),
    network: net ? (nullable(net.network) as number[]) : null,
    offnet: net ? (nullable(net.offnet) as number[]) : null,
  };
}

/**
 * On the walking network a new facility can shorten walks far beyond its straight neighbourhood:
 * the category's reach is computed anew (one search, a fraction of a second) and only the pieces
 * whose figures changed are written. Returns the pieces changed.
 */
async function updateNetworkReach(db: Db, category: string, graph: WalkGraph): Promise<number> {
  const cells = await cellPoints(db);
  const reach = await reachOf(db, category, cells, graph, pieceSnapsOf(graph, cells));
  // No facility of the category left: no reach.
  if (!reach) return (await db.raw(/* reach.clearCategory */ 'delete from cell_reach where category = ?', [category])).rowCount ?? 0;
  const existing = await db.raw(/* reach.categoryRows */ 'select count(*)::int as n from cell_reach where category = ?', [category]);
  if (existing.rows[0].n === 0) return insertReachRows(db, category, cells, reach);
  const result = await db.raw(
    /* reach.updateChanged */ `
    update cell_reach r set distance_m = u.distance_m, facility_id = u.facility_id, network_m = u.network_m, offnet_m = u.offnet_m
      from unnest(?::int[], ?::float8[], ?::int[], ?::float8[], ?::float8[]) as u(cell_id, distance_m, facility_id, network_m, offnet_m)
     where r.category = ? and r.cell_id = u.cell_id
       and (r.distance_m, r.facility_id, r.network_m, r.offnet_m) is distinct from (u.distance_m, u.facility_id, u.network_m, u.offnet_m)`,
    [cells.map((c) => c.id), reach.distance, reach.facilityId, reach.network, reach.offnet, category],
  );
  return result.rowCount ?? 0;
}

/**
 * A new facility of a category: only the grid pieces now nearer to it than to their nearest
 * facility change. The pieces within the category's largest distance are found with the point
 * index, and updated by key (an update joined to a computed set was planned as a nested loop
 * over both on the embedded database: minutes instead of a second). A category without any
 * reach yet is rebuilt. Returns the pieces changed.
 */
export async function extendReach(db: Db, category: string, facilityId: number): Promise<number> {
  const bound = await db.raw(/* reach.bound */ 'select max(distance_m) as m from cell_reach where category = ?', [category]);
  const maxDistance = bound.rows[0].m as number | null;
  if (maxDistance === null) return refreshReach(db, [category], { replaceAll: false });
  const graph = await loadGraph(db);
  if (graph) return updateNetworkReach(db, category, graph);
  const near = await db.raw(
    /* reach.candidates */ `
    select g.id, ST_Distance(g.point, f.geom) as d
      from facility f join grid_cell g on ST_DWithin(g.point, f.geom, ?)
     where f.id = ?`,
    [maxDistance, facilityId],
  );
  const rows = near.rows as { id: number; d: number }[];
  if (rows.length === 0) return 0;
  const result = await db.raw(
    /* reach.extend */ `
    update cell_reach r set distance_m = u.d, facility_id = ?
      from unnest(?::int[], ?::float8[]) as u(cell_id, d)
     where r.category = ? and r.cell_id = u.cell_id and u.d < r.distance_m`,
    [facilityId, rows.map((r) => r.id), rows.map((r) => r.d), category],
  );
  return result.rowCount ?? 0;
}

/**
 * A scenario's distances on the walking network: per piece, the nearest facility of the categories
 * with some facilities closed or moved away (removedIds) and some planned ones added (points in the
 * storage CRS), as the distance model chooses (domain/distance.ts chooseDistance).
 */
export async function scenarioReach(
  db: Db,
  graph: WalkGraph,
  categories: string[],
  changes: { removedIds: number[]; added: { x: number; y: number }[] },
  detour: number,
): Promise<Map<number, { metres: number; onNetwork: boolean }>> {
  const cells = await cellPoints(db);
  const snaps = pieceSnapsOf(graph, cells);
  const best = new Map<number, { metres: number; onNetwork: boolean }>();
  const removed = new Set(changes.removedIds);
  let plannedId = -1;
  const planned = changes.added.map((p) => ({ id: plannedId--, x: p.x, y: p.y }));
  for (const category of categories) {
    const facilities = [...(await facilityPoints(db, category)).filter((f) => !removed.has(f.id)), ...planned];
    const nearest = nearestFacilities(cells, facilities);
    if (nearest.length === 0) continue;
    const net = networkReach(graph, cells, snaps, facilities);
    cells.forEach((c, i) => {
      const d = chooseDistance({ straight: nearest[i].distance, network: orNull(net.network[i]), offnet: orNull(net.offnet[i]) }, detour);
      const old = best.get(c.id);
      if (!old || d.metres < old.metres || (d.metres === old.metres && d.onNetwork && !old.onNetwork)) best.set(c.id, d);
    });
  }
  return best;
}

