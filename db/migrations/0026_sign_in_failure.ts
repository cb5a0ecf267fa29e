// Failed sign-ins, one row each, for the sign-in limits (api/src/modules/accounts/signInLimits.ts):
// kept per login as typed (whether or not such an account exists, so that the limits tell nobody
// which logins exist) and per client (a salted hash of the address, never the address). Rows older
// than a day are deleted as new ones come in.
import type { Knex } from 'knex';

export async function up(knex: Knex) {
  await knex.raw(`
    create table sign_in_failure (
      id bigserial primary key,
      login_key text not null,
      client_hash text not null,
      at timestamptz not null default now()
    )`);
  await knex.raw('create index sign_in_failure_login_idx on sign_in_failure (login_key, at)');
  await knex.raw('create index sign_in_failure_client_idx on sign_in_failure (client_hash, at)');
  await knex.raw('create index sign_in_failure_at_idx on sign_in_failure (at)');
  await knex.raw(`comment on table sign_in_failure is 'One row per failed sign-in (and per attempt in progress), for throttling and the pause of a login from one client'`);
  await knex.raw(`comment on column sign_in_failure.login_key is 'The login as typed, trimmed and lower-cased (at most 100 characters); also for logins that do not exist'`);
  await knex.raw(`comment on column sign_in_failure.client_hash is 'Salted SHA-256 of the client address (app_secret client_salt)'`);
}

export async function down(knex: Knex) {
  await knex.raw('drop table sign_in_failure');
}
