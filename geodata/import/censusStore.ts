// All SQL of the census grid import: the city's box in EPSG:3035 (to filter a national file
// before anything else), the cells that touch the city, and the located demand on the grid.
import type { Db } from '../../db/connect.ts';
import type { CensusCell } from '../census/censusGrid.ts';

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
             ST_Transform(ST_MakeEnvelope(r.x - ?, r.y - ?, r.x + ?, r.y + ?, 3035), 25832) as geom
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
