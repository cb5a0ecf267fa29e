// All SQL of editing: facility records (written to facility_record; reads go through the view
// of facilities in service), the audit trail, reports from the field and re-import conflicts.
import type { Db } from '../../../../db/connect.ts';
import { AUDIT_COLUMNS, type AuditRow } from '../accounts/accountStore.ts';
import { facilityColumns, type FacilityRow } from '../facilities/facilityStore.ts';
import { storagePoint } from '../../../../db/geometrySql.ts';

/** Columns an editor may set, by their database names. */
export type FacilityValues = {
  name?: string;
  category?: string;
  subtype?: string | null;
  operator?: string | null;
  capacity?: number | null;
  street?: string | null;
  house_number?: string | null;
  city?: string | null;
  phone?: string | null;
  email?: string | null;
  website?: string | null;
  opening_hours?: string | null;
  languages?: string[];
  offers?: string[];
};

export const EDITABLE_COLUMNS = [
  'name', 'category', 'subtype', 'operator', 'capacity', 'street', 'house_number', 'city',
  'phone', 'email', 'website', 'opening_hours', 'languages', 'offers',
] as const satisfies readonly (keyof FacilityValues)[];

/** A facility as the audit trail keeps it (the fields people see and change). */
export function snapshot(row: FacilityRow) {
  return {
    key: row.key,
    version: row.version,
    name: row.name,
    category: row.category,
    subtype: row.subtype,
    operator: row.operator,
    capacity: row.capacity,
    street: row.street,
    houseNumber: row.house_number,
    city: row.city,
    longitude: Math.round(row.lon * 1e7) / 1e7,
    latitude: Math.round(row.lat * 1e7) / 1e7,
    phone: row.phone,
    email: row.email,
    website: row.website,
    openingHours: row.opening_hours,
    languages: row.languages,
    offers: row.offers,
    verifiedAt: row.verified_at,
    verifiedBy: row.verified_by,
    retiredOn: row.retired_on,
    retiredReason: row.retired_reason,
  };
}

/** The record of a key, locked for the rest of the transaction; null when there is none. */
export async function lockFacility(db: Db, key: string): Promise<FacilityRow | null> {
  const result = await db.raw(
    /* editing.lockFacility */ `
    select ${facilityColumns} from facility_record f join facility_category c on c.key = f.category
     where f.key = ? for update of f`,
    [key],
  );
  return result.rows[0] ?? null;
}

/** The sub-district a point lies in, or null outside the city. */
export async function ubzAt(db: Db, longitude: number, latitude: number): Promise<number | null> {
  const result = await db.raw(
    /* editing.ubzAt */ `
    select a.id from area a
     where a.level = 'ubz' and ST_Intersects(a.geom, ${storagePoint('?::float8', '?::float8')})
     order by a.code limit 1`,
    [longitude, latitude],
  );
  return result.rows[0]?.id ?? null;
}

export type Provenance = { dataset: string; file: string; sha256: string; sourceId: string | null; licence: string; attribution: string };

/** A new record (manual or supplement); returns its key. */
export async function insertFacility(
  db: Db,
  input: { key: string; origin: 'manual' | 'supplement'; values: FacilityValues & { name: string; category: string }; longitude: number; latitude: number; ubzId: number; provenance: Provenance; actor: string },
): Promise<void> {
  const v = input.values;
  await db.raw(
    /* editing.insertFacility */ `
    insert into facility_record (key, origin, name, category, subtype, operator, capacity, street, house_number, city,
      phone, email, website, opening_hours, languages, offers, ubz_id, geom,
      source_dataset, source_file, source_sha256, source_id, licence, attribution, properties, verified_at, verified_by)
    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::text[], ?::text[], ?,
      ${storagePoint('?::float8', '?::float8')}, ?, ?, ?, ?, ?, ?, '{}'::jsonb, now(), ?)`,
    [
      input.key, input.origin, v.name, v.category, v.subtype ?? null, v.operator ?? null, v.capacity ?? null, v.street ?? null,
      v.house_number ?? null, v.city ?? null, v.phone ?? null, v.email ?? null, v.website ?? null, v.opening_hours ?? null,
      v.languages ?? [], v.offers ?? [], input.ubzId, input.longitude, input.latitude,
      input.provenance.dataset, input.provenance.file, input.provenance.sha256, input.provenance.sourceId,
      input.provenance.licence, input.provenance.attribution, input.actor,
    ],
  );
}

/**
 * Changes a record: the given columns, optionally its location, retirement or verification. The
 * version goes up; an imported record is marked as edited, so that a re-import does not overwrite it.
 */
export async function updateFacility(
  db: Db,
  key: string,
  change: {
    values?: FacilityValues;
    location?: { longitude: number; latitude: number; ubzId: number };
    retire?: { on: string; reason: string; by: string };
    verifiedBy?: string;
    edited: boolean;
  },
): Promise<void> {
  const sets: string[] = [];
  const bindings: (string | number | string[] | null)[] = [];
  for (const column of EDITABLE_COLUMNS) {
    const value = change.values?.[column];
    if (value === undefined) continue;
    sets.push(column === 'languages' || column === 'offers' ? `${column} = ?::text[]` : `${column} = ?`);
    bindings.push(value);
  }
  if (change.location) {
    sets.push(`geom = ${storagePoint('?::float8', '?::float8')}`, 'ubz_id = ?');
    bindings.push(change.location.longitude, change.location.latitude, change.location.ubzId);
  }
  if (change.retire) {
    sets.push('retired_on = ?::date', 'retired_reason = ?', 'retired_by = ?');
    bindings.push(change.retire.on, change.retire.reason, change.retire.by);
  }
  if (change.verifiedBy) {
    sets.push('verified_at = now()', 'verified_by = ?');
    bindings.push(change.verifiedBy);
  }
  if (change.edited) sets.push("edited_at = case when origin = 'import' then now() else edited_at end");
  sets.push('version = version + 1', 'updated_at = now()');
  await db.raw(`/* editing.updateFacility */ update facility_record set ${sets.join(', ')} where key = ?`, [...bindings, key]);
}

/** Audit records of one entity, newest first. */
export async function historyOf(db: Db, key: string, first: number, entity = 'facility'): Promise<AuditRow[]> {
  const result = await db.raw(
    /* editing.history */ `select ${AUDIT_COLUMNS} from audit_log where entity = ? and entity_key = ? order by audit_log.id desc limit ?`,
    [entity, key, first],
  );
  return result.rows;
}

export async function latestAudit(db: Db, first: number): Promise<AuditRow[]> {
  const result = await db.raw(/* editing.auditLog */ `select ${AUDIT_COLUMNS} from audit_log order by audit_log.id desc limit ?`, [first]);
  return result.rows;
}

/** The record at an address the atlas knows (street and house number), for a CSV line without coordinates. */
export async function locationOfAddress(db: Db, street: string, houseNumber: string): Promise<{ longitude: number; latitude: number } | null> {
  const result = await db.raw(
    /* editing.addressLocation */ `
    select ST_X(ST_Transform(geom, 4326)) as longitude, ST_Y(ST_Transform(geom, 4326)) as latitude
      from facility_record
     where lower(street) = lower(?) and lower(house_number) = lower(?)
     order by retired_on nulls first, id limit 1`,
    [street.trim(), houseNumber.trim()],
  );
  return result.rows[0] ?? null;
}

// ---- reports from the field ----

export type ReportRow = {
  id: number;
  kind: 'problem' | 'proposal';
  facility_key: string | null;
  changes: Record<string, unknown> | null;
  message: string;
  contact: string | null;
  status: 'open' | 'accepted' | 'rejected';
  created_at: string;
  reviewed_at: string | null;
  reviewed_by: string | null;
  review_note: string | null;
  result_key: string | null;
};

const REPORT_COLUMNS = `id, kind, facility_key, changes, message, contact, status,
  to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as created_at,
  to_char(reviewed_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as reviewed_at, reviewed_by, review_note, result_key`;

export async function insertReport(
  db: Db,
  report: { kind: 'problem' | 'proposal'; facilityKey: string | null; changes: Record<string, unknown> | null; message: string; contact: string | null; clientHash: string },
): Promise<ReportRow> {
  const result = await db.raw(
    /* editing.insertReport */ `
    insert into facility_report (kind, facility_key, changes, message, contact, client_hash)
    values (?, ?, ?::jsonb, ?, ?, ?) returning ${REPORT_COLUMNS}`,
    [report.kind, report.facilityKey, report.changes ? JSON.stringify(report.changes) : null, report.message, report.contact, report.clientHash],
  );
  return result.rows[0];
}

export async function listReports(db: Db, status: string, first: number): Promise<ReportRow[]> {
  const result = await db.raw(
    /* editing.listReports */ `select ${REPORT_COLUMNS} from facility_report where status = ? order by ${status === 'open' ? 'id' : 'facility_report.reviewed_at desc, facility_report.id desc'} limit ?`,
    [status, first],
  );
  return result.rows;
}

export async function lockReport(db: Db, id: number): Promise<ReportRow | null> {
  const result = await db.raw(/* editing.lockReport */ `select ${REPORT_COLUMNS} from facility_report where id = ? for update`, [id]);
  return result.rows[0] ?? null;
}

export async function decideReport(db: Db, id: number, decision: { status: 'accepted' | 'rejected'; by: string; note: string | null; resultKey: string | null }): Promise<ReportRow> {
  const result = await db.raw(
    /* editing.decideReport */ `
    update facility_report set status = ?, reviewed_at = now(), reviewed_by = ?, review_note = ?, result_key = ?
     where id = ? returning ${REPORT_COLUMNS}`,
    [decision.status, decision.by, decision.note, decision.resultKey, id],
  );
  return result.rows[0];
}

// ---- conflicts between a re-import and manual edits ----

export type ConflictRow = {
  id: number;
  facility_key: string;
  detected_at: string;
  source_file: string;
  incoming: Record<string, unknown>;
  current: Record<string, unknown>;
  status: 'open' | 'source_applied' | 'edit_kept';
  resolved_by: string | null;
};

const CONFLICT_COLUMNS = `id, facility_key, to_char(detected_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as detected_at,
  source_file, incoming, current, status, resolved_by`;

export async function listConflicts(db: Db, openOnly: boolean, first: number): Promise<ConflictRow[]> {
  const result = await db.raw(
    /* editing.listConflicts */ `select ${CONFLICT_COLUMNS} from facility_conflict where (not ? or status = 'open') order by id limit ?`,
    [openOnly, first],
  );
  return result.rows;
}

export async function lockConflict(db: Db, id: number): Promise<ConflictRow | null> {
  const result = await db.raw(/* editing.lockConflict */ `select ${CONFLICT_COLUMNS} from facility_conflict where id = ? for update`, [id]);
  return result.rows[0] ?? null;
}

export async function resolveConflict(db: Db, id: number, status: 'source_applied' | 'edit_kept', by: string): Promise<ConflictRow> {
  const result = await db.raw(
    /* editing.resolveConflict */ `
    update facility_conflict set status = ?, resolved_at = now(), resolved_by = ? where id = ? returning ${CONFLICT_COLUMNS}`,
    [status, by, id],
  );
  return result.rows[0];
}

/** Marks the source values as seen (keep the edit) or applies them and lets the import own the record again. */
export async function settleSourceValues(db: Db, key: string, incoming: Record<string, unknown>, apply: boolean): Promise<void> {
  if (!apply) {
    await db.raw(/* editing.keepEdit */ 'update facility_record set source_values = ?::jsonb where key = ?', [JSON.stringify(incoming), key]);
    return;
  }
  if (incoming.inSource === false) {
    await db.raw(
      /* editing.applyRemoval */ `
      update facility_record set retired_on = current_date, retired_by = 'import', retired_reason = 'not in the city''s open data any more',
             edited_at = null, version = version + 1, updated_at = now()
       where key = ?`,
      [key],
    );
    return;
  }
  await db.raw(
    /* editing.applySource */ `
    update facility_record f set name = i.name, category = i.category, subtype = i.subtype, operator = i.operator,
           street = i.street, house_number = i."houseNumber", city = i.city,
           geom = ${storagePoint('i.lon', 'i.lat')},
           ubz_id = (select a.id from area a where a.level = 'ubz'
                      and ST_Intersects(a.geom, ${storagePoint('i.lon', 'i.lat')}) order by a.code limit 1),
           source_values = ?::jsonb, retired_on = null, retired_by = null, retired_reason = null,
           edited_at = null, version = f.version + 1, updated_at = now()
      from jsonb_to_record(?::jsonb) as i(name text, category text, subtype text, operator text, street text, "houseNumber" text, city text, lon float8, lat float8)
     where f.key = ?`,
    [JSON.stringify(incoming), JSON.stringify(incoming), key],
  );
}
