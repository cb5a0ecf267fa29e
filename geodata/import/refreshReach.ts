// The nearest facility of every child-related category from every grid piece (cell_reach).
// Computed here with a static k-d index (flatbush) rather than a KNN query per piece: on the
// embedded database one index descent costs about 60 µs (18 categories x 35,000 pieces = 38 s),
// here the whole table takes well under a second. Distances are the same planar storage CRS
// distances ST_Distance gives.
import Flatbush from 'flatbush';
import type { Db } from '../../db/connect.ts';

type Point = { id: number; x: number; y: number };

async function cellPoints(db: Db): Promise<Point[]> {
  const result = await db.raw(/* reach.cellPoints */ 'select id, ST_X(point) as x, ST_Y(point) as y from grid_cell order by id');
  return result.rows;
}

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
  if (replaceAll) await db.raw(/* reach.clear */ 'truncate cell_reach');
  else await db.raw(/* reach.clearCategories */ 'delete from cell_reach where category = any(?::text[])', [categories]);
  const cells = await cellPoints(db);
  let rows = 0;
  for (const category of categories) {
    const nearest = nearestFacilities(cells, await facilityPoints(db, category));
    if (nearest.length === 0) continue;
    await db.raw(
      /* reach.insert */ `
      insert into cell_reach (category, cell_id, distance_m, facility_id)
      select ?, r.cell_id, r.distance_m, r.facility_id
        from unnest(?::int[], ?::float8[], ?::int[]) as r(cell_id, distance_m, facility_id)`,
      [category, cells.map((c) => c.id), nearest.map((n) => n.distance), nearest.map((n) => n.facilityId)],
    );
    rows += nearest.length;
  }
  return rows;
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
