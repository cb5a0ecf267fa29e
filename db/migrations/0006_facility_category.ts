import type { Knex } from 'knex';

export async function up(knex: Knex) {
  await knex.raw(`
    create table facility_category (
      key text primary key,
      label_de text not null,
      label_en text not null,
      field_of_action text not null check (field_of_action in
        ('betreuung', 'foerderung_bildung', 'jugend_freizeit', 'eltern_beratung_gesundheit', 'sonstige')),
      age_min integer,
      age_max integer,
      description text not null,
      sort_order integer not null
    )`);
  await knex.raw(`comment on table facility_category is 'The facility taxonomy (geodata/taxonomy.ts), loaded by the import'`);
  await knex.raw(`comment on column facility_category.field_of_action is 'Field of action of the plan "Kinder stärken" that the category serves'`);
  await knex.raw(`comment on column facility_category.age_min is 'Youngest target age in years where one is obvious; null = all ages'`);
}

export async function down(knex: Knex) {
  await knex.raw('drop table facility_category');
}
