// Clients from which a login signed in successfully: the per-login throttle (against guessing from
// many addresses) does not hold back the place where the person behind it works.
import type { Knex } from 'knex';

export async function up(knex: Knex) {
  await knex.raw(`
    create table sign_in_known_client (
      login_key text not null,
      client_hash text not null,
      last_success_at timestamptz not null default now(),
      primary key (login_key, client_hash)
    )`);
  await knex.raw(`comment on table sign_in_known_client is 'Where a login last signed in successfully (salted address hash); exempt from the per-login throttle for 30 days'`);
}

export async function down(knex: Knex) {
  await knex.raw('drop table sign_in_known_client');
}
