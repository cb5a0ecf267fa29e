import type { Knex } from 'knex';

export async function up(knex: Knex) {
  await knex.raw(`
    create table population_estimate (
      ubz_id integer not null references area (id) on delete cascade,
      age_band text not null check (age_band in ('total', '0-5', '6-17')),
      count double precision not null check (count >= 0),
      ref_date date not null,
      method text not null,
      inputs jsonb not null,
      primary key (ubz_id, age_band)
    )`);
  await knex.raw(`comment on table population_estimate is 'ESTIMATED inhabitants per sub-district and age band (geodata/population: the method and its inputs); not the city''s figures'`);
  await knex.raw(`comment on column population_estimate.ref_date is 'Date of the district figure the estimate is anchored to'`);
}

export async function down(knex: Knex) {
  await knex.raw('drop table population_estimate');
}
