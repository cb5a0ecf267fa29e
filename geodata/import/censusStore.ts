// All SQL of the census grid import: the city's box in EPSG:3035 (to filter a national file
// before anything else), the cells that touch the city, and the located demand on the grid.
import type { Db } from '../../db/connect.ts';
import type { CensusCell } from '../census/censusGrid.ts';
import { CENSUS_SRID, inStorage, toStorage } from '../../db/geometrySql.ts';

export type Box = { minX: number; minY: number; maxX: number; maxY: number };

/** The bounding box of all sub-districts in EPSG:3035, grown by one cell. */
export async function cityBox3035(db: Db, margin: number): Promise<Box | null> {
  const result = await db.raw(
    /* census.cityBox */ `
    select ST_XMin(b) - ? as "minX", ST_YMin(b) - ? as "minY", ST_XMax(b) + ? as "maxX", ST_YMax(b) + ? as "maxY"
      from (select ST_Extent(ST_Transform(geom, 3035))::geometry as b from area where level = 'ubz') as e
     where b is not null`,
    [margin, margin, margin, margin],
  );
  return result.rows[0] ?? null;
}

/** Replaces the census cells with those of the given cells whose square touches a sub-district. */
export async function replaceCensusCells(
  db: Db,
  cells: CensusCell[],
  source: { dataset: string; refDate: string; cellSizeMetres: number },
): Promise<number> {
  await db.raw(/* census.clear */ 'delete from census_cell');
  const half = source.cellSizeMetres / 2;
  const inserted = await db.raw(
    /* census.insertTouchingCity */ `
    with input as (
      select r.grid_id, r.count, r.quality,
             ${toStorage(`ST_MakeEnvelope(r.x - ?, r.y - ?, r.x + ?, r.y + ?, ${CENSUS_SRID})`)} as geom
        from unnest(?::text[], ?::float8[], ?::float8[], ?::int[], ?::int[]) as r(grid_id, x, y, count, quality)
    )
    insert into census_cell (grid_id, geom, count, quality, source, ref_date)
    select i.grid_id, i.geom, i.count, i.quality, ?, ?::date
      from input i
     where exists (select 1 from area u where u.level = 'ubz' and ST_Intersects(u.geom, i.geom))`,
    [
      half, half, half, half,
      cells.map((c) => c.gridId), cells.map((c) => c.x), cells.map((c) => c.y), cells.map((c) => c.count), cells.map((c) => c.quality) as number[],
      source.dataset, source.refDate,
    ],
  );
  return inserted.rowCount ?? 0;
}

/** Locates the census persons on the grid and chooses census or even spread per sub-district. */
export async function refreshDemand(db: Db): Promise<number> {
  const result = await db.raw(/* census.refreshDemand */ 'select va_refresh_demand() as subdistricts');
  return result.rows[0].subdistricts;
}

export type CensusSummary = { cells: number; persons: number; even_subdistricts: string[] };

export async function censusSummary(db: Db): Promise<CensusSummary> {
  const result = await db.raw(
    /* census.summary */ `
    select (select count(*)::int from census_cell) as cells,
           (select coalesce(sum(count), 0)::int from census_cell) as persons,
           array(select u.code from ubz_distribution d join area u on u.id = d.ubz_id where d.method = 'even' order by u.code) as even_subdistricts`,
  );
  return result.rows[0];
}

/**
 * Moves each area's label point to where its people live: the populated grid piece nearest to
 * the census-weighted centre of the area. A point "on the surface" of the Borsigplatz
 * Aktionsraum lies on the Westfalenhütte steelworks; names on the map and a search for the area
 * should point to the houses. Areas without census persons keep their point on the surface.
 */
export async function placeLabelsWhereChildrenLive(db: Db): Promise<number> {
  const result = await db.raw(
    /* census.labelPoints */ `
    with weighted as (
      select au.area_id,
             ${inStorage(`ST_MakePoint(sum(ST_X(g.point) * g.census_count) / sum(g.census_count),
                                     sum(ST_Y(g.point) * g.census_count) / sum(g.census_count))`)} as centre
        from area_ubz au join grid_cell g on g.ubz_id = au.ubz_id
       where g.census_count > 0
       group by au.area_id
    ), snapped as (
      select w.area_id,
             (select g.point from area_ubz au join grid_cell g on g.ubz_id = au.ubz_id
               where au.area_id = w.area_id and g.census_count > 0
               order by g.point <-> w.centre, g.id limit 1) as point
        from weighted w
    )
    update area a set label_point = s.point from snapped s where a.id = s.area_id and s.point is not null`,
  );
  return result.rowCount ?? 0;
}
