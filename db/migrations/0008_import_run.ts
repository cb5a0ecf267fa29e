import type { Knex } from 'knex';

export async function up(knex: Knex) {
  await knex.raw(`
    create table import_run (
      id serial primary key,
      started_at timestamptz not null,
      finished_at timestamptz not null,
      sources jsonb not null,
      report jsonb not null
    )`);
  await knex.raw(`comment on table import_run is 'One row per successful import: the files read (with checksums) and what was skipped and why'`);
}

export async function down(knex: Knex) {
  await knex.raw('drop table import_run');
}
