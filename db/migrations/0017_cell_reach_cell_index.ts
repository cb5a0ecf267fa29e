import type { Knex } from 'knex';

export async function up(knex: Knex) {
  await knex.raw('create index cell_reach_cell_id_idx on cell_reach (cell_id)');
}

export async function down(knex: Knex) {
  await knex.raw('drop index cell_reach_cell_id_idx');
}
