// The state's schools in the import: both files read and checked before anything is written (a bad
// file stops the import naming it; the previous data stays), then, inside the import's transaction
// and after the city's points are in place, matched and written with the match report.
import type { Db } from '../../db/connect.ts';
import { inStorage } from '../../db/geometrySql.ts';
import type { ImportProblem } from '../import/importError.ts';
import type { LocatedSource } from '../import/locateSources.ts';
import { type CityPoint, matchSchools, type SchoolMatch, stateSchools, type StateSchool } from './matchSchools.ts';
import { readSchoolDirectory, readSchoolRegister } from './readSchoolFiles.ts';

/** The categories of the city's school points (domain/taxonomy.ts). */
export const SCHOOL_CATEGORIES = ['grundschule', 'weiterfuehrende_schule', 'foerderschule', 'schule_sonstige'];

export type ParsedSchools = { schools: StateSchool[]; files: string[] };

export type SchoolMatchSummary = {
  schools: number;
  /** Schools of the directory whose official position lies outside the city's sub-districts: left out. */
  outsideCity: number;
  pupils: number;
  childrensSchools: number;
  matched: number;
  byHow: Record<string, number>;
  stateOnly: { schulnummer: string; name: string; schulform: string; note: string | null }[];
  cityOnly: { key: string; name: string; nearest: string | null; distance: number | null }[];
};

/** Reads the directory and the register (both or neither: one without the other is a problem). */
export function parseSchoolSources(sources: LocatedSource[], problems: ImportProblem[]): ParsedSchools | null {
  const directory = sources.find((s) => s.kind === 'school_directory');
  const register = sources.find((s) => s.kind === 'school_register');
  if (!directory && !register) return null;
  if (!directory || !register) {
    problems.push({ file: (directory ?? register)!.file, message: 'the school directory and the school register are read together: the manifest names only one of them' });
    return null;
  }
  try {
    const d = readSchoolDirectory(directory.bytes.toString('utf8'), directory.path);
    const r = readSchoolRegister(register.bytes.toString('utf8'), register.path);
    problems.push(...d.problems, ...r.problems);
    return { schools: stateSchools(d.schools, r.schools), files: [directory.file, register.file] };
  } catch (error) {
    problems.push({ file: '', message: (error as Error).message });
    return null;
  }
}

/** Replaces the schools and the match with the city's points (inside the import's transaction). */
export async function writeSchools(db: Db, parsed: ParsedSchools | null): Promise<SchoolMatchSummary | null> {
  await db.raw(/* schools.clear */ 'delete from school');
  await db.raw(/* schools.clearCityOnly */ 'delete from school_city_only');
  if (!parsed) return null;
  const points = await db.raw(
    /* schools.cityPoints */ 'select key, name, category, street, house_number, ST_X(geom) as x, ST_Y(geom) as y from facility where category = any(?::text[]) order by key',
    [SCHOOL_CATEGORIES],
  );
  const inside = await insideCity(db, parsed.schools);
  const { matches, cityOnly } = matchSchools(inside, points.rows as CityPoint[]);
  await db.raw(
    /* schools.insert */ `
    insert into school (schulnummer, school_year, schulform, name, address, legal_status, pupils, social_index, startchancen, category,
                        geom, ubz_id, facility_key, match, match_distance_m, match_note, nearest_key, nearest_name, nearest_distance_m)
    select r.schulnummer, r.year, r.schulform, r.name, r.address, r.legal, r.pupils, r.social_index, r.startchancen, r.category,
           p.geom, coalesce(u.id, f.ubz_id), r.facility_key, r.how, r.distance, r.note, r.nearest_key, r.nearest_name, r.nearest_distance
      from jsonb_to_recordset(?::jsonb) as r(schulnummer text, year text, schulform text, name text, address text, legal text, pupils int,
           social_index int, startchancen boolean, category text, x float8, y float8, facility_key text, how text, distance float8, note text,
           nearest_key text, nearest_name text, nearest_distance float8)
      cross join lateral (select case when r.x is null then null else ${inStorage('ST_MakePoint(r.x, r.y)')} end as geom) p
      left join area u on u.level = 'ubz' and ST_Contains(u.geom, p.geom)
      left join facility f on f.key = r.facility_key`,
    [JSON.stringify(matches.map(row))],
  );
  await db.raw(
    /* schools.insertCityOnly */ `
    insert into school_city_only (facility_key, name, category, nearest_schulnummer, nearest_name, nearest_distance_m)
    select r.key, r.name, r.category, r.nearest, r.nearest_name, r.distance
      from jsonb_to_recordset(?::jsonb) as r(key text, name text, category text, nearest text, nearest_name text, distance float8)`,
    [JSON.stringify(cityOnly.map((c) => ({ key: c.point.key, name: c.point.name, category: c.point.category, nearest: c.nearest?.schulnummer ?? null, nearest_name: c.nearest?.name ?? null, distance: c.nearest?.distance ?? null })))],
  );
  return { ...summarise(matches, cityOnly), outsideCity: parsed.schools.length - inside.length };
}

/**
 * The schools whose official position lies in one of the city's sub-districts (or that have none):
 * the directory's municipality key decides which are the city's, the positions check it (a test's
 * smaller city keeps its own schools).
 */
async function insideCity(db: Db, schools: StateSchool[]): Promise<StateSchool[]> {
  const placed = schools.map((s, i) => ({ i, x: s.position?.x ?? null, y: s.position?.y ?? null }));
  const result = await db.raw(
    /* schools.insideCity */ `
    select r.i from jsonb_to_recordset(?::jsonb) as r(i int, x float8, y float8)
     where r.x is null or exists (select 1 from area u where u.level = 'ubz' and ST_Contains(u.geom, ${inStorage('ST_MakePoint(r.x, r.y)')}))`,
    [JSON.stringify(placed)],
  );
  const kept = new Set(result.rows.map((r: { i: number }) => r.i));
  return schools.filter((_, i) => kept.has(i));
}

const row = (m: SchoolMatch) => ({
  schulnummer: m.school.schulnummer,
  year: m.school.schoolYear,
  schulform: m.school.schulform,
  name: m.school.name,
  address: m.school.address,
  legal: m.school.legalStatus,
  pupils: m.school.pupils,
  social_index: m.school.socialIndex,
  startchancen: m.school.startchancen,
  category: m.school.category,
  x: m.school.position?.x ?? null,
  y: m.school.position?.y ?? null,
  facility_key: m.facilityKey,
  how: m.how,
  distance: m.distance,
  note: m.note,
  nearest_key: m.nearest?.key ?? null,
  nearest_name: m.nearest?.name ?? null,
  nearest_distance: m.nearest?.distance ?? null,
});

function summarise(matches: SchoolMatch[], cityOnly: ReturnType<typeof matchSchools>['cityOnly']): Omit<SchoolMatchSummary, 'outsideCity'> {
  const byHow: Record<string, number> = {};
  for (const m of matches) if (m.how) byHow[m.how] = (byHow[m.how] ?? 0) + 1;
  return {
    schools: matches.length,
    pupils: matches.reduce((sum, m) => sum + (m.school.pupils ?? 0), 0),
    childrensSchools: matches.filter((m) => m.school.category).length,
    matched: matches.filter((m) => m.facilityKey).length,
    byHow,
    stateOnly: matches.filter((m) => !m.facilityKey).map((m) => ({ schulnummer: m.school.schulnummer, name: m.school.name, schulform: m.school.schulform, note: m.note })),
    cityOnly: cityOnly.map((c) => ({ key: c.point.key, name: c.point.name, nearest: c.nearest?.name ?? null, distance: c.nearest ? Math.round(c.nearest.distance) : null })),
  };
}

/** The match report as the import prints it. */
export function matchReportLines(s: SchoolMatchSummary): string[] {
  return [
    `import: schools of the state's directory: ${s.schools} (${s.pupils} pupils${s.outsideCity ? `; ${s.outsideCity} outside the city's sub-districts left out` : ''}), ${s.childrensSchools} children's provision; matched to the city's points: ${s.matched} (${Object.entries(s.byHow).map(([k, v]) => `${k} ${v}`).join(', ')})`,
    ...s.stateOnly.map((o) => `import:   only in the state's list: ${o.schulnummer} ${o.name} (${o.schulform}): ${o.note}`),
    ...s.cityOnly.map((o) => `import:   only in the city's points: ${o.name} (${o.key})${o.nearest ? `; nearest in the state's list: ${o.nearest} at ${o.distance} m` : ''}`),
  ];
}
