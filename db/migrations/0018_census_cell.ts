import type { Knex } from 'knex';
import { CENSUS_SRID, STORAGE_SRID } from '../../domain/city.ts';

export async function up(knex: Knex) {
  await knex.raw(`
    create table census_cell (
      id serial primary key,
      grid_id text not null unique,
      geom geometry(Polygon, ${STORAGE_SRID}) not null,
      count integer not null check (count >= 0),
      quality integer,
      source text not null,
      ref_date date not null
    )`);
  await knex.raw('create index census_cell_geom_gist on census_cell using gist (geom)');
  await knex.raw(`comment on table census_cell is 'Census grid cells that touch the city: persons of one age class per cell (Zensus 2011: under 10); cells under 3 persons are not published by the census office'`);
  await knex.raw(`comment on column census_cell.grid_id is 'INSPIRE cell id, e.g. CRS3035RES100mN3102100E4110500 (lower-left corner in EPSG:3035)'`);
  await knex.raw(`comment on column census_cell.geom is 'The cell square of EPSG:${CENSUS_SRID}, transformed to EPSG:${STORAGE_SRID}'`);
  await knex.raw(`comment on column census_cell.quality is 'The census office''s quality flag of the count, where the file has one'`);
  await knex.raw(`comment on column census_cell.source is 'Dataset key of the source manifest (geodata/sources.json)'`);
}

export async function down(knex: Knex) {
  await knex.raw('drop table census_cell');
}
