import type { Knex } from 'knex';

export async function up(knex: Knex) {
  await knex.raw(`
    create table ubz_distribution (
      ubz_id integer primary key references area (id) on delete cascade,
      method text not null check (method in ('census', 'even')),
      census_count double precision not null,
      area_m2 double precision not null,
      source text
    )`);
  await knex.raw(`comment on table ubz_distribution is 'How the children of each sub-district are spread over its grid pieces: by the census grid (census), or evenly by area where the census located nobody in it (even, a flagged fallback)'`);
  await knex.raw(`comment on column ubz_distribution.census_count is 'Census persons located in the sub-district (sum over its pieces)'`);
  await knex.raw(`comment on column ubz_distribution.area_m2 is 'Area of all grid pieces of the sub-district'`);
  await knex.raw(`comment on column ubz_distribution.source is 'Dataset key of the census grid used; null without one'`);
}

export async function down(knex: Knex) {
  await knex.raw('drop table ubz_distribution');
}
