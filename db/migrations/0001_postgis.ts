import type { Knex } from 'knex';

export async function up(knex: Knex) {
  await knex.raw('create extension if not exists postgis');
}

export async function down(knex: Knex) {
  await knex.raw('drop extension if exists postgis');
}
