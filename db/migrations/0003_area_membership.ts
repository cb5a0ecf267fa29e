import type { Knex } from 'knex';

export async function up(knex: Knex) {
  await knex.raw(`
    create table area_membership (
      ubz_id integer not null references area (id) on delete cascade,
      area_id integer not null references area (id) on delete cascade,
      inferred boolean not null default false,
      basis text not null,
      primary key (ubz_id, area_id)
    )`);
  await knex.raw('create index area_membership_area_id_idx on area_membership (area_id)');
  await knex.raw(`comment on table area_membership is 'Which sub-district (UBZ) lies in which area of each level: the hierarchy'`);
  await knex.raw(`comment on column area_membership.inferred is 'True when the membership was not read from the city''s codes but inferred (see basis)'`);
  await knex.raw(`comment on column area_membership.basis is 'Where the membership comes from, in words'`);
}

export async function down(knex: Knex) {
  await knex.raw('drop table area_membership');
}
