// The import's SQL for categories and facilities. Rows go in as one JSON parameter each
// (jsonb_to_recordset), so that a file is one statement, on both databases.
import type { Db } from '../../db/connect.ts';
import { type Category, pupilSizedCategories } from '../../domain/taxonomy.ts';
import type { FacilityRecord } from './facilityRecords.ts';
import { storagePoint } from '../../db/geometrySql.ts';

const json = (value: unknown) => JSON.stringify(value);

export async function upsertCategories(db: Db, categories: Category[]) {
  const rows = categories.map((c, i) => ({ ...c, sortOrder: i, sizedBy: pupilSizedCategories.includes(c.key) ? 'pupils' : 'places' }));
  await db.raw(
    /* import.upsertCategories */ `
    insert into facility_category (key, label_de, label_en, field_of_action, age_min, age_max, description, sort_order, sized_by)
    select r."key", r."labelDe", r."labelEn", r."fieldOfAction", r."ageMin", r."ageMax", r.description, r."sortOrder", r."sizedBy"
      from jsonb_to_recordset(?::jsonb) as r("key" text, "labelDe" text, "labelEn" text, "fieldOfAction" text,
           "ageMin" int, "ageMax" int, description text, "sortOrder" int, "sizedBy" text)
    on conflict (key) do update set label_de = excluded.label_de, label_en = excluded.label_en,
      field_of_action = excluded.field_of_action, age_min = excluded.age_min, age_max = excluded.age_max,
      description = excluded.description, sort_order = excluded.sort_order, sized_by = excluded.sized_by`,
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
          and ST_Intersects(a.geom, ${storagePoint('r.lon', 'r.lat')}))`,
    [json(records.map(({ key, lon, lat }) => ({ key, lon, lat })))],
  );
  return result.rows.map((r: { key: string }) => r.key);
}

/**
 * The source's values of a facility as the import compares them: a manual edit is told from a
 * changed source by these (facility_record.source_values).
 */
const SOURCE_VALUES = (r: string) => `jsonb_build_object('name', ${r}.name, 'category', ${r}.category, 'subtype', ${r}.subtype,
  'operator', ${r}.operator, 'street', ${r}.street, 'houseNumber', ${r}.house_number, 'city', ${r}.city,
  'lon', round(${r}.lon::numeric, 7), 'lat', round(${r}.lat::numeric, 7))`;

/** The same values of a record as it is now (after a manual edit, say). */
const CURRENT_VALUES = `jsonb_build_object('name', f.name, 'category', f.category, 'subtype', f.subtype,
  'operator', f.operator, 'street', f.street, 'houseNumber', f.house_number, 'city', f.city,
  'lon', round(ST_X(ST_Transform(f.geom, 4326))::numeric, 7), 'lat', round(ST_Y(ST_Transform(f.geom, 4326))::numeric, 7),
  'retired', f.retired_on is not null)`;

/**
 * Inserts or updates the city's facilities by their stable key; a row that did not change is not
 * touched. A record an editor changed (edited_at) is never overwritten: when the source brings
 * new values for it, the difference is listed in facility_conflict for a reviewer. Records the
 * import retired earlier come back when the source has them again.
 */
export async function upsertFacilities(db: Db, records: FacilityRecord[]): Promise<{ changed: number; conflicts: number }> {
  const input = `
    input as (
      select r.*, ${storagePoint('r.lon', 'r.lat')} as geom, ${SOURCE_VALUES('r')} as source_values
        from jsonb_to_recordset(?::jsonb) as r("key" text, name text, category text, subtype text, operator text,
             street text, house_number text, city text, lon float8, lat float8, city_codes jsonb,
             source_dataset text, source_file text, source_sha256 text, source_id text, licence text,
             attribution text, properties jsonb)
    )`;
  const conflicts = await db.raw(
    /* import.facilityConflicts */ `
    with ${input}
    insert into facility_conflict (facility_key, source_file, incoming, current)
    select i."key", i.source_file, i.source_values, ${CURRENT_VALUES}
      from input i join facility_record f on f.key = i."key"
     where f.edited_at is not null and f.source_values is distinct from i.source_values
    on conflict (facility_key) where status = 'open'
    do update set incoming = excluded.incoming, current = excluded.current, source_file = excluded.source_file, detected_at = now()
     where facility_conflict.incoming is distinct from excluded.incoming`,
    [json(records)],
  );
  const result = await db.raw(
    /* import.upsertFacilities */ `
    with ${input}
    insert into facility_record (key, name, category, subtype, operator, street, house_number, city, ubz_id, city_codes,
                          geom, source_dataset, source_file, source_sha256, source_id, licence, attribution, properties, source_values)
    select i."key", i.name, i.category, i.subtype, i.operator, i.street, i.house_number, i.city,
           (select a.id from area a where a.level = 'ubz' and ST_Intersects(a.geom, i.geom) order by a.code limit 1),
           i.city_codes, i.geom, i.source_dataset, i.source_file, i.source_sha256, i.source_id, i.licence,
           i.attribution, i.properties, i.source_values
      from input i
    on conflict (key) do update set name = excluded.name, category = excluded.category, subtype = excluded.subtype,
      operator = excluded.operator, street = excluded.street, house_number = excluded.house_number,
      city = excluded.city, ubz_id = excluded.ubz_id, city_codes = excluded.city_codes, geom = excluded.geom,
      source_dataset = excluded.source_dataset, source_file = excluded.source_file,
      source_sha256 = excluded.source_sha256, source_id = excluded.source_id, licence = excluded.licence,
      attribution = excluded.attribution, properties = excluded.properties, source_values = excluded.source_values,
      retired_on = null, retired_reason = null, retired_by = null,
      version = facility_record.version + 1, imported_at = now(), updated_at = now()
      where facility_record.origin = 'import' and facility_record.edited_at is null
        and ((facility_record.name, facility_record.category, facility_record.subtype, facility_record.operator, facility_record.street,
             facility_record.house_number, facility_record.city, facility_record.ubz_id, facility_record.city_codes, facility_record.source_sha256,
             facility_record.licence, facility_record.attribution, facility_record.properties)
            is distinct from
            (excluded.name, excluded.category, excluded.subtype, excluded.operator, excluded.street,
             excluded.house_number, excluded.city, excluded.ubz_id, excluded.city_codes, excluded.source_sha256,
             excluded.licence, excluded.attribution, excluded.properties)
         or not ST_Equals(facility_record.geom, excluded.geom)
         or facility_record.retired_by = 'import')`,
    [json(records)],
  );
  return { changed: result.rowCount ?? 0, conflicts: conflicts.rowCount ?? 0 };
}

/**
 * The city's records no longer in its files are retired (not deleted: their history stays). A
 * record an editor changed is listed as a conflict instead. Returns the number retired.
 */
export async function retireFacilitiesNotIn(db: Db, keys: string[]): Promise<{ retired: number; conflicts: number }> {
  const conflicts = await db.raw(
    /* import.vanishedEditedFacilities */ `
    insert into facility_conflict (facility_key, source_file, incoming, current)
    select f.key, f.source_file, '{"inSource": false}'::jsonb, ${CURRENT_VALUES}
      from facility_record f
     where f.origin = 'import' and f.retired_on is null and f.edited_at is not null and not (f.key = any(?::text[]))
    on conflict (facility_key) where status = 'open' do nothing`,
    [keys],
  );
  const result = await db.raw(
    /* import.retireStaleFacilities */ `
    update facility_record set retired_on = current_date, retired_by = 'import',
           retired_reason = 'not in the city''s open data any more', version = version + 1, updated_at = now()
     where origin = 'import' and retired_on is null and edited_at is null and not (key = any(?::text[]))`,
    [keys],
  );
  return { retired: result.rowCount ?? 0, conflicts: conflicts.rowCount ?? 0 };
}

/** Points whose Aktionsraum code (written by the city) disagrees with the Aktionsraum polygons. */
