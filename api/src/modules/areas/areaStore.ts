// All SQL of the areas domain. GeoJSON is produced in SQL; geometries leave in EPSG:4326.
import type { Db } from '../../../../db/connect.ts';
import type { AreaLevel } from '../common/enums.ts';
import { levelRank } from '../common/enums.ts';


export type AreaRow = {
  id: number;
  level: AreaLevel;
  code: string;
  name: string;
  area_km2: number;
  valid_from: string | null;
  valid_to: string | null;
  label_lon: number;
  label_lat: number;
};

const areaColumns = `a.id, a.level, a.code, a.name, a.area_m2 / 1e6 as area_km2,
  to_char(a.valid_from, 'YYYY-MM-DD') as valid_from, to_char(a.valid_to, 'YYYY-MM-DD') as valid_to,
  ST_X(ST_Transform(a.label_point, 4326)) as label_lon, ST_Y(ST_Transform(a.label_point, 4326)) as label_lat`;

export async function listAreas(db: Db, level: AreaLevel): Promise<AreaRow[]> {
  const result = await db.raw(
    /* areas.list */ `select ${areaColumns} from current_area a where a.level = ? order by length(a.code), a.code`,
    [level],
  );
  return result.rows;
}

export async function findArea(db: Db, level: AreaLevel, code: string): Promise<AreaRow | null> {
  const result = await db.raw(
    /* areas.find */ `select ${areaColumns} from current_area a where a.level = ? and a.code = ?`,
    [level, code],
  );
  return result.rows[0] ?? null;
}

export async function areasByIds(db: Db, ids: readonly number[]): Promise<AreaRow[]> {
  const result = await db.raw(/* areas.byIds */ `select ${areaColumns} from area a where a.id = any(?::int[])`, [[...ids]]);
  return result.rows;
}

/** Areas of higher levels whose sub-districts include all of each given area's sub-districts. */
export async function parentsOf(db: Db, ids: readonly number[]): Promise<(AreaRow & { child_id: number })[]> {
  const ranks = Object.entries(levelRank).map(([level, rank]) => ({ level, rank }));
  const result = await db.raw(
    /* areas.parents */ `
    with rank as (select * from jsonb_to_recordset(?::jsonb) as r(level text, rank int)),
    child as (
      select c.id, cr.rank from area c join rank cr on cr.level = c.level where c.id = any(?::int[])
    )
    select child.id as child_id, ${areaColumns}
      from child
      join current_area a on true
      join rank pr on pr.level = a.level and pr.rank > child.rank
     where not exists (
       select 1 from area_ubz cu
        where cu.area_id = child.id
          and not exists (select 1 from area_ubz pu where pu.area_id = a.id and pu.ubz_id = cu.ubz_id))
     order by child.id, pr.rank, a.code`,
    [JSON.stringify(ranks), [...ids]],
  );
  return result.rows;
}

export async function subDistrictsOf(db: Db, ids: readonly number[]): Promise<(AreaRow & { parent_id: number })[]> {
  const result = await db.raw(
    /* areas.subDistricts */ `
    select au.area_id as parent_id, ${areaColumns}
      from area_ubz au join area a on a.id = au.ubz_id
     where au.area_id = any(?::int[])
     order by au.area_id, a.code`,
    [[...ids]],
  );
  return result.rows;
}

export async function inferredFlags(db: Db, ids: readonly number[]): Promise<{ area_id: number; inferred: boolean }[]> {
  const result = await db.raw(
    /* areas.inferred */ `
    select au.area_id, bool_or(au.inferred) as inferred
      from area_ubz au where au.area_id = any(?::int[]) group by au.area_id`,
    [[...ids]],
  );
  return result.rows;
}

export type GeometryRequest = { id: number; precision: number; simplify: number };

/** Outlines as GeoJSON objects, for many areas with the same precision and tolerance at once. */
export async function geometries(db: Db, ids: readonly number[], precision: number, simplify: number) {
  const result = await db.raw(
    /* areas.geometries */ `
    select a.id, ST_AsGeoJSON(ST_Transform(ST_SimplifyPreserveTopology(a.geom, ?), 4326), ?)::json as geometry
      from area a where a.id = any(?::int[])`,
    [simplify, precision, [...ids]],
  );
  return result.rows as { id: number; geometry: unknown }[];
}

export async function areasFeatureCollection(db: Db, level: AreaLevel, precision: number, simplify: number) {
  const result = await db.raw(
    /* areas.featureCollection */ `
    select json_build_object(
      'type', 'FeatureCollection',
      'features', coalesce(json_agg(json_build_object(
        'type', 'Feature',
        'id', a.code,
        'geometry', ST_AsGeoJSON(ST_Transform(ST_SimplifyPreserveTopology(a.geom, ?), 4326), ?)::json,
        'properties', json_build_object('level', a.level, 'code', a.code, 'name', a.name,
                                        'areaKm2', round((a.area_m2 / 1e6)::numeric, 3))
      ) order by length(a.code), a.code), '[]'::json)) as fc
      from current_area a where a.level = ?`,
    [simplify, precision, level],
  );
  return result.rows[0].fc;
}

export async function facilityCounts(db: Db, ids: readonly number[]) {
  const result = await db.raw(
    /* areas.facilityCounts */ `
    select au.area_id, f.category, count(*)::int as count
      from area_ubz au
      join facility f on f.ubz_id = au.ubz_id
      join facility_category c on c.key = f.category
     where au.area_id = any(?::int[])
     group by au.area_id, f.category, c.sort_order
     order by au.area_id, c.sort_order`,
    [[...ids]],
  );
  return result.rows as { area_id: number; category: string; count: number }[];
}

export type IndicatorValueRow = {
  area_id: number;
  indicator_key: string;
  year: number;
  value: number;
  min: number;
  max: number;
  n: number;
  source_file: string;
};

/** Published values for a UBZ; for larger areas the unweighted mean of their UBZ values. */
export async function indicatorValues(db: Db, ids: readonly number[]): Promise<IndicatorValueRow[]> {
  const result = await db.raw(
    /* areas.indicatorValues */ `
    select au.area_id, v.indicator_key, v.year, avg(v.value) as value, min(v.value) as min, max(v.value) as max,
           count(*)::int as n, min(v.source_file) as source_file
      from area_ubz au join indicator_value v on v.area_id = au.ubz_id
     where au.area_id = any(?::int[])
     group by au.area_id, v.indicator_key, v.year
     order by v.indicator_key, v.year`,
    [[...ids]],
  );
  return result.rows;
}

export type IndicatorRow = { key: string; label_de: string; label_en: string; unit: string; description: string; source: string };

export async function listIndicators(db: Db): Promise<IndicatorRow[]> {
  const result = await db.raw(/* areas.indicators */ 'select * from indicator order by key');
  return result.rows;
}
