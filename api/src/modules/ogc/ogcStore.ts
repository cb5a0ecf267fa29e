// All SQL of the OGC API: one page of a collection's features as GeoJSON built in SQL, in CRS84
// (longitude, latitude) or the storage CRS, with the total that matches.
import { comparability } from '../../../../geodata/indicators.ts';
import type { Db } from '../../../../db/connect.ts';
import { LON_LAT_SRID, STORAGE_SRID, toStorage } from '../../../../db/geometrySql.ts';
import type { PropertyType } from './cql2.ts';
import { CITY } from '../../../../domain/city.ts';

/** The CRS a client may ask for: longitude/latitude or the storage CRS. */
export type Srid = typeof LON_LAT_SRID | typeof STORAGE_SRID;

/** A property of a collection's features: the SQL that gives it, its type and what it means. */
export type Column = { sql: string; type: PropertyType; description: string; /** The SQL a filter compares (when not the shown value). */ filterSql?: string };

export type ItemQuery = {
  limit: number;
  offset: number;
  /** West, south, east, north in the bbox's CRS. */
  bbox: [number, number, number, number] | null;
  bboxSrid: Srid;
  srid: Srid;
  /** Conditions over the columns' SQL (property equality, CQL2), each with its bindings. */
  where: { sql: string; bindings: unknown[] }[];
  /** A single feature by id. */
  id?: string;
};

export type ItemPage = { total: number; features: { id: string; properties: Record<string, unknown>; geometry: unknown }[] };

/** Decimals of coordinates: degrees to about 0.1 m, metres to the centimetre. */
const PRECISION: Record<Srid, number> = { [LON_LAT_SRID]: 6, [STORAGE_SRID]: 2 };

function bboxClause(q: ItemQuery, column: string, bindings: unknown[]): string {
  if (!q.bbox) return '';
  bindings.push(...q.bbox, q.bboxSrid);
  return ` and ST_Intersects(${column}, ${toStorage('ST_MakeEnvelope(?, ?, ?, ?, ?::int)')})`;
}

function filterClause(q: ItemQuery, bindings: unknown[]): string {
  let sql = '';
  for (const condition of q.where) {
    sql += ` and (${condition.sql})`;
    bindings.push(...condition.bindings);
  }
  return sql;
}

async function page(
  db: Db,
  from: { sql: string; bindings: unknown[] },
  idColumn: string,
  geom: string,
  columns: Record<string, Column>,
  q: ItemQuery,
  order: string,
): Promise<ItemPage> {
  const bindings: unknown[] = [...from.bindings];
  let where = 'where true';
  if (q.id !== undefined) {
    where += ` and (${idColumn})::text = ?`;
    bindings.push(q.id);
  }
  where += bboxClause(q, geom, bindings) + filterClause(q, bindings);
  const properties = Object.entries(columns)
    .map(([name, column]) => `'${name}', ${column.sql}`)
    .join(', ');
  const result = await db.raw(
    /* ogc.items */ `
    with matched as (select * from ${from.sql} ${where})
    select (select count(*)::int from matched) as total,
           coalesce(json_agg(json_build_object('id', x.id, 'properties', x.properties, 'geometry', x.geometry) order by x.ord), '[]'::json) as features
      from (
        select (${idColumn})::text as id, json_build_object(${properties}) as properties,
               ST_AsGeoJSON(ST_Transform(${geom}, ?::int), ?)::json as geometry, row_number() over (order by ${order}) as ord
          from matched
         order by ${order}
         limit ? offset ?
      ) x`,
    [...bindings, q.srid, PRECISION[q.srid], q.limit, q.offset] as never,
  );
  return result.rows[0];
}

const text = (sql: string, description: string): Column => ({ sql, type: 'string', description });
const num = (sql: string, description: string, type: 'number' | 'integer' = 'number'): Column => ({ sql, type, description });
const bool = (sql: string, description: string): Column => ({ sql, type: 'boolean', description });

/** Areas of one level with their parents and indicator values (2018, 2024). */
export const areaColumns = (indicatorKeys: string[]): Record<string, Column> => ({
  code: text('code', 'Official code of the area'),
  name: text('name', 'Name of the area'),
  level: text('level', 'Level: ubz, statistical_district, sozialraum, stadtbezirk, aktionsraum or city'),
  area_km2: num('round((area_m2 / 1e6)::numeric, 3)', 'Area in square kilometres'),
  stadtbezirk: text('parent_stadtbezirk', 'Code of the Stadtbezirk the area lies in (sub-districts and statistical districts)'),
  statistischer_bezirk: text('parent_statistical_district', 'Code of the statistical district (sub-districts)'),
  sozialraum: text('parent_sozialraum', 'Code of the Sozialraum (sub-districts)'),
  aktionsraum: text('parent_aktionsraum', 'Code of the Aktionsraum, if the sub-district belongs to one'),
  school_pupils: num('school_pupils', "Pupils enrolled in the area's schools (children's provision; IT.NRW 2024/25, rounded to 5 per school; where they go to school, not where they live)", 'integer'),
  school_pupils_index_7_9: num('school_pupils_high', 'Of them, pupils in schools with a social index of 7 to 9', 'integer'),
  startchancen_schools: num('startchancen_schools', 'Schools of the area in the Startchancen programme', 'integer'),
  ...Object.fromEntries(
    indicatorKeys.flatMap((key) =>
      [2018, 2024].map((year) => [
        `${key}_${year}`,
        num(
          `(indicators ->> '${key}|${year}')::float8`,
          `${key} in ${year} (${CITY.officialName.de}; larger areas: unweighted mean of their sub-districts, an estimate)${comparability(key).comparable ? '' : `. Not comparable with the other year: ${comparability(key).why!.en}`}`,
        ),
      ]),
    ),
  ),
});

export function areaItems(db: Db, level: string, indicatorKeys: string[], q: ItemQuery) {
  // Set-based: the parents and indicator means of every area of the level in one pass each (the
  // parents named once each; a sub-district's own, a statistical district's Stadtbezirk).
  const from = `(
    with lvl as (select a.id, a.code, a.name, a.level, a.area_m2, a.geom from current_area a where a.level = ?),
    parents as (
      select au.area_id,
             string_agg(distinct p.code, ',' order by p.code) filter (where p.level = 'stadtbezirk') as parent_stadtbezirk,
             string_agg(distinct p.code, ',' order by p.code) filter (where p.level = 'statistical_district' and l.level = 'ubz') as parent_statistical_district,
             string_agg(distinct p.code, ',' order by p.code) filter (where p.level = 'sozialraum' and l.level = 'ubz') as parent_sozialraum,
             string_agg(distinct p.code, ',' order by p.code) filter (where p.level = 'aktionsraum' and l.level = 'ubz') as parent_aktionsraum
        from lvl l
        join area_ubz au on au.area_id = l.id
        join area_ubz pu on pu.ubz_id = au.ubz_id
        join current_area p on p.id = pu.area_id
       where l.level in ('ubz', 'statistical_district')
       group by au.area_id
    ),
    indicator_means as (
      select m.area_id, jsonb_object_agg(m.indicator_key || '|' || m.year, round(m.value::numeric, 2)) as indicators
        from (select au.area_id, v.indicator_key, v.year, avg(v.value) as value
                from lvl l join area_ubz au on au.area_id = l.id join indicator_value v on v.area_id = au.ubz_id
               where v.indicator_key = any(?::text[])
               group by au.area_id, v.indicator_key, v.year) m
       group by m.area_id
    ),
    schools as (
      select au.area_id, sum(s.pupils)::int as school_pupils, coalesce(sum(s.pupils) filter (where s.social_index >= 7), 0)::int as school_pupils_high,
             count(*) filter (where s.startchancen)::int as startchancen_schools
        from lvl l join area_ubz au on au.area_id = l.id join school s on s.ubz_id = au.ubz_id and s.category is not null
       group by au.area_id
    )
    select l.*, p.parent_stadtbezirk, p.parent_statistical_district, p.parent_sozialraum, p.parent_aktionsraum, i.indicators,
           s.school_pupils, coalesce(s.school_pupils_high, 0) as school_pupils_high, coalesce(s.startchancen_schools, 0) as startchancen_schools
      from lvl l left join parents p on p.area_id = l.id left join indicator_means i on i.area_id = l.id left join schools s on s.area_id = l.id
  ) as area_row`;
  return page(db, { sql: from, bindings: [level, indicatorKeys] }, 'code', 'geom', areaColumns(indicatorKeys), q, 'code');
}

export const facilityColumns: Record<string, Column> = {
  key: text('key', 'Stable key of the facility in the atlas'),
  name: text('name', 'Name'),
  category: text('category', 'Category key (kita, grundschule, jugendfreizeitstaette, spielplatz, ...)'),
  category_label: text('category_label', 'Category in German'),
  field_of_action: text('field_of_action', 'Field of action of the Aktionsplan the category serves'),
  subtype: text('subtype', 'Kind within the category, as the source names it'),
  operator: text('operator', 'Operator (Träger), where known'),
  capacity: num('capacity', 'Places, where known', 'integer'),
  street: text('street', 'Street'),
  house_number: text('house_number', 'House number'),
  city: text('city', 'Postcode and city'),
  unterbezirk: text('ubz_code', 'Code of the statistical sub-district the facility lies in'),
  phone: text('phone', 'Phone'),
  email: text('email', 'E-mail'),
  website: text('website', 'Website'),
  opening_hours: text('opening_hours', 'Opening hours'),
  offers: text("array_to_string(offers, ',')", 'Offer keys, comma-separated'),
  languages: text("array_to_string(languages, ',')", 'Languages spoken (ISO 639-1), comma-separated'),
  origin: text('origin', 'Where the record comes from: import (the city\'s open data), manual or supplement'),
  schulnummer: text('school_numbers', "Schulnummer of the school of the state's directory matched to this point (two, comma-separated, where schools share a building); null for other facilities"),
  pupils: num('school_pupils', 'Pupils enrolled in it (IT.NRW 2024/25, rounded to 5 per school; not capacity); null for other facilities', 'integer'),
  social_index: num('school_social_index', 'Schulsozialindex 1 (least) to 9 (most burdened school environment; the highest where schools share a building); null without one', 'integer'),
  startchancen: bool('school_startchancen', 'In the Startchancen programme (2024/25); null for facilities that are not schools of the state\'s directory'),
  source_dataset: text('source_dataset', 'Source dataset'),
  licence: text('licence', 'Licence of the source'),
  attribution: text('attribution', 'Attribution the licence asks for'),
  imported_at: {
    sql: `to_char(imported_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`,
    filterSql: 'imported_at',
    type: 'date-time',
    description: 'When the record was last read from its source',
  },
};

export function facilityItems(db: Db, q: ItemQuery) {
  const from = `(
    select f.*, c.label_de as category_label, c.field_of_action, c.sort_order, u.code as ubz_code, s.*
      from facility f join facility_category c on c.key = f.category left join area u on u.id = f.ubz_id
      left join lateral (
        select string_agg(s.schulnummer, ',' order by s.schulnummer) as school_numbers, sum(s.pupils)::int as school_pupils,
               max(s.social_index)::int as school_social_index, bool_or(s.startchancen) as school_startchancen
          from school s where s.facility_key = f.key
      ) s on true
  ) as facility_row`;
  return page(db, { sql: from, bindings: [] }, 'key', 'geom', facilityColumns, q, 'sort_order, name, key');
}

/** The state's schools (geodata/schools/): at the official position, else at the city's point matched to them. */
export const schoolColumns: Record<string, Column> = {
  schulnummer: text('schulnummer', "The state's six-digit school number"),
  name: text('name', 'Official name'),
  schulform: text('schulform', 'School form as the state writes it'),
  school_year: text('school_year', 'School year of the directory'),
  pupils: num('pupils', 'Pupils enrolled (IT.NRW, rounded to 5; not capacity)', 'integer'),
  social_index: num('social_index', 'Schulsozialindex 1 (least) to 9 (most burdened school environment); null for forms without one', 'integer'),
  startchancen: bool('startchancen', 'In the Startchancen programme (2024/25)'),
  childrens_provision: bool('category is not null', "Children's provision (false: Berufskolleg, Weiterbildungskolleg, kept out of the children's coverage)"),
  category: text('category', 'Atlas category of the school form; null when not children\'s provision'),
  unterbezirk: text('ubz_code', 'Code of the statistical sub-district the school lies in'),
  facility_key: text('facility_key', "Key of the city's school point matched to the school; null when only the state lists it"),
  match: text('match', 'How the city point was found: address_and_name, position_and_name, name, position, shared_site'),
  position: text("case when geom is null then 'city point' else 'official' end", "official: the ministry's register (2021); city point: the matched city point (the register lacks the school)"),
};

export function schoolItems(db: Db, q: ItemQuery) {
  const from = `(
    select s.*, coalesce(s.geom, f.geom) as point, u.code as ubz_code
      from school s left join facility f on f.key = s.facility_key left join area u on u.id = s.ubz_id
     where coalesce(s.geom, f.geom) is not null
  ) as school_row`;
  return page(db, { sql: from, bindings: [] }, 'schulnummer', 'point', schoolColumns, q, 'name, schulnummer');
}

export const coverageColumns: Record<string, Column> = {
  code: text('code', 'Official code of the area'),
  name: text('name', 'Name of the area'),
  children: num('children', 'Children of the age band (estimate; null under 5)', 'integer'),
  children_within: num('children_within', 'Children within the threshold of a facility (estimate; null under 5)', 'integer'),
  children_beyond: num('children_beyond', 'Children beyond the threshold (estimate; null under 5)', 'integer'),
  share_within: num('share_within', 'Share of the children within the threshold, 0 to 1'),
  median_distance_m: num('median_m', 'Population-weighted median distance to the nearest facility, metres: on the walking network where one was imported (see share_on_network), else the straight line'),
  supply_per_1000: num('supply_per_1000', '2SFCA supply per 1,000 children (facilities, or places where every facility has them)'),
  share_on_network: num('share_on_network', 'Share of the children whose distance was measured on the walking network, 0 to 1 (0 without one: straight line)'),
};

/** Areas of a level with coverage figures given per area id (computed by the coverage module). */
export function coverageItems(db: Db, level: string, rows: Record<string, unknown>[], q: ItemQuery) {
  const from = `(
    select a.code, a.name, a.geom, r.children, r.children_within, r.children_beyond, r.share_within, r.median_m, r.supply_per_1000, r.share_on_network
      from current_area a
      join jsonb_to_recordset(?::jsonb) as r(area_id int, children int, children_within int, children_beyond int, share_within float8, median_m float8, supply_per_1000 float8, share_on_network float8)
        on r.area_id = a.id
     where a.level = ?
  ) as coverage_row`;
  return page(db, { sql: from, bindings: [JSON.stringify(rows), level] }, 'code', 'geom', coverageColumns, q, 'code');
}

/** The extent of a collection's geometries in CRS84. */
export async function extentOf(db: Db, table: 'area' | 'facility'): Promise<[number, number, number, number] | null> {
  const result = await db.raw(
    table === 'area'
      ? /* ogc.extent */ "select ST_Extent(ST_Transform(geom, 4326)) as box from current_area where level = 'city'"
      : /* ogc.extent */ 'select ST_Extent(ST_Transform(geom, 4326)) as box from facility',
  );
  const box = /BOX\(([-\d.]+) ([-\d.]+),([-\d.]+) ([-\d.]+)\)/.exec(result.rows[0]?.box ?? '');
  return box ? [Number(box[1]), Number(box[2]), Number(box[3]), Number(box[4])] : null;
}
