// Secrets of this installation, made once: the salt of client address hashes, so that the hashes
// stay the same across restarts and processes (sign-in limits, report limits) without keeping any
// address.
import type { Knex } from 'knex';

export async function up(knex: Knex) {
  await knex.raw(`
    create table app_secret (
      name text primary key,
      value text not null,
      created_at timestamptz not null default now()
    )`);
  await knex.raw(`comment on table app_secret is 'Random values of this installation (client_salt: salt of client address hashes); never sent to a client'`);
}

export async function down(knex: Knex) {
  await knex.raw('drop table app_secret');
}
