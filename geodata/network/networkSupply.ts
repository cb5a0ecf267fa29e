// The 2SFCA supply measured on the walking network, for the coverage cache (a parameter set's
// supply per piece) and for scenarios (the change a few facilities make). Reads the pieces, their
// children and the facilities' amounts from the database; the catchments are catchments.ts's.
import type { Db } from '../../db/connect.ts';
import type { CoverageParams } from '../coverageCache.ts';
import { inStorage } from '../../db/geometrySql.ts';
import { onNetwork, searchRadius } from '../../domain/distance.ts';
import { catchments, floatingCatchmentSupply } from './catchments.ts';
import { type Place, pieceSnapsOf } from './networkReach.ts';
import type { Snap, WalkGraph } from './walkGraph.ts';

const grids = new Map<string, Place[]>();

/**
 * Every grid piece's centre (ordered by id: the attachments are kept per graph and grid). Kept in
 * the process per grid, known by its count, last id and the sum of its coordinates (35,000 rows
 * read once, not by every scenario and edit).
 */
export async function gridPieces(db: Db): Promise<Place[]> {
  const stamp = await db.raw(/* reach.gridStamp */ 'select count(*)::int as n, max(id) as last, sum(ST_X(point) + ST_Y(point)) as sum from grid_cell');
  const { n, last, sum } = stamp.rows[0];
  const key = `${n}:${last}:${sum}`;
  const kept = grids.get(key);
  if (kept) return kept;
  const result = await db.raw(/* reach.cellPoints */ 'select id, ST_X(point) as x, ST_Y(point) as y from grid_cell order by id');
  if (grids.size >= 4) grids.delete(grids.keys().next().value!);
  grids.set(key, result.rows);
  return result.rows;
}

/** The given pieces with their attachments (looked up in the whole grid's, which are kept with the graph). */
async function attachedPieces(db: Db, graph: WalkGraph, ids: number[]): Promise<{ pieces: Place[]; snaps: (Snap | null)[] }> {
  const grid = await gridPieces(db);
  const gridSnaps = pieceSnapsOf(graph, grid);
  const position = new Map(grid.map((p, i) => [p.id, i]));
  const at = ids.map((id) => position.get(id)!);
  return { pieces: at.map((i) => grid[i]), snaps: at.map((i) => gridSnaps[i]) };
}

/** Per piece with children of the parameter set: its 2SFCA supply per 1,000 children with catchments on the network. */
export async function networkSupply(db: Db, graph: WalkGraph, p: CoverageParams): Promise<{ cellIds: number[]; supply: number[] }> {
  // One after the other: inside the cache's transaction both share one connection.
  const children = await db.raw(
    /* network.pieceChildren */ 'select cell_id, children from va_cell_children(?, ?) where children > 0 order by cell_id',
    [p.ageBand, p.distribution],
  );
  const amounts = await db.raw(
    /* network.supplyAmounts */ 'select id, ST_X(geom) as x, ST_Y(geom) as y, amount from va_capacity_supply(?::text[]) order by id',
    [p.categories],
  );
  const rows = children.rows as { cell_id: number; children: number }[];
  const cellIds = rows.map((r) => r.cell_id);
  const { pieces, snaps } = await attachedPieces(db, graph, cellIds);
  const facilities = amounts.rows as (Place & { amount: number })[];
  const within = catchments(graph, pieces, snaps, facilities, p.threshold, p.detour);
  const supply = floatingCatchmentSupply(
    rows.map((r) => r.children),
    within,
    facilities.map((f) => f.amount),
  );
  return { cellIds, supply: Array.from(supply) };
}

/**
 * A scenario's change in supply per piece on the network: each changed facility's signed amount
 * over the children in its catchment (the cached children of the parameter set), as supplyChanges
 * does with straight catchments.
 */
export async function networkSupplyChanges(
  db: Db,
  graph: WalkGraph,
  p: { key: string; threshold: number; detour: number; items: { x: number; y: number; amount: number }[] },
): Promise<{ cell_id: number; delta: number }[]> {
  if (p.items.length === 0) return [];
  // Only the pieces a changed facility can reach: a walk is never shorter than the straight line,
  // and what is measured straight reaches threshold / detour (domain/distance.ts searchRadius).
  const radius = searchRadius(p.threshold, onNetwork(p.detour));
  const cached = await db.raw(
    /* network.cachedChildrenNear */ `
    select c.cell_id, c.children
      from coverage_cell_cache c join grid_cell g on g.id = c.cell_id
     where c.key = ?
       and exists (select 1 from jsonb_to_recordset(?::jsonb) as i(x float8, y float8) where ST_DWithin(g.point, ${inStorage('ST_MakePoint(i.x, i.y)')}, ?))
     order by c.cell_id`,
    [p.key, JSON.stringify(p.items.map((i) => ({ x: i.x, y: i.y }))), radius],
  );
  const rows = cached.rows as { cell_id: number; children: number }[];
  const { pieces, snaps } = await attachedPieces(
    db,
    graph,
    rows.map((r) => r.cell_id),
  );
  const sources = p.items.map((item, i) => ({ id: -1 - i, x: item.x, y: item.y }));
  const within = catchments(graph, pieces, snaps, sources, p.threshold, p.detour);
  const delta = floatingCatchmentSupply(
    rows.map((r) => r.children),
    within,
    p.items.map((item) => item.amount),
  );
  const changed: { cell_id: number; delta: number }[] = [];
  delta.forEach((d, j) => {
    if (d !== 0) changed.push({ cell_id: rows[j].cell_id, delta: d });
  });
  return changed;
}
