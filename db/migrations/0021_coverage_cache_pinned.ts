import type { Knex } from 'knex';

export async function up(knex: Knex) {
  await knex.raw('alter table coverage_cache add column pinned boolean not null default false');
  await knex.raw(`comment on column coverage_cache.pinned is 'Precomputed at import for a default target (kept); other entries are bounded in number, the oldest dropped first'`);
}

export async function down(knex: Knex) {
  await knex.raw('alter table coverage_cache drop column pinned');
}
