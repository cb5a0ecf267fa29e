import type { Knex } from 'knex';

export async function up(knex: Knex) {
  await knex.raw(`
    create table cell_reach (
      category text not null references facility_category (key) on delete cascade,
      cell_id integer not null references grid_cell (id) on delete cascade,
      distance_m double precision not null,
      facility_id integer not null references facility (id) on delete cascade,
      primary key (category, cell_id)
    )`);
  await knex.raw(`comment on table cell_reach is 'Straight-line distance from every grid cell to the nearest facility of every child-related category; recomputed after each import'`);
}

export async function down(knex: Knex) {
  await knex.raw('drop table cell_reach');
}
