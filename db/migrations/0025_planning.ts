// Planning the measures: what-if scenarios (planned changes to facilities, never touching the
// real ones), the measures of each Aktionsraum's action plan, and the planner role that writes them.
import type { Knex } from 'knex';
import { STORAGE_SRID } from '../../domain/city.ts';

export async function up(knex: Knex) {
  for (const table of ['account', 'api_token']) {
    await knex.raw(`alter table ${table} drop constraint if exists ${table}_role_check`);
    await knex.raw(`alter table ${table} add constraint ${table}_role_check check (role in ('editor', 'reviewer', 'planner', 'admin'))`);
  }

  await knex.raw(`
    create table scenario (
      id serial primary key,
      key text not null unique,
      title text not null,
      description text not null default '',
      owner_account_id integer references account (id),
      owner text not null,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`);
  await knex.raw(`comment on table scenario is 'A what-if scenario: planned changes to facilities, evaluated against the real data without changing it. Its key is unguessable: whoever has the link may read it'`);

  await knex.raw(`
    create table scenario_change (
      id serial primary key,
      scenario_id integer not null references scenario (id) on delete cascade,
      position integer not null,
      kind text not null check (kind in ('add', 'close', 'move', 'capacity')),
      facility_key text,
      category text references facility_category (key),
      name text,
      geom geometry(Point, ${STORAGE_SRID}),
      capacity integer check (capacity between 0 and 3000),
      check ((kind = 'add') = (facility_key is null)),
      check (kind <> 'add' or (category is not null and geom is not null)),
      check (kind <> 'move' or geom is not null),
      check (kind <> 'capacity' or capacity is not null)
    )`);
  await knex.raw('create index scenario_change_scenario_idx on scenario_change (scenario_id, position)');
  await knex.raw(`comment on table scenario_change is 'One planned change: add a facility (category, point, capacity), close or move an existing one (facility_key), or change its capacity'`);

  await knex.raw(`
    create table measure (
      id serial primary key,
      aktionsraum_code text not null,
      title text not null,
      field text not null,
      focal_point text not null,
      status text not null check (status in ('proposed', 'decided', 'in_progress', 'done')),
      responsible text not null default '',
      cost_eur numeric(12, 2) check (cost_eur >= 0),
      budget_year integer not null check (budget_year between 2008 and 2100),
      scenario_id integer references scenario (id) on delete set null,
      internal boolean not null default false,
      notes text not null default '',
      version integer not null default 1,
      created_by text not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`);
  await knex.raw('create index measure_aktionsraum_idx on measure (aktionsraum_code, budget_year)');
  await knex.raw(`comment on table measure is 'A measure (Maßnahme) of an Aktionsraum''s action plan: field of action and focal point of the working group "Kinder stärken", status, responsible body, cost in a budget year, optionally the scenario that measures its effect'`);
}

export async function down(knex: Knex) {
  await knex.raw('drop table measure');
  await knex.raw('drop table scenario_change');
  await knex.raw('drop table scenario');
  for (const table of ['account', 'api_token']) {
    await knex.raw(`alter table ${table} drop constraint if exists ${table}_role_check`);
    await knex.raw(`alter table ${table} add constraint ${table}_role_check check (role in ('editor', 'reviewer', 'admin'))`);
  }
}
