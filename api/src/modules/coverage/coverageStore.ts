// All SQL of the coverage domain. The cell-level work is done by va_cell_coverage (db/functions);
// this file aggregates it to areas, gaps and points.
import type { Db } from '../../../../db/connect.ts';
import type { AreaLevel } from '../common/enums.ts';
import type { Distribution } from '../../../../domain/distribution.ts';

export { cacheKey, ensureCellCoverage, MAX_UNPINNED_CACHE_ENTRIES, type CoverageParams } from '../../../../geodata/coverageCache.ts';
import { cacheKey, ensureCellCoverage as ensureCached, type CoverageParams } from '../../../../geodata/coverageCache.ts';
import { defaultCoverageSets } from '../../../../domain/coverageRules.ts';
import { targetCategories } from '../../../../domain/taxonomy.ts';
import { storagePoint } from '../../../../db/geometrySql.ts';
import type { AgeBand } from '../../../../domain/ageBands.ts';

/** The dashboard's default sets stay pinned, also when an edit dropped them and a request refills them. */
const defaultKeys = new Set(defaultCoverageSets(targetCategories).map((set) => cacheKey(set)));
/** The cached cell coverage of a parameter set, computed on first ask; the defaults stay pinned. */
export const ensureCoverage = (db: Db, p: CoverageParams) => ensureCached(db, p, defaultKeys.has(cacheKey(p)));
const ensureCellCoverage = ensureCoverage;

export type AreaCoverageRow = {
  area_id: number;
  level: AreaLevel;
  children: number;
  children_within: number;
  median_m: number | null;
  p90_m: number | null;
  supply_per_1000: number | null;
  facilities_inside: number;
  /** Children whose distance was measured on the walking network. */
  children_on_network: number;
};

/** Coverage of every current area of the given levels, from the cached cell coverage: one query. */
export async function areaCoverage(db: Db, levels: readonly AreaLevel[], p: CoverageParams): Promise<AreaCoverageRow[]> {
  const key = await ensureCellCoverage(db, p);
  const result = await db.raw(
    /* coverage.areas */ `
    with cell as (
      select * from coverage_cell_cache where key = ?
    ), area_cell as (
      select a.id as area_id, a.level, c.cell_id, c.children, c.distance_m, c.supply_per_1000, c.on_network
        from current_area a
        join area_ubz au on au.area_id = a.id
        join cell c on c.ubz_id = au.ubz_id
       where a.level = any(?::text[])
    ), ranked as (
      select ac.*,
             sum(ac.children) over (partition by ac.area_id order by ac.distance_m nulls last, ac.cell_id
                                    rows between unbounded preceding and current row) as cumulative,
             sum(ac.children) over (partition by ac.area_id) as total
        from area_cell ac
    ), inside as (
      select au.area_id, count(*)::int as n
        from area_ubz au join facility f on f.ubz_id = au.ubz_id
       where f.category = any(?::text[])
       group by au.area_id
    )
    select r.area_id, min(r.level) as level,
           sum(r.children) as children,
           coalesce(sum(r.children) filter (where r.distance_m <= ?), 0) as children_within,
           min(r.distance_m) filter (where r.cumulative >= 0.5 * r.total) as median_m,
           min(r.distance_m) filter (where r.cumulative >= 0.9 * r.total) as p90_m,
           sum(r.children * r.supply_per_1000) / nullif(sum(r.children), 0) as supply_per_1000,
           coalesce(max(i.n), 0) as facilities_inside,
           coalesce(sum(r.children) filter (where r.on_network), 0) as children_on_network
      from ranked r left join inside i on i.area_id = r.area_id
     group by r.area_id`,
    [key, [...levels], p.categories, p.threshold],
  );
  return result.rows;
}

export type GapRow = { children: number; area_m2: number; ubz_codes: string[]; geometry: unknown };

/** Cells with children beyond the threshold, merged into touching groups, most children first. */
export async function gapHotspots(db: Db, p: CoverageParams, areaId: number | null, limit: number) {
  const key = await ensureCellCoverage(db, p);
  const result = await db.raw(
    /* coverage.gaps */ `
    with gap as (
      select g.id, g.geom, g.ubz_id, c.children
        from coverage_cell_cache c
        join grid_cell g on g.id = c.cell_id
       where c.key = ?
         and c.children > 0
         and (c.distance_m is null or c.distance_m > ?)
         and (?::int is null or g.ubz_id in (select au.ubz_id from area_ubz au where au.area_id = ?::int))
    ), clustered as (
      -- A hotspot is a connected gap within one sub-district: across the city the gaps of the
      -- outskirts would otherwise merge into one.
      select gap.*, ST_ClusterDBSCAN(gap.geom, 0, 1) over (partition by gap.ubz_id) as cluster from gap
    ), grouped as (
      select cl.ubz_id, cl.cluster, sum(cl.children) as children, sum(ST_Area(cl.geom)) as area_m2,
             array_agg(distinct u.code order by u.code) as ubz_codes, ST_Union(cl.geom, 0.01) as geom
        from clustered cl join area u on u.id = cl.ubz_id
       group by cl.ubz_id, cl.cluster
    )
    select children, area_m2, ubz_codes, ST_AsGeoJSON(ST_Transform(geom, 4326), 5)::json as geometry,
           sum(children) over () as total_children, count(*) over ()::int as hotspot_count
      from grouped
     order by children desc, ubz_codes
     limit ?`,
    [key, p.threshold, areaId, areaId, limit],
  );
  return result.rows as (GapRow & { total_children: number; hotspot_count: number })[];
}

export type NearestRow = { category: string; facility_key: string | null; distance_m: number | null; within: number };

/**
 * The nearest facility of each category from a point (KNN on the facility index), and how many
 * lie within each category's threshold (given in straight-line metres, detour already removed).
 */
export async function nearestFromPoint(
  db: Db,
  longitude: number,
  latitude: number,
  radii: { category: string; metres: number }[],
): Promise<NearestRow[]> {
  const result = await db.raw(
    /* coverage.nearestFromPoint */ `
    with origin as (select ${storagePoint()} as geom),
    radius as (select * from jsonb_to_recordset(?::jsonb) as r(category text, metres float8))
    select c.key as category, n.key as facility_key, n.distance_m,
           (select count(*)::int from facility f
             where f.category = c.key and ST_DWithin(f.geom, o.geom, r.metres)) as within
      from facility_category c
      join radius r on r.category = c.key
      cross join origin o
      left join lateral (
        select f.key, ST_Distance(f.geom, o.geom) as distance_m
          from facility f where f.category = c.key order by f.geom <-> o.geom limit 1
      ) as n on true
     order by c.sort_order`,
    [longitude, latitude, JSON.stringify(radii)],
  );
  return result.rows;
}

/** A longitude/latitude in the storage CRS. */
export async function inStorageCrs(db: Db, longitude: number, latitude: number): Promise<{ x: number; y: number }> {
  const result = await db.raw(/* coverage.pointInStorage */ `select ST_X(p) as x, ST_Y(p) as y from (select ${storagePoint()} as p) as o`, [longitude, latitude]);
  return result.rows[0];
}

/** Every facility of the categories, positioned in the storage CRS (for walks on the network). */
export async function facilityPositions(db: Db, categories: string[]): Promise<{ key: string; category: string; x: number; y: number }[]> {
  const result = await db.raw(
    /* coverage.facilityPositions */ 'select key, category, ST_X(geom) as x, ST_Y(geom) as y from facility where category = any(?::text[]) order by id',
    [categories],
  );
  return result.rows;
}

export async function subDistrictAt(db: Db, longitude: number, latitude: number): Promise<number | null> {
  const result = await db.raw(
    /* coverage.subDistrictAt */ `
    select id from area
     where level = 'ubz' and ST_Intersects(geom, ${storagePoint()})
     order by code limit 1`,
    [longitude, latitude],
  );
  return result.rows[0]?.id ?? null;
}

export type PopulationFacts = { dates: string[]; is_estimate: boolean; data_date: string | null };

/** Facts every method statement needs: population dates, estimate or count, data date. */
export async function populationFacts(db: Db): Promise<PopulationFacts> {
  const result = await db.raw(
    /* coverage.populationFacts */ `
    select array(select distinct to_char(ref_date, 'YYYY-MM-DD') from ubz_population order by 1) as dates,
           coalesce(bool_or(p.is_estimate), true) as is_estimate,
           (select to_char(max(finished_at) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') from import_run) as data_date
      from ubz_population p`,
  );
  return result.rows[0];
}

/** For each set of categories: does any of their facilities lack a capacity (places)? */
/** What the 2SFCA supply counts per set of categories (va_capacity_supply's rule): pupils, places or facilities. */
export async function supplyModes(db: Db, categorySets: readonly string[][]): Promise<('pupils' | 'places' | 'count')[]> {
  const result = await db.raw(
    /* coverage.supplyModes */ `
    select s.i,
           va_by_pupils(string_to_array(s.k, ',')) as pupils,
           exists (select 1 from facility f where f.category = any(string_to_array(s.k, ',')) and f.capacity is null) as missing
      from unnest(?::text[]) with ordinality as s(k, i)`,
    [categorySets.map((c) => c.join(','))],
  );
  const byIndex = new Map<number, 'pupils' | 'places' | 'count'>(
    result.rows.map((r: { i: number; pupils: boolean; missing: boolean }) => [Number(r.i), r.pupils ? 'pupils' : r.missing ? 'count' : 'places']),
  );
  return categorySets.map((_, i) => byIndex.get(i + 1) ?? 'count');
}

export type DemandFacts = { census_dataset: string | null; census_ref_date: string | null; even_subdistricts: string[] };

/** Which census grid placed the children, and which sub-districts fell back to an even spread. */
export async function demandFacts(db: Db): Promise<DemandFacts> {
  const result = await db.raw(
    /* coverage.demandFacts */ `
    select (select min(source) from census_cell) as census_dataset,
           (select to_char(min(ref_date), 'YYYY-MM-DD') from census_cell) as census_ref_date,
           array(select u.code from ubz_distribution d join area u on u.id = d.ubz_id
                  where d.method = 'even' order by u.code) as even_subdistricts`,
  );
  return result.rows[0];
}

export type ChildrenCellsRow = { total: number; cells: number; geojson: unknown };

/** Which children, placed how, in which area (null: the city): the question of the children grid. */
export type ChildrenQuestion = { ageBand: AgeBand; distribution: Distribution; areaId: number | null };

/** The children of an age band and the pieces they live on (without the pieces' shapes). */
export async function childrenTotals(db: Db, q: ChildrenQuestion): Promise<{ total: number; cells: number }> {
  const result = await db.raw(
    /* coverage.childrenTotals */ `
    select coalesce(sum(k.children), 0) as total, count(*)::int as cells
      from va_cell_children(:ageBand, :distribution) k
     where k.children > 0 and (cast(:areaId as int) is null or k.ubz_id in (select au.ubz_id from area_ubz au where au.area_id = cast(:areaId as int)))`,
    q,
  );
  return result.rows[0];
}

/** The grid pieces with children of an age band, as one GeoJSON FeatureCollection built in SQL. */
export async function childrenCells(db: Db, q: ChildrenQuestion): Promise<ChildrenCellsRow> {
  const result = await db.raw(
    /* coverage.childrenCells */ `
    with piece as (
      select k.children, k.spread, u.code, g.geom
        from va_cell_children(:ageBand, :distribution) k
        join grid_cell g on g.id = k.cell_id
        join area u on u.id = k.ubz_id
       where k.children > 0
         and (cast(:areaId as int) is null or k.ubz_id in (select au.ubz_id from area_ubz au where au.area_id = cast(:areaId as int)))
    )
    select coalesce(sum(children), 0) as total, count(*)::int as cells,
           json_build_object('type', 'FeatureCollection', 'features', coalesce(json_agg(json_build_object(
             'type', 'Feature',
             'geometry', ST_AsGeoJSON(ST_Transform(geom, 4326), 5)::json,
             'properties', json_build_object('children', round(children::numeric, 2), 'subDistrictCode', code, 'spread', upper(spread))
           ) order by code), '[]'::json)) as geojson
      from piece`,
    q,
  );
  return result.rows[0];
}

export type PopulationRow = {
  ubz_id: number;
  age_band: string;
  count: number;
  is_estimate: boolean;
  ref_date: string;
  source: string;
  spread: Distribution;
  census_persons: number;
};

export async function populationRows(db: Db): Promise<PopulationRow[]> {
  const result = await db.raw(
    /* coverage.population */ `
    select p.ubz_id, p.age_band, p.count, p.is_estimate, to_char(p.ref_date, 'YYYY-MM-DD') as ref_date, p.source,
           coalesce(d.method, 'even') as spread, coalesce(d.census_count, 0) as census_persons
      from ubz_population p join area u on u.id = p.ubz_id left join ubz_distribution d on d.ubz_id = p.ubz_id
     order by u.code, p.age_band`,
  );
  return result.rows;
}
