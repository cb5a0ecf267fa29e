// All SQL of the facilities domain. Distances are straight lines in the storage CRS (metres); the
// nearest-first order uses the GiST index (KNN, <->).
import type { Knex } from 'knex';
import type { Db } from '../../../../db/connect.ts';
import type { AreaLevel } from '../common/enums.ts';
import type { BBox } from '../common/geometry.ts';
import { LON_LAT_SRID, storagePoint, toStorage } from '../../../../db/geometrySql.ts';

export type FacilityRow = {
  id: number;
  key: string;
  name: string;
  category: string;
  subtype: string | null;
  operator: string | null;
  capacity: number | null;
  street: string | null;
  house_number: string | null;
  city: string | null;
  ubz_id: number | null;
  lon: number;
  lat: number;
  source_dataset: string;
  source_file: string;
  source_sha256: string;
  source_id: string | null;
  licence: string;
  attribution: string;
  imported_at: string;
  sort_order: number;
  version: number;
  origin: 'import' | 'manual' | 'supplement';
  phone: string | null;
  email: string | null;
  website: string | null;
  opening_hours: string | null;
  languages: string[];
  offers: string[];
  verified_at: string | null;
  verified_by: string | null;
  retired_on: string | null;
  retired_reason: string | null;
  retired_by: string | null;
};

export type FacilityQuery = {
  categories?: string[];
  fieldsOfAction?: string[];
  area?: { level: AreaLevel; code: string };
  nearArea?: { level: AreaLevel; code: string; metres: number };
  bbox?: BBox;
  search?: string;
  offers?: string[];
  languages?: string[];
};

export const facilityColumns = `f.id, f.key, f.name, f.category, f.subtype, f.operator, f.capacity, f.street, f.house_number, f.city,
  f.ubz_id, ST_X(ST_Transform(f.geom, 4326)) as lon, ST_Y(ST_Transform(f.geom, 4326)) as lat,
  f.source_dataset, f.source_file, f.source_sha256, f.source_id, f.licence, f.attribution,
  to_char(f.imported_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as imported_at, c.sort_order,
  f.version, f.origin, f.phone, f.email, f.website, f.opening_hours, f.languages, f.offers,
  to_char(f.verified_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as verified_at, f.verified_by,
  to_char(f.retired_on, 'YYYY-MM-DD') as retired_on, f.retired_reason, f.retired_by`;

/** The sub-districts an area is made of, as a subquery. */
const ubzIdsOf = (db: Db, area: { level: AreaLevel; code: string }) =>
  db({ au: 'area_ubz' }).join({ a: 'current_area' }, 'a.id', 'au.area_id').where({ 'a.level': area.level, 'a.code': area.code }).select('au.ubz_id');

/** The filter as a query over facility f joined to its category c; every value is bound. */
function filtered(db: Db, query: FacilityQuery): Knex.QueryBuilder {
  const q = db({ f: 'facility' }).join({ c: 'facility_category' }, 'c.key', 'f.category');
  if (query.categories) q.whereIn('f.category', query.categories);
  if (query.fieldsOfAction) q.whereIn('c.field_of_action', query.fieldsOfAction);
  if (query.area) q.whereIn('f.ubz_id', ubzIdsOf(db, query.area));
  if (query.nearArea) {
    const { level, code, metres } = query.nearArea;
    // From the area to the facilities, so that the facility index finds the candidates; a
    // correlated test per facility measured the distance to the whole polygon 1,741 times.
    q.whereNotIn('f.ubz_id', ubzIdsOf(db, query.nearArea)).whereIn(
      'f.id',
      db({ a: 'current_area' }).joinRaw('join facility n on ST_DWithin(n.geom, a.geom, ?)', [metres]).where({ 'a.level': level, 'a.code': code }).select('n.id'),
    );
  }
  if (query.bbox) {
    // Transform the envelope, never the column, so that the GiST index is used; ST_Intersects
    // (not && alone) because the transformed box is slightly rotated.
    q.whereRaw(`ST_Intersects(f.geom, ${toStorage(`ST_MakeEnvelope(?, ?, ?, ?, ${LON_LAT_SRID})`)})`, query.bbox);
  }
  if (query.search) {
    const pattern = `%${query.search.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    q.where((w) => w.whereILike('f.name', pattern).orWhereILike('f.street', pattern).orWhereILike('f.operator', pattern));
  }
  if (query.offers?.length) q.whereRaw('f.offers @> ?::text[]', [query.offers]);
  if (query.languages?.length) q.whereRaw('f.languages && ?::text[]', [query.languages]);
  return q;
}

export async function countFacilities(db: Db, query: FacilityQuery): Promise<number> {
  const [row] = await filtered(db, query).comment('facilities.count').count<{ count: number }[]>({ count: '*' });
  return Number(row.count);
}

export type PageKey = [sortOrder: number, name: string, id: number];

/** One page in (category order, name, id) order, keyset-paginated. */
export async function pageOfFacilities(db: Db, query: FacilityQuery, first: number, after: PageKey | null): Promise<FacilityRow[]> {
  const q = filtered(db, query)
    .comment('facilities.page')
    .select(db.raw(facilityColumns))
    .orderBy([{ column: 'c.sort_order' }, { column: 'f.name' }, { column: 'f.id' }])
    .limit(first);
  if (after) q.whereRaw('(c.sort_order, f.name, f.id) > (?, ?, ?)', after);
  return q;
}

/** Facilities by key, retired ones included (their `retired_on` is set). */
export async function facilitiesByKeys(db: Db, keys: readonly string[]): Promise<FacilityRow[]> {
  return db({ f: 'facility_record' })
    .comment('facilities.byKeys')
    .join({ c: 'facility_category' }, 'c.key', 'f.category')
    .select(db.raw(facilityColumns))
    .whereIn('f.key', keys as string[]);
}

/** A facility near a place: the straight line to it, and both positions in the storage CRS (for walks on the network). */
export type NearbyRow = FacilityRow & { distance: number; sx: number; sy: number };

export type Origin = { kind: 'point'; longitude: number; latitude: number } | { kind: 'facility'; key: string };

/**
 * Facilities around a point or around a facility (itself left out), nearest first, with the
 * origin's longitude/latitude: one round trip. `origin` is null when the facility does not exist.
 */
export async function facilitiesNear(
  db: Db,
  origin: Origin,
  radius: number,
  categories: string[] | null,
  limit: number,
  tags: { offers: string[] | null; languages: string[] | null; startchancen?: boolean | null; minSocialIndex?: number | null } = { offers: null, languages: null },
): Promise<{ origin: { longitude: number; latitude: number; x: number; y: number } | null; rows: NearbyRow[] }> {
  const key = origin.kind === 'facility' ? origin.key : null;
  const [lon, lat] = origin.kind === 'point' ? [origin.longitude, origin.latitude] : [null, null];
  const result = await db.raw(
    /* facilities.near */ `
    with o as (
      select geom, ST_X(ST_Transform(geom, 4326)) as lon, ST_Y(ST_Transform(geom, 4326)) as lat
        from facility where key = ?::text
      union all
      select ${storagePoint('?::float8', '?::float8')}, ?::float8, ?::float8
       where ?::text is null
    )
    select o.lon as origin_lon, o.lat as origin_lat, ST_X(o.geom) as origin_x, ST_Y(o.geom) as origin_y, n.*
      from o left join lateral (
        select ${facilityColumns}, ST_Distance(f.geom, o.geom) as distance, ST_X(f.geom) as sx, ST_Y(f.geom) as sy
          from facility f join facility_category c on c.key = f.category
         where ST_DWithin(f.geom, o.geom, ?)
           and (?::text[] is null or f.category = any(?::text[]))
           and (?::text[] is null or f.offers @> ?::text[])
           and (?::text[] is null or f.languages && ?::text[])
           and f.key is distinct from ?::text
           -- Schools by the state's directory (geodata/schools/): in the Startchancen programme, a social index of at least n.
           and (?::boolean is null or exists (select 1 from school s where s.facility_key = f.key and s.startchancen = ?::boolean))
           and (?::int is null or exists (select 1 from school s where s.facility_key = f.key and s.social_index >= ?::int))
         order by f.geom <-> o.geom, f.id
         limit ?
      ) n on true
     order by n.distance, n.id`,
    [
      key, lon, lat, lon, lat, key, radius, categories, categories, tags.offers, tags.offers, tags.languages, tags.languages, key,
      tags.startchancen ?? null, tags.startchancen ?? null, tags.minSocialIndex ?? null, tags.minSocialIndex ?? null, limit,
    ],
  );
  const rows = result.rows as (NearbyRow & { origin_lon: number; origin_lat: number; origin_x: number; origin_y: number })[];
  if (rows.length === 0) return { origin: null, rows: [] };
  return {
    origin: { longitude: rows[0].origin_lon, latitude: rows[0].origin_lat, x: rows[0].origin_x, y: rows[0].origin_y },
    rows: rows.filter((r) => r.id !== null),
  };
}

/** Every current area each sub-district lies in (for Facility.areas), smallest level first. */
export async function areaIdsOfUbz(db: Db, ubzIds: readonly number[]) {
  const result = await db.raw(
    /* facilities.areasOfUbz */ `
    select au.ubz_id, au.area_id, a.level from area_ubz au join current_area a on a.id = au.area_id
     where au.ubz_id = any(?::int[])`,
    [[...ubzIds]],
  );
  return result.rows as { ubz_id: number; area_id: number; level: AreaLevel }[];
}
