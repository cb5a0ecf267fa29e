// CSV supplements: additional facilities from a named source (Familienzentren, advice services,
// ...) with their licence. Every line is checked first; with any error nothing is written and
// the report lists each bad line. The same source and id update their record on a later import.
import { createHash } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import type { FacilityFields, SupplementSource } from '../../generated/resolvers.ts';
import { actorOf, type Principal } from '../accounts/auth.ts';
import { badUserInput } from '../common/errors.ts';
import { afterFacilityChange, auditFacility, inWriteTransaction } from './editService.ts';
import * as editStore from './editStore.ts';
import { checkText, facilityValues } from './facilityFields.ts';
import type { Db } from '../../../../db/connect.ts';
import { CITY, OUTSIDE_CITY } from '../../../../domain/city.ts';

export const MAX_SUPPLEMENT_LINES = 5000;

const KNOWN_COLUMNS = [
  'id', 'name', 'category', 'subtype', 'operator', 'capacity', 'street', 'house_number', 'city', 'longitude', 'latitude',
  'phone', 'email', 'website', 'opening_hours', 'languages', 'offers',
];

type Line = { line: number; status: 'CREATED' | 'UPDATED' | 'UNCHANGED' | 'ERROR'; key: string | null; message: string | null };

type Parsed = {
  line: number;
  key: string;
  values: editStore.FacilityValues & { name: string; category: string };
  location: { longitude: number; latitude: number; ubzId: number };
};

const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);

function parseCsv(csv: string): { header: string[]; rows: { line: number; record: Record<string, string> }[] } {
  const firstLine = csv.slice(0, csv.indexOf('\n') === -1 ? undefined : csv.indexOf('\n'));
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parse(csv, { columns: (h: string[]) => h.map((c) => c.trim().toLowerCase()), delimiter, bom: true, skip_empty_lines: true, trim: true, info: true });
  } catch (error) {
    throw badUserInput(`csv: the file cannot be read as CSV: ${(error as Error).message}`);
  }
  const header = Object.keys(records[0]?.record ?? {});
  return { header, rows: records.map((r) => ({ line: r.info.lines, record: r.record })) };
}

const list = (value: string | undefined) => (value ? value.split(/[;|]/).map((v) => v.trim()).filter(Boolean) : undefined);
const orUndefined = (value: string | undefined) => (value === undefined || value === '' ? undefined : value);

export async function importSupplement(db: Db, who: Principal, csv: string, source: SupplementSource, dryRun: boolean) {
  const name = checkText('source.name', source.name, 2, 100);
  const licence = checkText('source.licence', source.licence, 2, 200);
  const attribution = checkText('source.attribution', source.attribution, 2, 300);
  const { header, rows } = parseCsv(csv);
  if (rows.length === 0) throw badUserInput('csv: no lines after the header');
  if (rows.length > MAX_SUPPLEMENT_LINES) throw badUserInput(`csv: ${rows.length} lines; at most ${MAX_SUPPLEMENT_LINES} per import`);
  const missing = ['name', 'category'].filter((c) => !header.includes(c));
  if (missing.length) throw badUserInput(`csv: the header lacks the column(s) ${missing.join(', ')}; columns: ${KNOWN_COLUMNS.join(', ')}`);
  const unknown = header.filter((c) => !KNOWN_COLUMNS.includes(c));
  if (unknown.length) throw badUserInput(`csv: unknown column(s) ${unknown.join(', ')}; columns: ${KNOWN_COLUMNS.join(', ')}`);
  const sourceSlug = slug(name);
  const sha256 = createHash('sha256').update(csv).digest('hex');

  const lines: Line[] = [];
  const parsed: Parsed[] = [];
  const seen = new Map<string, number>();
  for (const { line, record } of rows) {
    try {
      const capacity = orUndefined(record.capacity);
      if (capacity !== undefined && !/^\d+$/.test(capacity)) throw badUserInput(`capacity must be a whole number (got "${capacity}")`);
      const fields: FacilityFields = {
        name: record.name,
        category: orUndefined(record.category),
        subtype: orUndefined(record.subtype),
        operator: orUndefined(record.operator),
        capacity: capacity === undefined ? undefined : Number(capacity),
        street: orUndefined(record.street),
        houseNumber: orUndefined(record.house_number),
        city: orUndefined(record.city) ?? CITY.name,
        phone: orUndefined(record.phone),
        email: orUndefined(record.email),
        website: orUndefined(record.website),
        openingHours: orUndefined(record.opening_hours),
        languages: list(record.languages),
        offers: list(record.offers),
      };
      const values = facilityValues(fields, { create: true }) as Parsed['values'];
      let point: { longitude: number; latitude: number } | null;
      const lon = orUndefined(record.longitude?.replace(',', '.'));
      const lat = orUndefined(record.latitude?.replace(',', '.'));
      if (lon !== undefined || lat !== undefined) {
        if (lon === undefined || lat === undefined || !Number.isFinite(Number(lon)) || !Number.isFinite(Number(lat))) {
          throw badUserInput('longitude and latitude must both be numbers in degrees (e.g. 7.4653 and 51.5136)');
        }
        point = { longitude: Number(lon), latitude: Number(lat) };
      } else {
        if (!values.street || !values.house_number) throw badUserInput('give longitude and latitude, or street and house_number of an address the atlas knows');
        point = await editStore.locationOfAddress(db, values.street, values.house_number);
        if (!point) throw badUserInput(`the address ${values.street} ${values.house_number} is not known to the atlas; give longitude and latitude`);
      }
      if (point.longitude < -180 || point.longitude > 180 || point.latitude < -90 || point.latitude > 90) {
        throw badUserInput(`longitude/latitude out of range (got ${point.longitude}, ${point.latitude})`);
      }
      const ubzId = await editStore.ubzAt(db, point.longitude, point.latitude);
      if (ubzId === null) throw badUserInput(`the point (${point.longitude}, ${point.latitude}) ${OUTSIDE_CITY}`);
      const id = orUndefined(record.id) ?? createHash('sha256').update(`${values.name}|${point.longitude.toFixed(5)}|${point.latitude.toFixed(5)}`).digest('hex').slice(0, 12);
      const key = `supplement:${sourceSlug}:${slug(id) || id}`;
      if (seen.has(key)) throw badUserInput(`the same record as line ${seen.get(key)} (id or name and position); give each line its own id`);
      seen.set(key, line);
      parsed.push({ line, key, values, location: { ...point, ubzId } });
      lines.push({ line, status: 'CREATED', key, message: null });
    } catch (error) {
      lines.push({ line, status: 'ERROR', key: null, message: (error as Error).message });
    }
  }
  const errors = lines.filter((l) => l.status === 'ERROR').length;
  const summarise = (written: boolean, reachRecomputed: string[]) => ({
    written,
    created: lines.filter((l) => l.status === 'CREATED').length,
    updated: lines.filter((l) => l.status === 'UPDATED').length,
    unchanged: lines.filter((l) => l.status === 'UNCHANGED').length,
    errors,
    lines,
    reachRecomputed,
  });
  const lineOf = new Map(lines.map((l) => [l.line, l]));
  // Which lines would update or leave a record as it is.
  const existing = new Map((await Promise.all(parsed.map((p) => editStore.lockFacility(db, p.key)))).filter((r) => r !== null).map((r) => [r!.key, r!]));
  for (const p of parsed) {
    const row = existing.get(p.key);
    if (!row) continue;
    const line = lineOf.get(p.line)!;
    line.status = isUnchanged(row, p) ? 'UNCHANGED' : 'UPDATED';
  }
  if (errors > 0 || dryRun) return summarise(false, []);

  const provenance = { dataset: `supplement:${sourceSlug}`, file: name, sha256, sourceId: null as string | null, licence, attribution };
  const reachRecomputed = await inWriteTransaction(db, async (trx) => {
    const categories = new Set<string>();
    for (const p of parsed) {
      const row = existing.get(p.key);
      const status = lineOf.get(p.line)!.status;
      if (status === 'UNCHANGED') continue;
      if (!row) {
        await editStore.insertFacility(trx, { key: p.key, origin: 'supplement', values: p.values, ...p.location, provenance: { ...provenance, sourceId: p.key.split(':')[2] }, actor: actorOf(who) });
      } else {
        await editStore.updateFacility(trx, p.key, { values: p.values, location: p.location, edited: false });
        await trx.raw(/* editing.supplementProvenance */ 'update facility_record set source_sha256 = ?, licence = ?, attribution = ?, imported_at = now() where key = ?', [sha256, licence, attribution, p.key]);
        categories.add(row.category);
      }
      categories.add(p.values.category);
      const after = (await editStore.lockFacility(trx, p.key))!;
      const action = row ? 'facility.supplement_update' : 'facility.supplement_create';
      await auditFacility(trx, who, action, p.key, row ?? null, after, `CSV supplement "${name}", line ${p.line}`);
    }
    return afterFacilityChange(trx, [...categories]);
  });
  return summarise(true, reachRecomputed);
}

function isUnchanged(row: NonNullable<Awaited<ReturnType<typeof editStore.lockFacility>>>, p: Parsed): boolean {
  const v = p.values;
  const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
  return (
    same(row.name, v.name) && same(row.category, v.category) && same(row.subtype, v.subtype) && same(row.operator, v.operator) &&
    same(row.capacity, v.capacity) && same(row.street, v.street) && same(row.house_number, v.house_number) && same(row.city, v.city) &&
    same(row.phone, v.phone) && same(row.email, v.email) && same(row.website, v.website) && same(row.opening_hours, v.opening_hours) &&
    same(row.languages, v.languages ?? []) && same(row.offers, v.offers ?? []) &&
    Math.abs(row.lon - p.location.longitude) < 1e-7 && Math.abs(row.lat - p.location.latitude) < 1e-7 && row.retired_on === null
  );
}
