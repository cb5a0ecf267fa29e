// All SQL of the import. Every function takes the open transaction; rows go in as one JSON
// parameter each (jsonb_to_recordset) so that a file is one statement, on both databases.
import type { Db } from '../../db/connect.ts';
import type { Category } from '../../domain/taxonomy.ts';
import type { IndicatorDefinition } from '../indicators.ts';
import type { FacilityRecord } from './facilityRecords.ts';
import { refreshReach } from './refreshReach.ts';

const json = (value: unknown) => JSON.stringify(value);

export async function upsertCategories(db: Db, categories: Category[]) {
  const rows = categories.map((c, i) => ({ ...c, sortOrder: i }));
  await db.raw(
    /* import.upsertCategories */ `
    insert into facility_category (key, label_de, label_en, field_of_action, age_min, age_max, description, sort_order)
    select r."key", r."labelDe", r."labelEn", r."fieldOfAction", r."ageMin", r."ageMax", r.description, r."sortOrder"
      from jsonb_to_recordset(?::jsonb) as r("key" text, "labelDe" text, "labelEn" text, "fieldOfAction" text,
           "ageMin" int, "ageMax" int, description text, "sortOrder" int)
    on conflict (key) do update set label_de = excluded.label_de, label_en = excluded.label_en,
      field_of_action = excluded.field_of_action, age_min = excluded.age_min, age_max = excluded.age_max,
      description = excluded.description, sort_order = excluded.sort_order`,
    [json(rows)],
  );
}

export async function upsertIndicatorDefinitions(db: Db, definitions: IndicatorDefinition[], source: string) {
  await db.raw(
    /* import.upsertIndicatorDefinitions */ `
    insert into indicator (key, label_de, label_en, unit, description, source)
    select r."key", r."labelDe", r."labelEn", r.unit, r.description, ?
      from jsonb_to_recordset(?::jsonb) as r("key" text, "labelDe" text, "labelEn" text, unit text, description text)
    on conflict (key) do update set label_de = excluded.label_de, label_en = excluded.label_en,
      unit = excluded.unit, description = excluded.description, source = excluded.source`,
    [source, json(definitions)],
  );
}

export type UbzInput = { code: string; name: string; geometry: unknown };

/** Sub-district polygons from the city's file, repaired (ST_MakeValid) and stored in EPSG:25832. */
export async function upsertUbz(db: Db, ubz: UbzInput[], source: string): Promise<number> {
  const upserted = await db.raw(
    /* import.upsertUbz */ `
    with input as (
      select r.code, r.name,
             va_drop_slivers(ST_CollectionExtract(ST_MakeValid(
               ST_Transform(ST_SetSRID(ST_GeomFromGeoJSON(r.geometry::text), 4326), 25832)), 3)) as geom
        from jsonb_to_recordset(?::jsonb) as r(code text, name text, geometry jsonb)
    )
    insert into area (level, code, name, geom, label_point, area_m2, source)
    select 'ubz', code, name, geom, ST_PointOnSurface(geom), ST_Area(ST_Transform(geom, 4326)::geography), ?
      from input
    on conflict (level, code, valid_from) do update set name = excluded.name, geom = excluded.geom,
      label_point = excluded.label_point, area_m2 = excluded.area_m2, source = excluded.source
      where not ST_Equals(area.geom, excluded.geom) or area.name <> excluded.name or area.source <> excluded.source`,
    [json(ubz), source],
  );
  const deleted = await db.raw(
    /* import.deleteStaleUbz */ `delete from area where level = 'ubz' and not (code = any(?::text[]))`,
    [ubz.map((u) => u.code)],
  );
  return (upserted.rowCount ?? 0) + (deleted.rowCount ?? 0);
}

export type DerivedArea = {
  code: string;
  name: string;
  ubzCodes: string[];
  validFrom: string | null;
  validTo: string | null;
};

/**
 * Areas of one level as unions of their sub-districts; areas no longer in the input are removed.
 * The union runs on a 1 mm grid: the floating-point overlay fails on these rings, and PGlite then
 * returns no row instead of an error. The count check below turns any such loss into an error.
 */
export async function replaceDerivedAreas(db: Db, level: string, areas: DerivedArea[], source: string) {
  await db.raw(
    /* import.upsertDerivedAreas */ `
    with input as (
      select r.code, r.name, r."validFrom"::date as valid_from, r."validTo"::date as valid_to, u.code as ubz
        from jsonb_to_recordset(?::jsonb) as r(code text, name text, "validFrom" text, "validTo" text, "ubzCodes" text[])
        cross join unnest(r."ubzCodes") as u(code)
    ), unioned as (
      select i.code, i.name, i.valid_from, i.valid_to,
             va_drop_slivers(ST_CollectionExtract(ST_Union(a.geom, 0.001), 3)) as geom
        from input i join area a on a.level = 'ubz' and a.code = i.ubz
       group by i.code, i.name, i.valid_from, i.valid_to
    )
    insert into area (level, code, name, valid_from, valid_to, geom, label_point, area_m2, source)
    select ?, code, name, valid_from, valid_to, geom, ST_PointOnSurface(geom), ST_Area(ST_Transform(geom, 4326)::geography), ? from unioned
    on conflict (level, code, valid_from) do update set name = excluded.name, valid_to = excluded.valid_to,
      geom = excluded.geom, label_point = excluded.label_point, area_m2 = excluded.area_m2, source = excluded.source
      where not ST_Equals(area.geom, excluded.geom) or area.name <> excluded.name
         or area.valid_to is distinct from excluded.valid_to or area.source <> excluded.source`,
    [json(areas), level, source],
  );
  await db.raw(
    /* import.deleteStaleDerivedAreas */ `
    delete from area where level = ?
       and not ((code, coalesce(valid_from, 'infinity'::date)) in
         (select r.code, coalesce(r."validFrom"::date, 'infinity'::date)
            from jsonb_to_recordset(?::jsonb) as r(code text, "validFrom" text)))`,
    [level, json(areas)],
  );
  const stored = await db.raw(/* import.countLevel */ 'select count(*)::int as n from area where level = ?', [level]);
  if (stored.rows[0].n !== areas.length) {
    throw new Error(`Building the ${level} polygons gave ${stored.rows[0].n} areas, expected ${areas.length}`);
  }
}

export type MembershipInput = { ubz: string; level: string; code: string; validFrom: string | null; inferred: boolean; basis: string };

export async function replaceMemberships(db: Db, memberships: MembershipInput[]) {
  await db.raw(/* import.clearMemberships */ 'delete from area_membership');
  await db.raw(
    /* import.insertMemberships */ `
    insert into area_membership (ubz_id, area_id, inferred, basis)
    select u.id, a.id, r.inferred, r.basis
      from jsonb_to_recordset(?::jsonb) as r(ubz text, level text, code text, "validFrom" text, inferred boolean, basis text)
      join area u on u.level = 'ubz' and u.code = r.ubz
      join area a on a.level = r.level and a.code = r.code and a.valid_from is not distinct from r."validFrom"::date`,
    [json(memberships)],
  );
}

export type IndicatorValueInput = { ubz: string; key: string; value: number };

export async function replaceIndicatorValues(db: Db, year: number, values: IndicatorValueInput[], sourceFile: string) {
  await db.raw(/* import.clearIndicatorYear */ 'delete from indicator_value where year = ?', [year]);
  await db.raw(
    /* import.insertIndicatorValues */ `
    insert into indicator_value (area_id, indicator_key, year, value, source_file)
    select a.id, r."key", ?, r.value, ?
      from jsonb_to_recordset(?::jsonb) as r(ubz text, "key" text, value double precision)
      join area a on a.level = 'ubz' and a.code = r.ubz`,
    [year, sourceFile, json(values)],
  );
}

/** Facilities whose point lies in no sub-district: outside the city. */
export async function findFacilitiesOutsideCity(db: Db, records: FacilityRecord[]): Promise<string[]> {
  const result = await db.raw(
    /* import.facilitiesOutsideCity */ `
    select r."key"
      from jsonb_to_recordset(?::jsonb) as r("key" text, lon float8, lat float8)
     where not exists (
       select 1 from area a
        where a.level = 'ubz'
          and ST_Intersects(a.geom, ST_Transform(ST_SetSRID(ST_MakePoint(r.lon, r.lat), 4326), 25832)))`,
    [json(records.map(({ key, lon, lat }) => ({ key, lon, lat })))],
  );
  return result.rows.map((r: { key: string }) => r.key);
}

/** Inserts or updates facilities by their stable key; a row that did not change is not touched. */
export async function upsertFacilities(db: Db, records: FacilityRecord[]): Promise<number> {
  const result = await db.raw(
    /* import.upsertFacilities */ `
    with input as (
      select r.*, ST_Transform(ST_SetSRID(ST_MakePoint(r.lon, r.lat), 4326), 25832) as geom
        from jsonb_to_recordset(?::jsonb) as r("key" text, name text, category text, subtype text, operator text,
             street text, house_number text, city text, lon float8, lat float8, city_codes jsonb,
             source_dataset text, source_file text, source_sha256 text, source_id text, licence text,
             attribution text, properties jsonb)
    )
    insert into facility (key, name, category, subtype, operator, street, house_number, city, ubz_id, city_codes,
                          geom, source_dataset, source_file, source_sha256, source_id, licence, attribution, properties)
    select i."key", i.name, i.category, i.subtype, i.operator, i.street, i.house_number, i.city,
           (select a.id from area a where a.level = 'ubz' and ST_Intersects(a.geom, i.geom) order by a.code limit 1),
           i.city_codes, i.geom, i.source_dataset, i.source_file, i.source_sha256, i.source_id, i.licence,
           i.attribution, i.properties
      from input i
    on conflict (key) do update set name = excluded.name, category = excluded.category, subtype = excluded.subtype,
      operator = excluded.operator, street = excluded.street, house_number = excluded.house_number,
      city = excluded.city, ubz_id = excluded.ubz_id, city_codes = excluded.city_codes, geom = excluded.geom,
      source_dataset = excluded.source_dataset, source_file = excluded.source_file,
      source_sha256 = excluded.source_sha256, source_id = excluded.source_id, licence = excluded.licence,
      attribution = excluded.attribution, properties = excluded.properties, imported_at = now()
      where (facility.name, facility.category, facility.subtype, facility.operator, facility.street,
             facility.house_number, facility.city, facility.ubz_id, facility.city_codes, facility.source_sha256,
             facility.licence, facility.attribution, facility.properties)
            is distinct from
            (excluded.name, excluded.category, excluded.subtype, excluded.operator, excluded.street,
             excluded.house_number, excluded.city, excluded.ubz_id, excluded.city_codes, excluded.source_sha256,
             excluded.licence, excluded.attribution, excluded.properties)
         or not ST_Equals(facility.geom, excluded.geom)`,
    [json(records)],
  );
  return result.rowCount ?? 0;
}

export async function deleteFacilitiesNotIn(db: Db, keys: string[]): Promise<number> {
  const result = await db.raw(
    /* import.deleteStaleFacilities */ 'delete from facility where not (key = any(?::text[]))',
    [keys],
  );
  return result.rowCount ?? 0;
}

/** Points whose Aktionsraum code (written by the city) disagrees with the Aktionsraum polygons. */
export async function findAktionsraumMismatches(db: Db): Promise<{ key: string; name: string; code: string }[]> {
  const result = await db.raw(
    /* import.aktionsraumMismatches */ `
    select f.key, f.name, f.city_codes->>'aktionsraum' as code
      from facility f
     where f.city_codes->>'aktionsraum' is not null
       and not exists (
         select 1 from area a
          where a.level = 'aktionsraum' and a.code = f.city_codes->>'aktionsraum'
            and ST_Intersects(a.geom, f.geom))`,
  );
  return result.rows;
}

export async function recordImportRun(db: Db, startedAt: Date, sources: unknown, report: unknown) {
  await db.raw(
    /* import.recordRun */ `insert into import_run (started_at, finished_at, sources, report) values (?, now(), ?::jsonb, ?::jsonb)`,
    [startedAt.toISOString(), json(sources), json(report)],
  );
}

export type PopulationInputRow = {
  code: string;
  district_code: string;
  borough_name: string;
  area_ha: number;
  density: number | null;
  share_0_5: number | null;
  share_6_17: number | null;
  census_persons: number | null;
};

/** What the population estimate needs per UBZ: its district, borough, size, census persons and 2024 (else 2018) indicators. */
export async function populationInputs(db: Db): Promise<PopulationInputRow[]> {
  const result = await db.raw(
    /* import.populationInputs */ `
    with indicator as (
      select distinct on (v.area_id, v.indicator_key) v.area_id, v.indicator_key, v.value
        from indicator_value v
       where v.indicator_key in ('population_density_ha_abs', 'share_0_6_pct', 'share_6_18_pct')
       order by v.area_id, v.indicator_key, v.year desc
    )
    select u.code, d.code as district_code, b.name as borough_name, u.area_m2 / 1e4 as area_ha,
           max(i.value) filter (where i.indicator_key = 'population_density_ha_abs') as density,
           max(i.value) filter (where i.indicator_key = 'share_0_6_pct') as share_0_5,
           max(i.value) filter (where i.indicator_key = 'share_6_18_pct') as share_6_17,
           (select d.census_count from ubz_distribution d where d.ubz_id = u.id and d.source is not null) as census_persons
      from area u
      join area_membership md on md.ubz_id = u.id
      join area d on d.id = md.area_id and d.level = 'statistical_district'
      join area_membership mb on mb.ubz_id = u.id
      join area b on b.id = mb.area_id and b.level = 'stadtbezirk'
      left join indicator i on i.area_id = u.id
     where u.level = 'ubz'
     group by u.id, u.code, d.code, b.name, u.area_m2
     order by u.code`,
  );
  return result.rows;
}

export type PopulationEstimateRow = { code: string; age_band: string; count: number; ref_date: string; method: string; inputs: unknown };

export async function replacePopulationEstimates(db: Db, rows: PopulationEstimateRow[]) {
  await db.raw(/* import.clearPopulationEstimates */ 'delete from population_estimate');
  await db.raw(
    /* import.insertPopulationEstimates */ `
    insert into population_estimate (ubz_id, age_band, count, ref_date, method, inputs)
    select u.id, r.age_band, r.count, r.ref_date::date, r.method, r.inputs
      from jsonb_to_recordset(?::jsonb) as r(code text, age_band text, count float8, ref_date text, method text, inputs jsonb)
      join area u on u.level = 'ubz' and u.code = r.code`,
    [json(rows)],
  );
}

/** Rebuilds the grid and the nearest-facility table (the coverage precomputation). */
export async function refreshGridAndReach(db: Db, cellSize: number, categories: string[]) {
  const grid = await db.raw(/* import.refreshGrid */ 'select va_refresh_grid(?) as cells', [cellSize]);
  return { cells: grid.rows[0].cells as number, reachRows: await refreshReach(db, categories) };
}

/** Cached coverage depends on areas, population and facilities: every import empties it. */
export async function clearCoverageCache(db: Db) {
  await db.raw(/* import.clearCoverageCache */ 'delete from coverage_cache');
}

export async function gridIsEmpty(db: Db): Promise<boolean> {
  const result = await db.raw(/* import.gridIsEmpty */ 'select not exists (select 1 from grid_cell) as empty');
  return result.rows[0].empty;
}
