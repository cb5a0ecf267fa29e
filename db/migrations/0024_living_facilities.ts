// Facilities that editors keep current: every record has a version (optimistic concurrency), an
// origin (the city's import, a manual entry, a CSV supplement), partner details, "last verified",
// and is retired instead of deleted. Reads go through the view `facility` (records in service);
// writes go to `facility_record`. Also: corrections from the field, conflicts between a
// re-import and a manual edit, and API tokens for integrating systems.
import type { Knex } from 'knex';

export async function up(knex: Knex) {
  await knex.raw(`
    alter table facility
      add column version integer not null default 1,
      add column origin text not null default 'import' check (origin in ('import', 'manual', 'supplement')),
      add column phone text,
      add column email text,
      add column website text,
      add column opening_hours text,
      add column languages text[] not null default '{}',
      add column offers text[] not null default '{}',
      add column verified_at timestamptz,
      add column verified_by text,
      add column edited_at timestamptz,
      add column source_values jsonb,
      add column retired_on date,
      add column retired_reason text,
      add column retired_by text,
      add column created_at timestamptz not null default now(),
      add column updated_at timestamptz not null default now()`);
  await knex.raw('alter table facility rename to facility_record');
  await knex.raw('create view facility as select * from facility_record where retired_on is null');
  await knex.raw(`comment on view facility is 'Facilities in service (not retired): what every read, the reach and the coverage use'`);
  await knex.raw(`comment on table facility_record is 'Every facility record, retired ones included; written by the import, editors and reviewers'`);
  await knex.raw(`comment on column facility_record.version is 'Raised by every change; an edit names the version it started from (optimistic concurrency)'`);
  await knex.raw(`comment on column facility_record.origin is 'import: the city''s open data; manual: entered by an editor; supplement: a CSV supplement (source and licence in source_*)'`);
  await knex.raw(`comment on column facility_record.edited_at is 'Last manual edit of an imported record: a re-import then does not overwrite it but lists a conflict'`);
  await knex.raw(`comment on column facility_record.source_values is 'The source''s values as last applied by the import (to tell a changed source from a manual edit)'`);
  await knex.raw(`comment on column facility_record.verified_at is 'Last time an editor checked the entry (zuletzt geprüft); verified_by says who'`);
  await knex.raw(`comment on column facility_record.offers is 'Offer tags of the plan''s focal points (domain/offers.ts)'`);
  await knex.raw(`comment on column facility_record.languages is 'Languages spoken, ISO 639-1 codes'`);
  await knex.raw('create index facility_record_in_service_idx on facility_record (category) where retired_on is null');

  await knex.raw(`
    create table facility_report (
      id serial primary key,
      kind text not null check (kind in ('problem', 'proposal')),
      facility_key text,
      changes jsonb,
      message text not null,
      contact text,
      client_hash text not null,
      created_at timestamptz not null default now(),
      status text not null default 'open' check (status in ('open', 'accepted', 'rejected')),
      reviewed_at timestamptz,
      reviewed_by text,
      review_note text,
      result_key text,
      check ((kind = 'problem') = (facility_key is not null))
    )`);
  await knex.raw('create index facility_report_open_idx on facility_report (created_at) where status = \'open\'');
  await knex.raw(`comment on table facility_report is 'Corrections from the field: a problem with a facility (Fehler melden) or a missing one (Angebot vorschlagen), and the reviewer''s decision'`);
  await knex.raw(`comment on column facility_report.client_hash is 'A salted hash of the reporter''s address, for the rate limit only; the address itself is not stored'`);

  await knex.raw(`
    create table facility_conflict (
      id serial primary key,
      facility_key text not null,
      detected_at timestamptz not null default now(),
      source_file text not null,
      incoming jsonb not null,
      current jsonb not null,
      status text not null default 'open' check (status in ('open', 'source_applied', 'edit_kept')),
      resolved_at timestamptz,
      resolved_by text
    )`);
  await knex.raw('create unique index facility_conflict_open_key on facility_conflict (facility_key) where status = \'open\'');
  await knex.raw(`comment on table facility_conflict is 'A re-import found new source values for a manually edited record: listed for a reviewer instead of overwriting the edit'`);

  await knex.raw(`
    create table api_token (
      id serial primary key,
      name text not null,
      role text not null check (role in ('editor', 'reviewer', 'admin')),
      token_sha256 text not null unique,
      created_by text not null,
      created_at timestamptz not null default now(),
      expires_at timestamptz,
      revoked_at timestamptz,
      last_used_at timestamptz
    )`);
  await knex.raw(`comment on table api_token is 'Bearer tokens for integrating systems: only the SHA-256 of the token is stored'`);
}

export async function down(knex: Knex) {
  await knex.raw('drop table api_token');
  await knex.raw('drop table facility_conflict');
  await knex.raw('drop table facility_report');
  await knex.raw('drop view facility');
  await knex.raw('alter table facility_record rename to facility');
  await knex.raw(`
    alter table facility drop column version, drop column origin, drop column phone, drop column email,
      drop column website, drop column opening_hours, drop column languages, drop column offers,
      drop column verified_at, drop column verified_by, drop column edited_at, drop column source_values,
      drop column retired_on, drop column retired_reason, drop column retired_by, drop column created_at,
      drop column updated_at`);
}
