import type { Knex } from 'knex';

// cell_reach is derived data, rebuilt whole inside the import's transaction: its foreign keys
// only cost a trigger call per row (three per row, 630,000 rows: most of the import's time on
// the embedded database) and never caught anything the rebuild does not.
export async function up(knex: Knex) {
  await knex.raw('alter table cell_reach drop constraint if exists cell_reach_category_fkey');
  await knex.raw('alter table cell_reach drop constraint if exists cell_reach_cell_id_fkey');
  await knex.raw('alter table cell_reach drop constraint if exists cell_reach_facility_id_fkey');
  // The index on cell_id served the cascade from grid_cell; every query reads by category.
  await knex.raw('drop index if exists cell_reach_cell_id_idx');
  await knex.raw('drop function if exists va_refresh_reach(text[])');
  await knex.raw(`comment on table cell_reach is 'Straight-line distance from every grid piece to the nearest facility of every child-related category (geodata/import/refreshReach.ts); rebuilt with the grid and after facility changes'`);
}

export async function down(knex: Knex) {
  await knex.raw('create index cell_reach_cell_id_idx on cell_reach (cell_id)');
  await knex.raw('alter table cell_reach add foreign key (category) references facility_category (key) on delete cascade');
  await knex.raw('alter table cell_reach add foreign key (cell_id) references grid_cell (id) on delete cascade');
  await knex.raw('alter table cell_reach add foreign key (facility_id) references facility (id) on delete cascade');
}
