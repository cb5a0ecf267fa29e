// The SQL of the schools domain: the state's schools (geodata/schools/), per facility, per area and
// as the match report.
import type { Db } from '../../../../db/connect.ts';

export type SchoolRow = {
  schulnummer: string;
  school_year: string;
  schulform: string;
  name: string;
  address: string;
  legal_status: string;
  pupils: number | null;
  social_index: number | null;
  startchancen: boolean;
  category: string | null;
  lon: number | null;
  lat: number | null;
  ubz_id: number | null;
  facility_key: string | null;
  match: 'address_and_name' | 'position_and_name' | 'name' | 'position' | 'shared_site' | null;
  match_distance_m: number | null;
  match_note: string | null;
};

const COLUMNS = `s.schulnummer, s.school_year, s.schulform, s.name, s.address, s.legal_status, s.pupils, s.social_index, s.startchancen, s.category,
  ST_X(ST_Transform(s.geom, 4326)) as lon, ST_Y(ST_Transform(s.geom, 4326)) as lat, s.ubz_id, s.facility_key, s.match, s.match_distance_m, s.match_note`;

export type SchoolFilter = { startchancen?: boolean | null; minSocialIndex?: number | null; childrensProvision?: boolean | null; ubzIds?: number[] | null };

export async function listSchools(db: Db, f: SchoolFilter = {}): Promise<SchoolRow[]> {
  const result = await db.raw(
    /* schools.list */ `
    select ${COLUMNS} from school s
     where (?::boolean is null or s.startchancen = ?::boolean)
       and (?::int is null or s.social_index >= ?::int)
       and (?::boolean is null or (s.category is not null) = ?::boolean)
       and (?::int[] is null or s.ubz_id = any(?::int[]))
     order by s.name, s.schulnummer`,
    [f.startchancen ?? null, f.startchancen ?? null, f.minSocialIndex ?? null, f.minSocialIndex ?? null, f.childrensProvision ?? null, f.childrensProvision ?? null, f.ubzIds ?? null, f.ubzIds ?? null],
  );
  return result.rows;
}

export async function schoolsByFacilityKeys(db: Db, keys: readonly string[]): Promise<SchoolRow[]> {
  const result = await db.raw(/* schools.byFacility */ `select ${COLUMNS} from school s where s.facility_key = any(?::text[]) order by s.schulnummer`, [[...keys]]);
  return result.rows;
}

export async function schoolsByNumbers(db: Db, numbers: readonly string[]): Promise<SchoolRow[]> {
  const result = await db.raw(/* schools.byNumber */ `select ${COLUMNS} from school s where s.schulnummer = any(?::text[])`, [[...numbers]]);
  return result.rows;
}

export type AreaSchoolRow = {
  area_id: number;
  schools: number;
  pupils: number | null;
  pupils_high_index: number | null;
  schools_high_index: number;
  startchancen_schools: number;
  startchancen_pupils: number | null;
  children_6_17: number | null;
};

/** Per area: the children's schools located in it (official position, else the matched point) and the children of school age living there. */
export async function areaSchoolFigures(db: Db, areaIds: readonly number[]): Promise<AreaSchoolRow[]> {
  const result = await db.raw(
    /* schools.areaFigures */ `
    with s as (
      select au.area_id, s.* from area_ubz au join school s on s.ubz_id = au.ubz_id
       where au.area_id = any(?::int[]) and s.category is not null
    ), kids as (
      select au.area_id, sum(p.count)::float8 as children
        from area_ubz au join ubz_population p on p.ubz_id = au.ubz_id and p.age_band = '6-17'
       where au.area_id = any(?::int[]) group by au.area_id
    )
    select a.id as area_id, count(s.schulnummer)::int as schools, sum(s.pupils)::int as pupils,
           coalesce(sum(s.pupils) filter (where s.social_index >= 7), 0)::int as pupils_high_index,
           count(*) filter (where s.social_index >= 7)::int as schools_high_index,
           count(*) filter (where s.startchancen)::int as startchancen_schools,
           coalesce(sum(s.pupils) filter (where s.startchancen), 0)::int as startchancen_pupils,
           k.children as children_6_17
      from unnest(?::int[]) as a(id)
      left join s on s.area_id = a.id
      left join kids k on k.area_id = a.id
     group by a.id, k.children`,
    [[...areaIds], [...areaIds], [...areaIds]],
  );
  return result.rows;
}

/** The Startchancen schools (and those with index 7-9) of areas, by area. */
export async function schoolsOfAreas(db: Db, areaIds: readonly number[]): Promise<(SchoolRow & { area_id: number })[]> {
  const result = await db.raw(
    /* schools.ofAreas */ `
    select au.area_id, ${COLUMNS} from area_ubz au join school s on s.ubz_id = au.ubz_id
     where au.area_id = any(?::int[]) and s.category is not null
     order by s.startchancen desc, s.social_index desc nulls last, s.name`,
    [[...areaIds]],
  );
  return result.rows;
}

export type CityOnlyRow = { facility_key: string; name: string; category: string; nearest_schulnummer: string | null; nearest_distance_m: number | null };

export async function cityOnlyPoints(db: Db): Promise<CityOnlyRow[]> {
  const result = await db.raw(
    /* schools.cityOnly */ 'select facility_key, name, category, nearest_schulnummer, nearest_distance_m from school_city_only order by name, facility_key',
  );
  return result.rows;
}

export async function schoolsImported(db: Db): Promise<boolean> {
  const result = await db.raw(/* schools.imported */ 'select exists (select 1 from school) as yes');
  return result.rows[0].yes;
}
