import type { Knex } from 'knex';

export async function up(knex: Knex) {
  await knex.raw('alter table facility add column capacity integer check (capacity is null or capacity >= 0)');
  await knex.raw(`comment on column facility.capacity is 'Places (e.g. Kita places) where known; null = unknown (no source publishes them yet)'`);
}

export async function down(knex: Knex) {
  await knex.raw('alter table facility drop column capacity');
}
