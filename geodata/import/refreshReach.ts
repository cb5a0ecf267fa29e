// The nearest facility of every child-related category from every grid piece (cell_reach).
// Computed here with a static k-d index (flatbush) rather than a KNN query per piece: on the
// embedded database one index descent costs about 60 µs (18 categories x 35,000 pieces = 38 s),
// here the whole table takes well under a second. Distances are the same planar EPSG:25832
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
 * facility change (found with the point index within the category's largest distance). Much
 * cheaper than a rebuild; a category without any reach yet is rebuilt. Returns the pieces changed.
 */
export async function extendReach(db: Db, category: string, facilityId: number): Promise<number> {
  const known = await db.raw(/* reach.hasCategory */ 'select exists (select 1 from cell_reach where category = ?) as known', [category]);
  if (!known.rows[0].known) return refreshReach(db, [category], { replaceAll: false });
  const result = await db.raw(
    /* reach.extend */ `
    with p as (select geom from facility where id = ?),
         bound as (select max(distance_m) as m from cell_reach where category = ?),
         near as (
           select g.id, ST_Distance(g.point, p.geom) as d
             from grid_cell g, p, bound
            where ST_DWithin(g.point, p.geom, bound.m)
         )
    update cell_reach r set distance_m = near.d, facility_id = ?
      from near
     where r.category = ? and r.cell_id = near.id and near.d < r.distance_m`,
    [facilityId, category, facilityId, category],
  );
  return result.rowCount ?? 0;
}
