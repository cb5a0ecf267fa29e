import type { Knex } from 'knex';

export async function up(knex: Knex) {
  await knex.raw(`
    create table population_count (
      ubz_code text not null,
      year integer not null,
      age_band text not null check (age_band in ('total', '0-5', '6-17')),
      count integer not null check (count >= 0),
      source text not null,
      primary key (ubz_code, year, age_band)
    )`);
  await knex.raw(`comment on table population_count is 'Real inhabitant counts per sub-district and age band, imported from a CSV; they replace the estimate wherever given'`);
}

export async function down(knex: Knex) {
  await knex.raw('drop table population_count');
}
