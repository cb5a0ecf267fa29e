import type { Knex } from 'knex';
import { STORAGE_SRID } from '../../domain/city.ts';

export async function up(knex: Knex) {
  await knex.raw(`
    create table grid_cell (
      id serial primary key,
      ubz_id integer not null references area (id) on delete cascade,
      geom geometry(Polygon, ${STORAGE_SRID}) not null,
      point geometry(Point, ${STORAGE_SRID}) not null,
      area_m2 double precision not null
    )`);
  await knex.raw('create index grid_cell_point_gist on grid_cell using gist (point)');
  await knex.raw('create index grid_cell_ubz_id_idx on grid_cell (ubz_id)');
  await knex.raw(`comment on table grid_cell is 'Regular grid (default 100 m) clipped to the sub-districts: where children are assumed to live, spread evenly over each UBZ'`);
  await knex.raw(`comment on column grid_cell.point is 'A point inside the cell piece (ST_PointOnSurface) from which distances are measured'`);
  await knex.raw(`comment on column grid_cell.area_m2 is 'Planar area of the piece; its share of the UBZ area is its share of the UBZ''s children'`);
}

export async function down(knex: Knex) {
  await knex.raw('drop table grid_cell');
}
