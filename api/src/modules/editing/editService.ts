// Every change to a facility goes through here, in one transaction: the role check has been done
// by the resolver; here the version is compared (optimistic concurrency), the values validated,
// the record written, exactly one audit record written, and the reach of the affected categories
// recomputed and their cached coverage dropped, so that the next answer counts the change.
import { randomUUID } from 'node:crypto';
import { GraphQLError } from 'graphql';
import type { Knex } from 'knex';
import type { Db } from '../../../../db/connect.ts';
import { invalidateCoverage } from '../../../../geodata/coverageCache.ts';
import { reachCategories } from '../../../../domain/taxonomy.ts';
import { FACILITY_WRITE_LOCK_KEY } from '../../../../geodata/import/importStore.ts';
import { extendReach, refreshReach } from '../../../../geodata/import/refreshReach.ts';
import { audit, type AuditRow } from '../accounts/accountStore.ts';
import { actorOf, type Principal } from '../accounts/auth.ts';
import { badUserInput } from '../common/errors.ts';
import { checkLonLat, type LonLat } from '../common/geometry.ts';
import type { FacilityRow } from '../facilities/facilityStore.ts';
import * as editStore from './editStore.ts';
import { ATLAS_TITLE, OUTSIDE_CITY, todayInCity } from '../../../../domain/city.ts';
import { REPORT_LIMIT } from './reportLimit.ts';


export type ChangeResult = { facility: FacilityRow; audit: AuditRow; reachRecomputed: string[] };

export const notFound = (what: string) => new GraphQLError(`${what} does not exist.`, { extensions: { code: 'NOT_FOUND', http: { status: 404 } } });


/** Runs a write in a transaction that holds the facility write lock. */
export async function inWriteTransaction<T>(db: Db, work: (trx: Knex.Transaction) => Promise<T>): Promise<T> {
  return (db as Knex).transaction(async (trx) => {
    await trx.raw(/* editing.lock */ 'select pg_advisory_xact_lock(?)', [FACILITY_WRITE_LOCK_KEY]);
    return work(trx);
  });
}

/** A point for a facility: valid coordinates inside the city; with its sub-district. */
export async function checkLocation(db: Db, point: LonLat, name = 'location') {
  const { longitude, latitude } = checkLonLat(point, name);
  const ubzId = await editStore.ubzAt(db, longitude, latitude);
  if (ubzId === null) throw badUserInput(`${name} (${longitude}, ${latitude}) ${OUTSIDE_CITY}; a facility must lie inside the city`);
  return { longitude, latitude, ubzId };
}

/**
 * After a change to facilities: the reach of the categories whose facilities moved, appeared or
 * went is rebuilt (only these), and every cached coverage counting the changed categories is dropped.
 */
export async function afterFacilityChange(trx: Db, reach: string[], supply: string[] = []): Promise<string[]> {
  const recompute = [...new Set(reach)].filter((c) => reachCategories.includes(c));
  if (recompute.length) await refreshReach(trx, recompute, { replaceAll: false });
  const stale = [...new Set([...reach, ...supply])];
  if (stale.length) await invalidateCoverage(trx, stale);
  return recompute;
}

/** The one audit record of a change to a facility (snapshots before and after). */
export function auditFacility(trx: Db, who: Principal, action: string, key: string, before: FacilityRow | null, after: FacilityRow | null, reason: string | null) {
  return audit(trx, {
    accountId: who.account_id,
    actor: actorOf(who),
    action,
    entity: 'facility',
    entityKey: key,
    before: before ? editStore.snapshot(before) : null,
    after: after ? editStore.snapshot(after) : null,
    reason,
  });
}

async function reload(trx: Db, key: string): Promise<FacilityRow> {
  return (await editStore.lockFacility(trx, key))!;
}

function versionConflict(row: FacilityRow, version: number, yours: unknown) {
  return new GraphQLError(
    `The facility was changed meanwhile: it is at version ${row.version}, your edit started from version ${version}. Both are in the error's extensions; start again from the current one.`,
    { extensions: { code: 'VERSION_CONFLICT', http: { status: 409 }, currentVersion: row.version, current: editStore.snapshot(row), yours } },
  );
}

/** The record to change: it exists, is in service, and is at the version the edit started from. */
async function lockForEdit(trx: Db, key: string, version: number, yours: unknown): Promise<FacilityRow> {
  const row = await editStore.lockFacility(trx, key);
  if (!row) throw notFound(`The facility "${key}"`);
  if (row.version !== version) throw versionConflict(row, version, yours);
  if (row.retired_on) throw badUserInput(`The facility "${key}" was retired on ${row.retired_on}; it can no longer be changed`);
  return row;
}

const MANUAL_PROVENANCE = {
  dataset: 'versorgungsatlas',
  file: 'redaktion',
  sha256: '',
  sourceId: null,
  licence: 'Eigene Erfassung der Redaktion des Versorgungsatlas',
  attribution: `${ATLAS_TITLE.de}, Redaktion`,
};

export async function createFacility(
  trx: Db,
  who: Principal,
  values: editStore.FacilityValues & { name: string; category: string },
  location: LonLat,
  reason: string | null,
  action = 'facility.create',
): Promise<ChangeResult> {
  const at = await checkLocation(trx, location);
  const key = `manual:${randomUUID()}`;
  await editStore.insertFacility(trx, { key, origin: 'manual', values, ...at, provenance: MANUAL_PROVENANCE, actor: actorOf(who) });
  const row = await reload(trx, key);
  const record = await auditFacility(trx, who, action, key, null, row, reason);
  // A new facility only brings pieces nearer: its category's reach is extended, not rebuilt.
  const extended = reachCategories.includes(row.category);
  if (extended) await extendReach(trx, row.category, row.id);
  await afterFacilityChange(trx, [], [row.category]);
  return { facility: row, audit: record, reachRecomputed: extended ? [row.category] : [] };
}

export type Edit =
  | { kind: 'update'; values: editStore.FacilityValues; location?: LonLat }
  | { kind: 'move'; location: LonLat }
  | { kind: 'retire'; on: string; reason: string }
  | { kind: 'confirm' };

/** Checks an ISO date of a retirement: a real date, not in the future. */
export function checkRetirementDate(on: string | null | undefined): string {
  const today = todayInCity();
  if (on == null) return today;
  const date = new Date(`${on}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(on) || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== on) {
    throw badUserInput(`on must be a date as YYYY-MM-DD (got "${on}")`);
  }
  if (on > today) throw badUserInput(`on (${on}) lies in the future; retire a facility when it has closed (today is ${today})`);
  if (on < '1900-01-01') throw badUserInput(`on (${on}) is before 1900`);
  return on;
}

/** Applies one edit to a facility at a known version; one audit record. */
export async function editFacility(
  trx: Db,
  who: Principal,
  key: string,
  version: number,
  edit: Edit,
  reason: string | null,
  action = `facility.${edit.kind}`,
): Promise<ChangeResult> {
  const before = await lockForEdit(trx, key, version, edit);
  const actor = actorOf(who);
  let reach: string[] = [];
  let supply: string[] = [];
  switch (edit.kind) {
    case 'update': {
      if (Object.keys(edit.values).length === 0 && !edit.location) throw badUserInput('fields: nothing to change; give at least one field');
      const at = edit.location ? await checkLocation(trx, edit.location) : undefined;
      await editStore.updateFacility(trx, key, { values: edit.values, location: at, edited: true });
      if (edit.values.category && edit.values.category !== before.category) reach = [before.category, edit.values.category];
      if (at) reach.push(before.category);
      if (edit.values.capacity !== undefined && edit.values.capacity !== before.capacity) supply = [before.category];
      break;
    }
    case 'move': {
      const at = await checkLocation(trx, edit.location);
      await editStore.updateFacility(trx, key, { location: at, edited: true });
      reach = [before.category];
      break;
    }
    case 'retire':
      await editStore.updateFacility(trx, key, { retire: { on: edit.on, reason: edit.reason, by: actor }, edited: true });
      reach = [before.category];
      break;
    case 'confirm':
      await editStore.updateFacility(trx, key, { verifiedBy: actor, edited: false });
      break;
  }
  const after = await reload(trx, key);
  const record = await auditFacility(trx, who, action, key, before, after, reason);
  return { facility: after, audit: record, reachRecomputed: await afterFacilityChange(trx, reach, supply) };
}

// ---- reports: who may send how many ----

export { REPORT_LIMIT };

export const rateLimited = () =>
  new GraphQLError(
    `Too many reports from this address: at most ${REPORT_LIMIT.perClient} an hour. Please try again later.`,
    { extensions: { code: 'RATE_LIMITED', http: { status: 429 } } },
  );
