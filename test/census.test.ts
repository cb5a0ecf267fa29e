// Census-located demand on the real data: the census cells kept, the invariants of the
// redistribution; the census office's CSV as a drop-in for the Parquet file and bad census files on a
// small real city.
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/connect.ts';
import { thresholds } from '../domain/coverageRules.ts';
import { readCensusFile } from '../geodata/census/readCensusFile.ts';
import { ImportError } from '../geodata/import/importError.ts';
import { sha256 } from '../geodata/import/locateSources.ts';
import { runImport } from '../geodata/import/runImport.ts';
import type { SourceFile, SourceManifest } from '../geodata/import/sourceManifest.ts';
import { openEmptyTestDatabase, openTestDatabase, testGeodata } from './harness/database.ts';
import { miniSources, type MiniSources } from './harness/miniSources.ts';
import { storagePoint } from '../db/geometrySql.ts';

let db: Database;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(async () => db?.close());

const rows = async (sql: string, bindings: readonly (string | number)[] = []) => (await db.knex.raw(sql, [...bindings])).rows;

describe('the census grid on the real data', () => {
  it('reads the real Parquet file: 1.27 million cells, none outside Germany', async () => {
    const file = path.join(testGeodata().censusDir, 'demography_ALTER_10JG_1.parquet');
    const cells = await readCensusFile(await readFile(file), file, { format: 'parquet', cellSizeMetres: 100 });
    expect(cells).toHaveLength(1_270_950);
    expect(cells[0].gridId).toMatch(/^CRS3035RES100mN\d+E\d+$/);
  });

  it('keeps the cells that touch the city, with their counts and source', async () => {
    const [summary] = await rows(`select count(*)::int as cells, sum(count)::int as persons, count(distinct grid_id)::int as ids,
      min(source) as source, min(ref_date)::text as ref_date from census_cell`);
    expect(summary.cells).toBe(6636);
    expect(summary.ids).toBe(6636);
    expect(summary.persons).toBeGreaterThan(46_000);
    expect(summary.persons).toBeLessThan(48_000);
    expect(summary).toMatchObject({ source: 'zensus2011_under10_100m', ref_date: '2011-05-09' });
  });

  it('keeps every sub-district\'s number of children when placing them (census and even)', async () => {
    for (const distribution of ['census', 'even']) {
      const off = await rows(
        `select p.ubz_id, p.count, coalesce(sum(k.children), 0) as placed
           from ubz_population p left join va_cell_children('0-5', ?) k on k.ubz_id = p.ubz_id
          where p.age_band = '0-5' group by p.ubz_id, p.count having abs(coalesce(sum(k.children), 0) - p.count) > 1e-6`,
        [distribution],
      );
      expect(off, distribution).toEqual([]);
    }
  });

  it('places no child where the census found none, except in sub-districts flagged as spread evenly', async () => {
    const [result] = await rows(`select count(*) filter (where k.children > 0 and g.census_count = 0 and k.spread = 'census')::int as misplaced,
      count(*) filter (where k.children > 0)::int as inhabited,
      sum(g.area_m2) filter (where k.children > 0) / sum(g.area_m2) as inhabited_share
      from va_cell_children('0-17') k join grid_cell g on g.id = k.cell_id`);
    expect(result.misplaced).toBe(0);
    const even = await rows(`select count(*)::int as n from ubz_distribution where method = 'even'`);
    // Where children live: about a quarter of the city's area, not all of it.
    if (even[0].n === 0) expect(result.inhabited_share).toBeLessThan(0.3);
    expect(result.inhabited).toBeGreaterThan(7000);
  });

  it('finds Kita gaps only where children live: the Nordstadt is covered, the outskirts are not', async () => {
    const api = await import('./harness/graphqlRunner.ts').then((m) => m.createRunner(db.knex));
    try {
      const { coverage } = await api.data(`{ coverage(level: AKTIONSRAUM, target: { category: "kita" }, ageBand: AGE_0_5) {
        method { distribution censusSource } areas { area { name } shareWithin } city { shareWithin } } }`);
      const share = Object.fromEntries(coverage.areas.map((a: any) => [a.area.name, a.shareWithin]));
      for (const name of ['Borsigplatz', 'Hafen', 'Nordmarkt', 'Scharnhorst-Ost']) expect(share[name], name).toBeGreaterThan(0.97);
      expect(coverage.city.shareWithin).toBeGreaterThan(0.8);
      expect(coverage.method.censusSource).toContain('Zensus 2011');
      const [gapCells] = await rows(`select count(*)::int as n from coverage_cell_cache c join grid_cell g on g.id = c.cell_id
        where c.key = '[["kita"],"0-5",500,1,"census"]' and c.children > 0 and g.census_count = 0`);
      expect(gapCells.n).toBe(0);
      const pinned = await rows('select count(*)::int as n from coverage_cache where pinned');
      // Every default threshold (target x age band) is precomputed and pinned.
      expect(pinned[0].n).toBe(thresholds.length);
    } finally {
      await api.stop();
    }
  });

  it('puts each area\'s label point where its people live: Borsigplatz at the square, not on the steelworks', async () => {
    const rows = (
      await db.knex.raw(`
        select a.level, a.code, a.name,
               ST_Distance(a.label_point, ${storagePoint('7.4857', '51.5252')}) as from_square,
               (select coalesce(sum(g.census_count), 0) from grid_cell g where ST_DWithin(g.point, a.label_point, 1)) as persons_there
          from current_area a where a.level in ('aktionsraum', 'sozialraum', 'stadtbezirk', 'ubz')`)
    ).rows as { level: string; code: string; name: string; from_square: number; persons_there: number }[];
    const borsigplatz = rows.find((r) => r.level === 'aktionsraum' && r.code === '023')!;
    expect(borsigplatz.from_square).toBeLessThan(600);
    // Every label sits on a grid piece where the census found people (none in a harbour basin).
    expect(rows.filter((r) => r.persons_there <= 0).map((r) => `${r.level} ${r.code} ${r.name}`)).toEqual([]);
  });

});

// The census file in other forms and broken, on a small real city (one Stadtbezirk cut from the
// same files): each import takes seconds instead of a minute.
describe('census files, on a small real city', () => {
  let mini: MiniSources;
  let small: Database;
  beforeAll(async () => {
    small = await openEmptyTestDatabase();
    mini = await miniSources();
    await runImport(small.knex, { ...importOf(mini.manifest), precomputeDefaults: false });
  });
  afterAll(async () => small?.close());

  const importOf = (manifest: SourceManifest, geodata = mini.geodata) => ({ geodata, manifest, aktionsraeume: mini.aktionsraeume, precomputeDefaults: false });
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
    return importOf({ ...mini.manifest, files }, { ...mini.geodata, censusDir: dir });
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
    const error = await runImport(small.knex, importOf(mini.manifest, { ...mini.geodata, censusDir: dir })).catch((e) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect(error.message).toMatch(/demography_ALTER_10JG_1\.parquet: checksum is [0-9a-f]{64}/);
    expect(await censusRows()).toEqual(before);
  });
});
