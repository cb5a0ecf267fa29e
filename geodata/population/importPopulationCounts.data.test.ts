import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/connect.ts';
import { openTestDatabase } from '../../test/harness/database.ts';
import { thresholds } from '../../domain/coverageRules.ts';
import { ImportError } from '../import/importError.ts';
import { importPopulationCounts } from './importPopulationCounts.ts';

let db: Database;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(async () => db?.close());

const population = async (code: string) =>
  (await db.knex.raw(`select p.age_band, p.count, p.is_estimate from ubz_population p join area u on u.id = p.ubz_id
    where u.code = ? order by p.age_band`, [code])).rows;

describe('importing real population counts', () => {
  it('replaces the estimate of the sub-districts it names, and only theirs', async () => {
    const before = await population('052');
    await importPopulationCounts(db.knex, 'area,year,age_band,count,source\n051,2024,0-5,812,Stadt Dortmund test\n', 'counts.csv');
    const nordmarkt = await population('051');
    expect(nordmarkt.find((r: any) => r.age_band === '0-5')).toEqual({ age_band: '0-5', count: 812, is_estimate: false });
    expect(nordmarkt.find((r: any) => r.age_band === '6-17').is_estimate).toBe(true);
    expect(await population('052')).toEqual(before);
  });

  it('empties the coverage cache and computes the defaults again with the new counts', async () => {
    const kitaShare = async () =>
      (await db.knex.raw(`select sum(children) as n from coverage_cell_cache c join area u on u.id = c.ubz_id
        where u.code = '061' and c.key = '[["kita"],"0-5",500,1,"census"]'`)).rows[0].n;
    await db.knex.raw(`insert into coverage_cache (key) values ('a stale parameter set')`);
    await importPopulationCounts(db.knex, 'area,year,age_band,count,source\n061,2024,0-5,1234,Stadt Dortmund test\n', 'counts.csv');
    const cache = (await db.knex.raw('select key, pinned from coverage_cache order by key')).rows;
    expect(cache.map((r: any) => r.key)).not.toContain('a stale parameter set');
    expect(cache.filter((r: any) => r.pinned)).toHaveLength(thresholds.length);
    expect(await kitaShare()).toBeCloseTo(1234, 6);
  });

  it('refuses a file with a bad row, naming line and problem, and writes nothing', async () => {
    const csv = 'area,year,age_band,count,source\n053,2024,0-5,100,ok\n999,2024,0-7,-1,\n';
    const error = await importPopulationCounts(db.knex, csv, 'bad.csv').catch((e) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect(error.problems.map((p: any) => `${p.feature}: ${p.message}`)).toEqual([
      'line 3: area "999" is not a sub-district (UBZ) code',
      'line 3: age_band must be one of total, 0-5, 6-17 (got "0-7")',
      'line 3: count must be a whole number >= 0 (got "-1")',
      'line 3: source is empty: say where the count comes from',
    ]);
    expect((await population('053')).every((r: any) => r.is_estimate)).toBe(true);
  });

  it('says which columns are missing', async () => {
    const error = await importPopulationCounts(db.knex, 'ubz,count\n051,3\n', 'wrong.csv').catch((e) => e);
    expect(error.message).toContain('missing: area, year, age_band, source');
  });
});
