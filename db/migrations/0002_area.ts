import type { Knex } from 'knex';
import { STORAGE_SRID } from '../../domain/city.ts';

export async function up(knex: Knex) {
  await knex.raw(`
    create table area (
      id serial primary key,
      level text not null check (level in
        ('ubz', 'statistical_district', 'stadtbezirk', 'sozialraum', 'aktionsraum', 'city')),
      code text not null,
      name text not null,
      valid_from date,
      valid_to date,
      geom geometry(MultiPolygon, ${STORAGE_SRID}) not null,
      label_point geometry(Point, ${STORAGE_SRID}) not null,
      area_m2 double precision not null,
      source text not null,
      constraint area_level_code_valid_from_key unique nulls not distinct (level, code, valid_from)
    )`);
  await knex.raw('create index area_geom_gist on area using gist (geom)');
  await knex.raw(`comment on table area is 'Areas of every level of the city''s hierarchy, as polygons in EPSG:${STORAGE_SRID}'`);
  await knex.raw(`comment on column area.level is 'ubz = statistical sub-district (Unterbezirk), statistical_district, stadtbezirk (borough), sozialraum, aktionsraum (action area of the Aktionsplan Soziale Stadt), city'`);
  await knex.raw(`comment on column area.code is 'The city''s number for the area, as text (UBZ ''021'', Stadtbezirk ''20'', Aktionsraum ''013'')'`);
  await knex.raw(`comment on column area.valid_from is 'First day the area is in force (Aktionsräume: the set decided in 2020 is valid from 2021-01-01); null = always'`);
  await knex.raw(`comment on column area.valid_to is 'Last day the area is in force; null = still in force'`);
  await knex.raw(`comment on column area.label_point is 'A point inside the polygon (ST_PointOnSurface) for labels and clicks'`);
  await knex.raw(`comment on column area.area_m2 is 'Area in square metres, geodesic (on the ellipsoid, not in the UTM plane)'`);
  await knex.raw(`comment on column area.source is 'How the polygon was made (source file, or union of which areas)'`);
}

export async function down(knex: Knex) {
  await knex.raw('drop table area');
}
