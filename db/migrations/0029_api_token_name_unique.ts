// API token names are unique (revoked tokens included): a scenario's owner and the audit trail name
// a token by its name, and a second token of the same name must not inherit what the first owns.
// Older duplicates get their id appended.
import type { Knex } from 'knex';

export async function up(knex: Knex) {
  await knex.raw(`
    update api_token t set name = t.name || ' #' || t.id
     where exists (select 1 from api_token o where lower(o.name) = lower(t.name) and o.id < t.id)`);
  await knex.raw('create unique index api_token_name_key on api_token (lower(name))');
}

export async function down(knex: Knex) {
  await knex.raw('drop index api_token_name_key');
}
