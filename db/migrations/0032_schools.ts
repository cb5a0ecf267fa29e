// The state's schools (geodata/schools/): IT.NRW's directory with pupils, the ministry's social
// index and the Startchancen flag, at the register's official position, each matched to the city's
// school point where one is; the city's school points no school of the state's list matches; and
// per category whether the 2SFCA supply counts places or pupils.
import type { Knex } from 'knex';
import { STORAGE_SRID } from '../../domain/city.ts';

export async function up(knex: Knex) {
  await knex.raw(`
    create table school (
      schulnummer text primary key,
      school_year text not null,
      schulform text not null,
      name text not null,
      address text not null,
      legal_status text not null,
      pupils integer check (pupils >= 0),
      social_index smallint check (social_index between 1 and 9),
      startchancen boolean not null,
      category text references facility_category (key),
      geom geometry(Point, ${STORAGE_SRID}),
      ubz_id integer references area (id) on delete set null,
      facility_key text,
      match text check (match in ('address_and_name', 'position_and_name', 'name', 'position', 'shared_site')),
      match_distance_m double precision,
      match_note text,
      nearest_key text,
      nearest_name text,
      nearest_distance_m double precision,
      check ((facility_key is null) = (match is null))
    )`);
  await knex.raw('create index school_facility_key_idx on school (facility_key)');
  await knex.raw('create index school_ubz_id_idx on school (ubz_id)');
  await knex.raw(`comment on table school is 'Every school of the city in the state''s directory (IT.NRW, 2024/25): pupils (rounded to 5), social index 1-9, Startchancen; official position from the ministry''s register (EPSG:${STORAGE_SRID}; null when the register lacks the school); the city''s point it is matched to'`);
  await knex.raw(`comment on column school.category is 'The atlas category of the school form; null: not children''s provision (Berufskolleg, Weiterbildungskolleg), kept out of the children''s coverage'`);
  await knex.raw(`comment on column school.match is 'How the city''s point was found: address_and_name, position_and_name, name (no official position), position (same place, another name), shared_site (two schools in one building); null: only in the state''s list'`);
  await knex.raw(`comment on column school.ubz_id is 'The sub-district of the official position, else of the matched point'`);
  await knex.raw(`
    create table school_city_only (
      facility_key text primary key,
      name text not null,
      category text not null,
      nearest_schulnummer text,
      nearest_name text,
      nearest_distance_m double precision
    )`);
  await knex.raw(`comment on table school_city_only is 'The city''s school points no school of the state''s directory is matched to (a branch site, a closed school, a school not in the state''s list), with the nearest school of the list'`);
  await knex.raw(`alter table facility_category add column sized_by text not null default 'places' check (sized_by in ('places', 'pupils'))`);
  await knex.raw(`comment on column facility_category.sized_by is 'What the 2SFCA supply counts for a target of only such categories: places (capacity, else facilities) or pupils (the state''s directory, once imported)'`);
}

export async function down(knex: Knex) {
  await knex.raw('alter table facility_category drop column sized_by');
  await knex.raw('drop table school_city_only');
  await knex.raw('drop table school');
}
