// The anonymous-report limit kept in the database, so that every process of the atlas counts the
// same reports (two processes behind a load balancer must not double it). Each accepted anonymous
// report leaves a hit: the salted hashes of the client and its network, and when; hits older than
// the window are deleted by the next report.
import type { Knex } from 'knex';

export async function up(knex: Knex) {
  await knex.raw(`
    create table report_hit (
      id bigserial primary key,
      client_hash text not null,
      network_hash text not null,
      at timestamptz not null default now()
    )`);
  await knex.raw('create index report_hit_at_idx on report_hit (at)');
  await knex.raw(`comment on table report_hit is 'Anonymous reports within the rate-limit window (api/src/modules/editing/reportLimit.ts): salted hashes only, no addresses'`);
}

export async function down(knex: Knex) {
  await knex.raw('drop table report_hit');
}
