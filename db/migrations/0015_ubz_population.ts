import type { Knex } from 'knex';

export async function up(knex: Knex) {
  await knex.raw(`
    create view ubz_population as
    with latest_count as (
      select distinct on (ubz_code, age_band) ubz_code, age_band, count, year, source
        from population_count order by ubz_code, age_band, year desc
    )
    select u.id as ubz_id, b.age_band,
           coalesce(c.count, e.count) as count,
           c.count is null as is_estimate,
           case when c.count is not null then make_date(c.year, 12, 31) else e.ref_date end as ref_date,
           coalesce(c.source, e.method) as source
      from area u
      cross join (values ('total'), ('0-5'), ('6-17')) as b(age_band)
      left join latest_count c on c.ubz_code = u.code and c.age_band = b.age_band
      left join population_estimate e on e.ubz_id = u.id and e.age_band = b.age_band
     where u.level = 'ubz' and (c.count is not null or e.count is not null)`);
  await knex.raw(`comment on view ubz_population is 'Inhabitants per sub-district and age band: the real count where imported, else the estimate (is_estimate)'`);
}

export async function down(knex: Knex) {
  await knex.raw('drop view ubz_population');
}
