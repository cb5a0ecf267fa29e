import type { Knex } from 'knex';

export async function up(knex: Knex) {
  await knex.raw('alter table grid_cell add column census_count double precision not null default 0');
  await knex.raw(`comment on column grid_cell.census_count is 'Census persons of the census age class located on this piece: each census cell''s count shared by the piece''s share of the cell''s area'`);
  await knex.raw(`comment on table grid_cell is 'Grid aligned with the census grid (squares of EPSG:3035, default 100 m) clipped to the sub-districts: the places where children live and from which distances are measured'`);
}

export async function down(knex: Knex) {
  await knex.raw('alter table grid_cell drop column census_count');
}
