import type { Knex } from 'knex';

export async function up(knex: Knex) {
  await knex.raw(`
    create view current_area as
    select * from area
     where (valid_from is null or valid_from <= current_date)
       and (valid_to is null or valid_to >= current_date)`);
  await knex.raw(`comment on view current_area is 'Areas in force today (the Aktionsräume have validity dates; other levels are always in force)'`);
  await knex.raw(`
    create view area_ubz as
    select area_id, ubz_id, inferred from area_membership
    union all
    select id, id, false from area where level = 'ubz'`);
  await knex.raw(`comment on view area_ubz is 'Every area with the sub-districts (UBZ) it consists of; a UBZ consists of itself'`);
}

export async function down(knex: Knex) {
  await knex.raw('drop view area_ubz');
  await knex.raw('drop view current_area');
}
