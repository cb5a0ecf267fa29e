// Real population counts replacing the estimate, on the two-squares world (test/fixtures): only
// the named sub-districts change, the coverage cache is emptied and the defaults are computed again
// with the new counts, and a bad file writes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/connect.ts';
import { openEmptyTestDatabase } from '../../test/harness/database.ts';
import { loadTwoSquares } from '../../test/fixtures/twoSquares.ts';
import { thresholds } from '../../domain/coverageRules.ts';
import { ImportError } from '../import/importError.ts';
import { importPopulationCounts } from './importPopulationCounts.ts';

let db: Database;
beforeAll(async () => {
  db = await openEmptyTestDatabase();
  await loadTwoSquares(db.knex, { census: true });
});
afterAll(async () => db?.close());

const population = async (code: string) =>
  (
    await db.knex.raw(
      `select p.age_band, p.count, p.is_estimate from ubz_population p join area u on u.id = p.ubz_id
        where u.code = ? order by p.age_band`,
      [code],
    )
  ).rows;

const HEADER = 'area,year,age_band,count,source\n';

describe('importing real population counts', () => {
  it('replaces the counts of the sub-districts it names, and only theirs', async () => {
    const before = await population('A01');
    await importPopulationCounts(db.knex, `${HEADER}B01,2025,0-5,812,city statistics office (test)\n`, 'counts.csv');
    const b = await population('B01');
    expect(b.find((r: { age_band: string }) => r.age_band === '0-5')).toEqual({ age_band: '0-5', count: 812, is_estimate: false });
    expect(await population('A01')).toEqual(before);
  });

  it('empties the coverage cache and computes the defaults again with the new counts', async () => {
    const kitaChildren = async (code: string) =>
      Number(
        (
          await db.knex.raw(
            `select sum(children) as n from coverage_cell_cache c join area u on u.id = c.ubz_id
              where u.code = ? and c.key = '[["kita"],"0-5",500,1,"census"]'`,
            [code],
          )
        ).rows[0].n,
      );
    await db.knex.raw(`insert into coverage_cache (key) values ('a stale parameter set')`);
    await importPopulationCounts(db.knex, `${HEADER}A01,2025,0-5,1234,city statistics office (test)\n`, 'counts.csv');
    const cache = (await db.knex.raw('select key, pinned from coverage_cache order by key')).rows;
    expect(cache.map((r: { key: string }) => r.key)).not.toContain('a stale parameter set');
    expect(cache.filter((r: { pinned: boolean }) => r.pinned)).toHaveLength(thresholds.length);
    expect(await kitaChildren('A01')).toBeCloseTo(1234, 6);
    expect(await kitaChildren('B01')).toBeCloseTo(812, 6);
  });

  it('refuses a file with a bad row, naming line and problem, and writes nothing', async () => {
    const before = await population('C01');
    const csv = `${HEADER}C01,2025,0-5,100,ok\n999,2025,0-7,-1,\n`;
    const error = await importPopulationCounts(db.knex, csv, 'bad.csv').catch((e) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect(error.problems.map((p: { feature: string; message: string }) => `${p.feature}: ${p.message}`)).toEqual([
      'line 3: area "999" is not a sub-district (UBZ) code',
      'line 3: age_band must be one of total, 0-5, 6-17 (got "0-7")',
      'line 3: count must be a whole number >= 0 (got "-1")',
      'line 3: source is empty: say where the count comes from',
    ]);
    expect(await population('C01')).toEqual(before);
  });

  it('says which columns are missing', async () => {
    const error = await importPopulationCounts(db.knex, 'ubz,count\nA01,3\n', 'wrong.csv').catch((e) => e);
    expect(error.message).toContain('missing: area, year, age_band, source');
  });
});
