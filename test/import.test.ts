// The import on the real files: the area hierarchy, the tiling, the city's own codes, idempotency,
// and that a bad source or census file is refused without losing the data already there (on a small
// real city), and the census office's CSV as a drop-in for the Parquet file.
import { cp, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/connect.ts';
import { ImportError } from '../geodata/import/importError.ts';
import { sha256 } from '../geodata/import/locateSources.ts';
import { runImport } from '../geodata/import/runImport.ts';
import type { SourceFile, SourceManifest } from '../geodata/import/sourceManifest.ts';
import { openEmptyTestDatabase, openTestDatabase, testGeodata } from './harness/database.ts';
import { miniSources, miniSourcesWith, type MiniSources } from './harness/miniSources.ts';
import { CITY } from '../domain/city.ts';

let db: Database;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(async () => db?.close());

const rows = async (sql: string, bindings: readonly (string | number)[] = []) => (await db.knex.raw(sql, [...bindings])).rows;

/** Everything the import writes, in a comparable form (geometries as hashes). */
async function contents(database: Database = db) {
  const rows = async (sql: string) => (await database.knex.raw(sql)).rows;
  return {
    area: await rows(`select id, level, code, name, valid_from::text, valid_to::text, md5(ST_AsEWKB(geom)::text) g, area_m2, source from area order by id`),
    membership: await rows('select * from area_membership order by ubz_id, area_id'),
    indicators: await rows('select * from indicator_value order by area_id, indicator_key, year'),
    facility: await rows(`select id, key, name, category, subtype, operator, street, house_number, ubz_id, city_codes::text,
      md5(ST_AsEWKB(geom)::text) g, source_sha256, imported_at::text from facility order by id`),
    census: await rows('select grid_id, count, quality, source, ref_date::text from census_cell order by grid_id'),
    demand: await rows('select ubz_id, method, round(census_count::numeric, 6) as census, round(area_m2::numeric, 2) as m2, source from ubz_distribution order by ubz_id'),
  };
}

function editFeature(index: number, edit: (feature: any) => void) {
  return (text: string) => {
    const json = JSON.parse(text);
    edit(json.features[index]);
    return JSON.stringify(json);
  };
}

async function importError(promise: Promise<unknown>): Promise<ImportError> {
  const error = await promise.then(() => null, (e) => e);
  expect(error).toBeInstanceOf(ImportError);
  return error as ImportError;
}

describe(`import of the real data of ${CITY.name}`, () => {
  it('builds 170 sub-districts, 62 districts, 12 boroughs, 39 Sozialräume and 13 Aktionsräume', async () => {
    const counts = Object.fromEntries((await rows('select level, count(*)::int as n from current_area group by level')).map((r: any) => [r.level, r.n]));
    expect(counts).toEqual({ ubz: 170, statistical_district: 62, stadtbezirk: 12, sozialraum: 39, aktionsraum: 13, city: 1 });
  });

  it('tiles the city: every level covers it once, without gaps or overlaps', async () => {
    const [city] = await rows(`select ST_Area(geom) as planar, area_m2, (select count(*)::int from
      (select (ST_DumpRings((ST_Dump(geom)).geom)).path[1] as ring from area where level = 'city') r where ring > 0) as holes
      from area where level = 'city'`);
    expect(city.holes).toBe(0);
    expect(city.area_m2 / 1e6).toBeCloseTo(280.7, 1);
    for (const level of ['ubz', 'statistical_district', 'stadtbezirk', 'sozialraum']) {
      const [{ planar }] = await rows('select sum(ST_Area(geom)) as planar from area where level = ?', [level]);
      expect(Math.abs(planar - city.planar), level).toBeLessThan(10);
    }
    const overlap = await rows(`select coalesce(sum(ST_Area(ST_Intersection(a.geom, b.geom, 0.001))), 0) as m2, count(*)::int as pairs
      from area a join area b on a.level = 'ubz' and b.level = 'ubz' and a.code < b.code and a.geom && b.geom`);
    expect(overlap).toHaveLength(1);
    expect(overlap[0].pairs).toBeGreaterThan(300);
    expect(overlap[0].m2).toBeLessThan(10);
  });

  it('puts every city facility with an Aktionsraum code inside that Aktionsraum, and no other', async () => {
    const [result] = await rows(`select
        count(*) filter (where f.city_codes->>'aktionsraum' is not null)::int as coded,
        count(*) filter (where f.city_codes->>'aktionsraum' is not null and a.code is distinct from f.city_codes->>'aktionsraum')::int as outside,
        count(*) filter (where f.city_codes->>'aktionsraum' is null and a.code is not null)::int as uncoded_inside
      from facility f left join current_area a on a.level = 'aktionsraum' and ST_Intersects(a.geom, f.geom)
      where f.city_codes is not null`);
    expect(result.coded).toBe(380);
    expect(result.outside).toBe(0);
    expect(result.uncoded_inside).toBe(0);
  });

  it('places every facility in the sub-district the city names for it', async () => {
    const mismatches = await rows(`select f.key from facility f join area u on u.id = f.ubz_id
      where f.city_codes is not null and u.code <> f.city_codes->>'ubz'`);
    expect(mismatches).toEqual([]);
  });

  it('reads the hierarchy from the city codes and flags the inferred memberships', async () => {
    const nordmarkt = await rows(`select p.level, p.code, m.inferred from area u
      join area_membership m on m.ubz_id = u.id join area p on p.id = m.area_id
      where u.level = 'ubz' and u.code = '051' order by p.level`);
    expect(nordmarkt.map((r: any) => `${r.level}:${r.code}:${r.inferred}`)).toEqual([
      'aktionsraum:022:false', 'city:DO:false', 'sozialraum:022:false', 'stadtbezirk:20:false', 'statistical_district:050:false',
    ]);
    const inferred = await rows(`select distinct u.code from area u join area_membership m on m.ubz_id = u.id
      where m.inferred order by u.code`);
    expect(inferred.map((r: any) => r.code)).toEqual(['243', '252', '315', '643', '653', '663', '671', '673', '678', '731', '735', '832', '921', '951', '952', '954']);
    const [brueninghausen] = await rows(`select p.code from area u join area_membership m on m.ubz_id = u.id
      join area p on p.id = m.area_id and p.level = 'sozialraum' where u.code = '921'`);
    expect(brueninghausen.code).toBe('122');
  });

  it('stores indicators for both years with unit and source', async () => {
    const years = await rows(`select year, count(distinct area_id)::int as ubz from indicator_value
      where indicator_key = 'children_under_15_SGB_II_pct' group by year order by year`);
    expect(years).toEqual([{ year: 2018, ubz: 170 }, { year: 2024, ubz: 170 }]);
    const [definition] = await rows(`select unit, source from indicator where key = 'children_under_15_SGB_II_pct'`);
    expect(definition.unit).toBe('percent');
    expect(definition.source).toContain('Statistikatlas');
  });

  it('keeps provenance and a stable key on every facility', async () => {
    const [result] = await rows(`select count(*)::int as n, count(distinct key)::int as keys,
      count(*) filter (where source_sha256 ~ '^[0-9a-f]{64}$' and licence <> '' and attribution <> '')::int as with_provenance
      from facility`);
    expect(result.n).toBe(1741);
    expect(result.keys).toBe(1741);
    expect(result.with_provenance).toBe(1741);
  });

  it('changes nothing when the same files are imported again', async () => {
    const before = await contents();
    const report = await runImport(db.knex, { geodata: testGeodata(), precomputeDefaults: false });
    expect(report.facilitiesRemoved).toBe(0);
    expect(await contents()).toEqual(before);
  });

});

// What goes wrong, on a small real city (one Stadtbezirk cut from the same files): each case
// imports in seconds instead of a minute, and the old data it must keep is that city.
describe('a bad source file, on a small real city', () => {
  let mini: MiniSources;
  let small: Database;
  beforeAll(async () => {
    small = await openEmptyTestDatabase();
    mini = await miniSources();
    await runImport(small.knex, { ...importOf(mini), precomputeDefaults: false });
  });
  afterAll(async () => small?.close());

  const importOf = (sources: MiniSources) => ({ geodata: sources.geodata, manifest: sources.manifest, aktionsraeume: sources.aktionsraeume });
  const smallContents = () => contents(small);
  const facilityCount = async (file: string) =>
    (await small.knex.raw(`select count(*)::int as n from facility where source_file = ?`, [file])).rows[0].n as number;

  it('imports the small city: its sub-districts, its two Aktionsräume, its facilities', async () => {
    const counts = Object.fromEntries((await small.knex.raw('select level, count(*)::int as n from current_area group by level')).rows.map((r: any) => [r.level, r.n]));
    expect(counts).toEqual({ ubz: mini.ubzCodes.length, statistical_district: 6, stadtbezirk: 1, sozialraum: 4, aktionsraum: 2, city: 1 });
    expect(await facilityCount('kindergarten.geojson')).toBeGreaterThan(20);
  });

  it('refuses a corrupted copy of a file by its checksum and keeps the old data', async () => {
    const before = await smallContents();
    const damaged = await miniSourcesWith(mini, 'kindergarten.geojson', (text) => text.replace('FABIDO', 'FABIDX'));
    const error = await importError(runImport(small.knex, { ...importOf(damaged), manifest: mini.manifest }));
    expect(error.message).toContain('kindergarten.geojson');
    expect(error.message).toContain('checksum');
    expect(await smallContents()).toEqual(before);
  });

  it('refuses a file that is not valid JSON, naming it, and keeps the old data', async () => {
    const before = await smallContents();
    const cut = await miniSourcesWith(mini, 'schools.geojson', (text) => text.slice(0, 5000));
    const error = await importError(runImport(small.knex, importOf(cut)));
    expect(error.problems).toEqual([expect.objectContaining({ file: 'schools.geojson', message: expect.stringContaining('not valid JSON') })]);
    expect(await smallContents()).toEqual(before);
  });

  it("imports the small city's schools, and refuses a broken or empty school file naming it and the row, keeping the old data", async () => {
    const schools = async () => (await small.knex.raw('select schulnummer, facility_key, match, pupils from school order by schulnummer')).rows;
    const before = await schools();
    // Lütgendortmund's schools only (the others lie outside the small city), matched to its points.
    expect(before.filter((s: { facility_key: string | null }) => s.facility_key).length).toBeGreaterThan(5);
    const broken = await miniSourcesWith(mini, 'as_bs_2024_25_sozialindex.csv', (text) => text.replace(/(,5913000,Krfr\. Stadt Dortmund,)\d{6}/, '$112345'));
    const error = await importError(runImport(small.knex, importOf(broken)));
    expect(error.problems).toEqual([{ file: expect.stringContaining('as_bs_2024_25_sozialindex.csv'), message: expect.stringMatching(/^row \d+ \(Schulnummer 12345\): the Schulnummer is not six digits$/) }]);
    const empty = await miniSourcesWith(mini, 'schuldaten_2021.csv', () => '');
    expect((await importError(runImport(small.knex, importOf(empty)))).message).toMatch(/schuldaten_2021\.csv: the file is empty/);
    expect(await schools()).toEqual(before);
  });

  it('reports a feature without geometry by file and feature and keeps the old data', async () => {
    const before = await smallContents();
    const broken = await miniSourcesWith(mini, 'kindergarten.geojson', editFeature(5, (f) => (f.geometry = null)));
    const error = await importError(runImport(small.knex, importOf(broken)));
    expect(error.problems).toHaveLength(1);
    expect(error.problems[0]).toMatchObject({ file: 'kindergarten.geojson', message: 'has no geometry' });
    expect(error.problems[0].feature).toMatch(/^feature 5 \(.+\)$/);
    expect(await smallContents()).toEqual(before);
  });

  it('reports a facility outside the city and keeps the old data', async () => {
    const before = await smallContents();
    const moved = await miniSourcesWith(mini, 'youth_centers.geojson', editFeature(3, (f) => (f.geometry.coordinates = [6.95, 51.45])));
    const error = await importError(runImport(small.knex, importOf(moved)));
    expect(error.problems).toHaveLength(1);
    expect(error.problems[0]).toMatchObject({ file: 'youth_centers.geojson', message: expect.stringContaining('outside the city') });
    expect(await smallContents()).toEqual(before);
  });

  it('imports the valid features and lists the skipped ones when asked to skip invalid features', async () => {
    const kitas = await facilityCount('kindergarten.geojson');
    const broken = await miniSourcesWith(mini, 'kindergarten.geojson', editFeature(5, (f) => (f.geometry = null)));
    const report = await runImport(small.knex, { ...importOf(broken), skipInvalidFeatures: true, precomputeDefaults: false });
    expect(report.skipped).toHaveLength(1);
    expect(report.facilitiesRemoved).toBe(1);
    expect(await facilityCount('kindergarten.geojson')).toBe(kitas - 1);
    const [run] = (await small.knex.raw('select report from import_run order by id desc limit 1')).rows;
    expect(run.report.skipped[0].file).toBe('kindergarten.geojson');
  });

  // The census file in other forms and broken.
  describe('a census file', () => {
    const censusImport = (manifest: SourceManifest, geodata = mini.geodata) => ({ geodata, manifest, aktionsraeume: mini.aktionsraeume, precomputeDefaults: false });
    const censusRows = async () => (await small.knex.raw('select grid_id, count, quality, source from census_cell order by grid_id')).rows;

    /** A census folder holding one CSV, and a manifest whose census entry points at it. */
    async function censusCsv(text: string, census: Partial<SourceFile['census']> = {}) {
      const dir = await mkdtemp(path.join(os.tmpdir(), 'census-'));
      const bytes = Buffer.from(text, 'utf8');
      await writeFile(path.join(dir, 'grid.csv'), bytes);
      const files = mini.manifest.files.map((f) =>
        f.kind === 'census_grid'
          ? { ...f, file: 'grid.csv', dataset: 'zensus_csv_test', sha256: sha256(bytes), census: { ...f.census!, format: 'csv' as const, ...census } }
          : f,
      );
      return censusImport({ ...mini.manifest, files }, { ...mini.geodata, censusDir: dir });
    }

    it('keeps the census cells touching the small city', async () => {
      const cells = await censusRows();
      expect(cells.length).toBeGreaterThan(300);
      expect(cells.every((c: any) => c.source === 'zensus2011_under10_100m')).toBe(true);
    });

    it('reads the census office\'s CSV format as a drop-in for the Parquet file: the same cells', async () => {
      const before = await censusRows();
      const csv = ['GITTER_ID_100m;x_mp_100m;y_mp_100m;Unter10', ...before.map((c: any) => {
        const [, n, e] = /N(\d+)E(\d+)$/.exec(c.grid_id)!;
        return `${c.grid_id};${Number(e) + 50};${Number(n) + 50};${c.count}`;
      })].join('\n');
      const report = await runImport(small.knex, await censusCsv(csv, { countColumn: 'Unter10' }));
      expect(report.census).toMatchObject({ cells: before.length, source: 'zensus_csv_test' });
      expect((await censusRows()).map((c: any) => [c.grid_id, c.count])).toEqual(before.map((c: any) => [c.grid_id, c.count]));
    });

    it.each([
      ['wrong columns', 'GITTER_ID_100m;x_mp_100m;y_mp_100m;Frauen\nCRS3035RES100mN3100000E4110000;4110050;3100050;3\n', 'has no count column'],
      ['cells outside Germany', 'GITTER_ID_100m;x_mp_100m;y_mp_100m;Unter10\nX;3100050;4110050;3\n', 'outside Germany'],
    ])('refuses a census file with %s, naming the file, and keeps the previous data', async (_, text, message) => {
      const before = await censusRows();
      const error = await runImport(small.knex, await censusCsv(text)).catch((e) => e);
      expect(error).toBeInstanceOf(ImportError);
      expect(error.message).toContain('grid.csv');
      expect(error.message).toContain(message);
      expect(await censusRows()).toEqual(before);
    });

    it('refuses a census file whose checksum differs, and keeps the previous data', async () => {
      const before = await censusRows();
      const dir = await mkdtemp(path.join(os.tmpdir(), 'census-'));
      await cp(testGeodata().censusDir!, dir, { recursive: true });
      await writeFile(path.join(dir, 'demography_ALTER_10JG_1.parquet'), 'not the census');
      const error = await runImport(small.knex, censusImport(mini.manifest, { ...mini.geodata, censusDir: dir })).catch((e) => e);
      expect(error).toBeInstanceOf(ImportError);
      expect(error.message).toMatch(/demography_ALTER_10JG_1\.parquet: checksum is [0-9a-f]{64}/);
      expect(await censusRows()).toEqual(before);
    });
  });
});
