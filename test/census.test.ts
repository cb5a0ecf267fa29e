// Census-located demand on the real data: the census cells kept and the invariants of the
// redistribution. The census office's CSV as a drop-in for the Parquet file and bad census files:
// import.test.ts (on a small real city).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/connect.ts';
import { thresholds } from '../domain/coverageRules.ts';
import { readCensusFile } from '../geodata/census/readCensusFile.ts';
import { openTestDatabase, testGeodata } from './harness/database.ts';
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
