// The lock on the account row (failed_logins, locked_until) counted failures for ever and let
// anybody keep an account locked; the sign-in limits now live in sign_in_failure.
import type { Knex } from 'knex';

export async function up(knex: Knex) {
  await knex.raw('alter table account drop column failed_logins, drop column locked_until');
}

export async function down(knex: Knex) {
  await knex.raw('alter table account add column failed_logins integer not null default 0, add column locked_until timestamptz');
}
