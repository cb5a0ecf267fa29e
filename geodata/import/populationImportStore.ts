// The import's SQL for the population estimate: its inputs per sub-district and its results.
import type { Db } from '../../db/connect.ts';

const json = (value: unknown) => JSON.stringify(value);

export type PopulationInputRow = {
  code: string;
  district_code: string;
  borough_name: string;
  area_ha: number;
  density: number | null;
  share_0_5: number | null;
  share_6_17: number | null;
  census_persons: number | null;
};

/** What the population estimate needs per UBZ: its district, borough, size, census persons and 2024 (else 2018) indicators. */
export async function populationInputs(db: Db): Promise<PopulationInputRow[]> {
  const result = await db.raw(
    /* import.populationInputs */ `
    with indicator as (
      select distinct on (v.area_id, v.indicator_key) v.area_id, v.indicator_key, v.value
        from indicator_value v
       where v.indicator_key in ('population_density_ha_abs', 'share_0_6_pct', 'share_6_18_pct')
       order by v.area_id, v.indicator_key, v.year desc
    )
    select u.code, d.code as district_code, b.name as borough_name, u.area_m2 / 1e4 as area_ha,
           max(i.value) filter (where i.indicator_key = 'population_density_ha_abs') as density,
           max(i.value) filter (where i.indicator_key = 'share_0_6_pct') as share_0_5,
           max(i.value) filter (where i.indicator_key = 'share_6_18_pct') as share_6_17,
           (select d.census_count from ubz_distribution d where d.ubz_id = u.id and d.source is not null) as census_persons
      from area u
      join area_membership md on md.ubz_id = u.id
      join area d on d.id = md.area_id and d.level = 'statistical_district'
      join area_membership mb on mb.ubz_id = u.id
      join area b on b.id = mb.area_id and b.level = 'stadtbezirk'
      left join indicator i on i.area_id = u.id
     where u.level = 'ubz'
     group by u.id, u.code, d.code, b.name, u.area_m2
     order by u.code`,
  );
  return result.rows;
}

export type PopulationEstimateRow = { code: string; age_band: string; count: number; ref_date: string; method: string; inputs: unknown };

export async function replacePopulationEstimates(db: Db, rows: PopulationEstimateRow[]) {
  await db.raw(/* import.clearPopulationEstimates */ 'delete from population_estimate');
  await db.raw(
    /* import.insertPopulationEstimates */ `
    insert into population_estimate (ubz_id, age_band, count, ref_date, method, inputs)
    select u.id, r.age_band, r.count, r.ref_date::date, r.method, r.inputs
      from jsonb_to_recordset(?::jsonb) as r(code text, age_band text, count float8, ref_date text, method text, inputs jsonb)
      join area u on u.level = 'ubz' and u.code = r.code`,
    [json(rows)],
  );
}

/** Rebuilds the grid and the nearest-facility table (the coverage precomputation). */

export async function subDistrictCodes(db: Db): Promise<string[]> {
  const result = await db.raw(/* population.ubzCodes */ `select code from area where level = 'ubz'`);
  return result.rows.map((r: { code: string }) => r.code);
}

export type PopulationCountRow = { ubz_code: string; year: number; age_band: string; count: number; source: string };

/** Real counts per sub-district and age band; a later file with the same year and band replaces them. */
export async function upsertPopulationCounts(db: Db, rows: PopulationCountRow[]) {
  await db.raw(
    /* population.upsertCounts */ `
    insert into population_count (ubz_code, year, age_band, count, source)
    select r.ubz_code, r.year, r.age_band, r.count, r.source
      from jsonb_to_recordset(?::jsonb) as r(ubz_code text, year int, age_band text, count int, source text)
    on conflict (ubz_code, year, age_band) do update set count = excluded.count, source = excluded.source`,
    [JSON.stringify(rows)],
  );
}
