import type { Knex } from 'knex';

export async function up(knex: Knex) {
  await knex.raw(`
    create table coverage_cache (
      key text primary key,
      created_at timestamptz not null default now()
    )`);
  await knex.raw(`
    create table coverage_cell_cache (
      key text not null references coverage_cache (key) on delete cascade,
      cell_id integer not null,
      ubz_id integer not null,
      children double precision not null,
      distance_m double precision,
      supply_per_1000 double precision not null,
      primary key (key, cell_id)
    )`);
  await knex.raw('create index coverage_cell_cache_key_ubz_idx on coverage_cell_cache (key, ubz_id)');
  await knex.raw(`comment on table coverage_cache is 'Parameter sets (categories, age band, threshold, detour) whose cell coverage is cached; emptied by every import'`);
  await knex.raw(`comment on table coverage_cell_cache is 'va_cell_coverage results per parameter set, so that area figures are plain aggregations'`);
}

export async function down(knex: Knex) {
  await knex.raw('drop table coverage_cell_cache');
  await knex.raw('drop table coverage_cache');
}
