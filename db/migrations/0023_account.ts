// Accounts for writes (public reading stays open), their sessions, and the audit trail of every
// change. Passwords are stored as argon2id hashes; a session cookie carries a random token of
// which only the SHA-256 is stored.
import type { Knex } from 'knex';

export async function up(knex: Knex) {
  await knex.raw(`
    create table account (
      id serial primary key,
      login text not null,
      display_name text not null,
      role text not null check (role in ('editor', 'reviewer', 'admin')),
      password_hash text,
      failed_logins integer not null default 0,
      locked_until timestamptz,
      created_at timestamptz not null default now(),
      disabled_at timestamptz
    )`);
  await knex.raw('create unique index account_login_key on account (lower(login))');
  await knex.raw(`comment on table account is 'People who may write: editor (facility data), reviewer (accepts corrections), admin (accounts, imports)'`);
  await knex.raw(`comment on column account.password_hash is 'argon2id hash (PHC string); null for accounts that sign in through OpenID Connect only'`);
  await knex.raw(`comment on column account.locked_until is 'Set after repeated failed logins; no login before this time'`);
  await knex.raw(`
    create table account_session (
      token_sha256 text primary key,
      account_id integer not null references account (id) on delete cascade,
      created_at timestamptz not null default now(),
      expires_at timestamptz not null
    )`);
  await knex.raw('create index account_session_account_idx on account_session (account_id)');
  await knex.raw(`comment on table account_session is 'Login sessions of the web app: the SHA-256 of the cookie token, never the token itself'`);
  await knex.raw(`
    create table audit_log (
      id bigserial primary key,
      at timestamptz not null default now(),
      account_id integer references account (id),
      actor text not null,
      action text not null,
      entity text not null,
      entity_key text not null,
      before jsonb,
      after jsonb,
      reason text
    )`);
  await knex.raw('create index audit_log_entity_idx on audit_log (entity, entity_key, at)');
  await knex.raw(`comment on table audit_log is 'One record per change: who, when, what before and after, and why'`);
}

export async function down(knex: Knex) {
  await knex.raw('drop table audit_log');
  await knex.raw('drop table account_session');
  await knex.raw('drop table account');
}
