// The import's SQL for categories and facilities. Rows go in as one JSON parameter each
// (jsonb_to_recordset), so that a file is one statement, on both databases.
import type { Db } from '../../db/connect.ts';
import type { Category } from '../../domain/taxonomy.ts';
import type { FacilityRecord } from './facilityRecords.ts';

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
