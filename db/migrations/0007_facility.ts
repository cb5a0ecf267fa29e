import type { Knex } from 'knex';
import { STORAGE_SRID } from '../../domain/city.ts';

export async function up(knex: Knex) {
  await knex.raw(`
    create table facility (
      id serial primary key,
      key text not null unique,
      name text not null,
      category text not null references facility_category (key),
      subtype text,
      operator text,
      street text,
      house_number text,
      city text,
      ubz_id integer references area (id) on delete set null,
      city_codes jsonb,
      geom geometry(Point, ${STORAGE_SRID}) not null,
      source_dataset text not null,
      source_file text not null,
      source_sha256 text not null,
      source_id text,
      licence text not null,
      attribution text not null,
      properties jsonb not null,
      imported_at timestamptz not null default now()
    )`);
  await knex.raw('create index facility_geom_gist on facility using gist (geom)');
  await knex.raw('create index facility_category_idx on facility (category)');
  await knex.raw('create index facility_ubz_id_idx on facility (ubz_id)');
  await knex.raw(`comment on table facility is 'Facilities (Kitas, schools, youth centres, playgrounds, ...) as points in EPSG:${STORAGE_SRID}'`);
  await knex.raw(`comment on column facility.key is 'Stable key: re-importing the same source updates the row instead of adding one'`);
  await knex.raw(`comment on column facility.subtype is 'The source''s own kind (objektart, OSM healthcare tag), e.g. Gymnasium, Wasserspielplatz'`);
  await knex.raw(`comment on column facility.operator is 'Operator (Träger) where the name reveals it (FABIDO, AWO, Ev., Kath., ...); null when unknown'`);
  await knex.raw(`comment on column facility.ubz_id is 'The sub-district whose polygon contains the point'`);
  await knex.raw(`comment on column facility.city_codes is 'Area codes the city wrote on the point (ubznr, statbeznr, stadtbeznr, sozialrnr, aktionsrnr)'`);
  await knex.raw(`comment on column facility.source_sha256 is 'Checksum of the source file this record was read from'`);
}

export async function down(knex: Knex) {
  await knex.raw('drop table facility');
}
