import type { Knex } from 'knex';
import { CITY } from '../../domain/city.ts';

export async function up(knex: Knex) {
  await knex.raw(`
    create table indicator (
      key text primary key,
      label_de text not null,
      label_en text not null,
      unit text not null,
      description text not null,
      source text not null
    )`);
  await knex.raw(`comment on table indicator is 'Definitions of the social indicators (Statistikatlas ${CITY.name})'`);
  await knex.raw(`comment on column indicator.unit is 'percent, per_1000, years, per_ha, sqm_per_inhabitant'`);
}

export async function down(knex: Knex) {
  await knex.raw('drop table indicator');
}
