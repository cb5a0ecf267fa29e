import type { Knex } from 'knex';

export async function up(knex: Knex) {
  await knex.raw(`
    create table indicator_value (
      area_id integer not null references area (id) on delete cascade,
      indicator_key text not null references indicator (key) on delete cascade,
      year integer not null,
      value double precision not null,
      source_file text not null,
      primary key (area_id, indicator_key, year)
    )`);
  await knex.raw(`comment on table indicator_value is 'Indicator values per sub-district (UBZ) and year, as published'`);
}

export async function down(knex: Knex) {
  await knex.raw('drop table indicator_value');
}
